package vn.motcua.dossier;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Hồ sơ — an application for one administrative procedure, as it stands.
 *
 * @param agencyCode the deciding unit (competent authority); {@code receivingUnitCode} the unit that received
 * @param onTime null until the dossier ends, then judged by {@link OnTimeRule}
 */
public record Dossier(String code, String procedureCode, @Nullable String procedureName,
		@Nullable Integer procedureVersion, @Nullable String caseCode,
		String agencyCode, String receivingUnitCode, DossierStatus status, Channel channel, Applicant applicant,
		@Nullable String submitter, @Nullable Integer assuranceLevel, Instant submittedAt, @Nullable Instant receivedAt,
		@Nullable Instant dueAt, @Nullable Instant extendedDueAt, @Nullable Instant finishedAt,
		@Nullable Instant returnedAt, @Nullable Instant stoppedAt, @Nullable Boolean onTime,
		List<Supplement> supplements, long feeVnd, long paidVnd, boolean paidOnline, String registryCheck,
		boolean approved, @Nullable String assignee, String deadlineState, int version) {

	/** Nothing is owed. */
	public boolean paid() {
		return paidVnd >= feeVnd;
	}

	/** One request for a supplement and, once the applicant has answered, its completion. */
	public record Supplement(Instant requestedAt, @Nullable Instant completedAt, @Nullable String reason,
			List<String> items) {
	}

	/** One entry of the history. */
	public record Event(Instant at, String actor, String action, @Nullable DossierStatus fromStatus,
			@Nullable DossierStatus toStatus, @Nullable String note) {
	}
}
