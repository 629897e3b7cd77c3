package vn.motcua.dossier;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Hồ sơ — an application for one administrative procedure, as it stands.
 *
 * @param agencyCode the deciding unit (competent authority); {@code receivingUnitCode} the unit that received
 * @param onTime null until the dossier ends, then judged by {@link OnTimeRule}
 * @param step the step of its internal process the dossier waits in; null under the default process
 * @param rating the applicant's rating once the result is returned: {@code SATISFIED} or {@code DISSATISFIED}
 * @param formData the e-form's answers as filed (tờ khai điện tử)
 * @param components the components held (thành phần hồ sơ): files, paper originals, data fetched instead
 * @param digitized it holds a component and every one it holds is a file or data (docs/api.md)
 */
public record Dossier(String code, String procedureCode, @Nullable String procedureName,
		@Nullable Integer procedureVersion, @Nullable String caseCode,
		String agencyCode, String receivingUnitCode, DossierStatus status, Channel channel, Applicant applicant,
		@Nullable String submitter, @Nullable Integer assuranceLevel, Instant submittedAt, @Nullable Instant receivedAt,
		@Nullable Instant dueAt, @Nullable Instant extendedDueAt, @Nullable Instant finishedAt,
		@Nullable Instant returnedAt, @Nullable Instant stoppedAt, @Nullable Boolean onTime,
		List<Supplement> supplements, long feeVnd, long paidVnd, boolean paidOnline, @Nullable String feeExemption,
		@Nullable String rating, String registryCheck,
		boolean approved, @Nullable String assignee, @Nullable Step step, String deadlineState, int version,
		Map<String, Object> formData, List<Component> components, boolean digitized, boolean electronicResult) {

	/**
	 * Ngày hẹn trả: the date the applicant was promised — the extended one once a leader extended it (with an
	 * apology), else the one set at reception. What pages, tracking, forms and deadlines go by.
	 */
	public @Nullable Instant promisedAt() {
		return extendedDueAt != null ? extendedDueAt : dueAt;
	}

	/** Nothing is owed: paid in full, or exempted (miễn phí, lệ phí). */
	public boolean paid() {
		return feeExemption != null || paidVnd >= feeVnd;
	}

	/** What is still owed, in đồng: nothing once paid in full or exempted. */
	public long owedVnd() {
		return paid() ? 0 : feeVnd - paidVnd;
	}

	/** One request for a supplement and, once the applicant has answered, its completion. */
	public record Supplement(Instant requestedAt, @Nullable Instant completedAt, @Nullable String reason,
			List<String> items) {
	}

	/**
	 * A step of the dossier's internal process, as copied when it entered processing.
	 *
	 * @param consultedAt when the consulted unit answered; null while the step waits for it
	 */
	public record Step(int position, String name, String unitCode, String role, int timeShare,
			@Nullable Instant startedAt, @Nullable Instant dueAt, @Nullable Instant completedAt,
			@Nullable String completedBy, @Nullable String note, @Nullable String consultUnitCode,
			@Nullable Instant consultedAt, @Nullable String consultedBy, @Nullable String consultNote) {

		/** The consulted unit has yet to answer. */
		public boolean consultPending() {
			return consultUnitCode != null && consultedAt == null;
		}
	}

	/** One entry of the history. */
	public record Event(Instant at, String actor, String action, @Nullable DossierStatus fromStatus,
			@Nullable DossierStatus toStatus, @Nullable String note) {
	}

	/**
	 * One component as held.
	 *
	 * @param reused a file taken from the applicant's document store, not uploaded for this dossier
	 */
	public record Component(String component, ComponentKind kind, @Nullable UUID documentId, @Nullable String fileName,
			boolean reused, Instant addedAt, String addedBy) {

		public boolean paper() {
			return kind == ComponentKind.PAPER;
		}
	}

	/** How a component is held: a file, a paper original, or data fetched instead of paper. */
	public enum ComponentKind {
		FILE, PAPER, DATA
	}
}
