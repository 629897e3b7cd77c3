package vn.motcua.dossier;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A dossier was filed, acted on or imported: published in the transaction of the change and kept by the
 * event publication registry until every listener has handled it; {@code actor} is who took the action.
 */
public record DossierChanged(String code, String action, @Nullable DossierStatus fromStatus, DossierStatus toStatus,
		String agencyCode, Instant at, String actor) {
}
