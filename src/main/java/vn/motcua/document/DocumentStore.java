package vn.motcua.document;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where files live. The filesystem store keeps them under the data directory; another implementation (an
 * S3-compatible object store) replaces it by configuration. Files are never overwritten or deleted.
 */
public interface DocumentStore {

	/** Largest accepted file. */
	long MAX_BYTES = 10L * 1024 * 1024;

	/**
	 * Checks and stores one file; must run in the caller's transaction, which records the metadata.
	 *
	 * @throws RefusedDocument when the content is not an accepted type or is too large or empty
	 */
	StoredDocument store(String ownerType, String ownerId, String component, String fileName, InputStream content,
			String actor);

	List<StoredDocument> list(String ownerType, String ownerId);

	Optional<StoredDocument> find(UUID id);

	/** The content; verified against its SHA-256 while read. */
	InputStream open(StoredDocument document);
}
