package vn.motcua.audit;

import java.util.Map;
import java.util.Objects;

/**
 * One thing that happened: who did what to which record, with details safe to keep (no passwords, no
 * more personal data than the record needs).
 *
 * @param actor the acting account's user name, or {@code system}
 * @param action a dotted verb such as {@code auth.sign-in} or {@code dossier.received}
 * @param subjectType the kind of record, such as {@code account} or {@code dossier}
 * @param subjectId the record's key
 * @param details further facts, stored as JSON
 */
public record AuditEntry(String actor, String action, String subjectType, String subjectId,
		Map<String, ?> details) {

	public AuditEntry {
		Objects.requireNonNull(actor, "actor");
		Objects.requireNonNull(action, "action");
		Objects.requireNonNull(subjectType, "subjectType");
		Objects.requireNonNull(subjectId, "subjectId");
		details = details == null ? Map.of() : details;
	}

	public static AuditEntry of(String actor, String action, String subjectType, String subjectId) {
		return new AuditEntry(actor, action, subjectType, subjectId, Map.of());
	}

	public AuditEntry with(Map<String, ?> moreDetails) {
		return new AuditEntry(actor, action, subjectType, subjectId, moreDetails);
	}
}
