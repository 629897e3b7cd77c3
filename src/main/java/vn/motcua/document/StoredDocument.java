package vn.motcua.document;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored file and what is known of it.
 *
 * @param ownerType what it belongs to, such as {@code dossier}
 * @param component the required document (thành phần hồ sơ) it answers, when known
 */
public record StoredDocument(UUID id, String ownerType, String ownerId, String component, String fileName,
		String contentType, long sizeBytes, String sha256, Instant storedAt, String storedBy) {
}
