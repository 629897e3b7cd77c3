package vn.motcua.audit;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Appends to the hash-chained audit log. {@link #record} must run inside the caller's transaction, so the
 * record commits or rolls back with the change it describes.
 */
public interface AuditLog {

	/** Appends {@code entry}; throws when there is no transaction to join. */
	AuditRecord record(AuditEntry entry);

	/** Records newest first, optionally only those about one subject. */
	List<AuditRecord> page(@Nullable String subjectType, @Nullable String subjectId, int page, int size);

	long count(@Nullable String subjectType, @Nullable String subjectId);

	/** Checks every record's hash and link to its predecessor. */
	ChainVerification verify();

	/**
	 * A stored record.
	 *
	 * @param hash SHA-256 (hex) over the previous hash and this record's fields
	 */
	record AuditRecord(long id, Instant at, String actor, String action, String subjectType, String subjectId,
			String details, String previousHash, String hash) {
	}

	/**
	 * @param checked how many records were checked
	 * @param firstBrokenId the first record whose hash or link does not hold, or null when the chain holds
	 */
	record ChainVerification(long checked, @Nullable Long firstBrokenId, @Nullable String problem) {

		public boolean intact() {
			return firstBrokenId == null;
		}
	}
}
