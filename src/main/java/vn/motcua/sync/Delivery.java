package vn.motcua.sync;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One message to the national portal about one dossier.
 *
 * @param sequence from 1 per dossier, without gaps: the portal applies them in this order
 * @param service {@code DongBoHoSoMC} (the dossier, once) or {@code CapNhatTienDoHoSoMC} (a step)
 * @param payload the JSON object sent in {@code data}
 */
public record Delivery(UUID id, String dossierCode, int sequence, String service, int nationalStatus, String payload,
		String status, int attempts, Instant createdAt, @Nullable Instant deliveredAt, @Nullable String lastError) {
}
