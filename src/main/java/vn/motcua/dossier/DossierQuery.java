package vn.motcua.dossier;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A search of the dossiers a caller may see: by status, deciding unit (and the units below it), text (code,
 * applicant's name, ID number or tax code) and reception dates (Asia/Ho_Chi_Minh days, inclusive).
 *
 * @param atCallersStep only dossiers whose current step is the caller's to hand over or to answer
 * @param focus one of the workspace's queues that no other field expresses
 * @param urgentFirst open dossiers first, the one whose promised date comes soonest at the top (the officer's inbox);
 *        otherwise the newest first (the applicant's list, the register)
 */
public record DossierQuery(@Nullable DossierStatus status, @Nullable String agency, @Nullable String text,
		@Nullable LocalDate receivedFrom, @Nullable LocalDate receivedTo, @Nullable String assignee,
		@Nullable String deadlineState, boolean atCallersStep, @Nullable Focus focus, boolean urgentFirst, int page,
		int size) {

	/** Queues of the officer's workspace beside "my step" and the deadline states. */
	public enum Focus {
		/** Open, promised for later today: what must be finished before the office closes. */
		DUE_TODAY,
		/** The applicant has answered a supplement request and nobody has acted on the dossier since. */
		SUPPLEMENT_RETURNED
	}

	public DossierQuery(@Nullable DossierStatus status, @Nullable String agency, @Nullable String text,
			@Nullable LocalDate receivedFrom, @Nullable LocalDate receivedTo, @Nullable String assignee,
			@Nullable String deadlineState, boolean atCallersStep, int page, int size) {
		this(status, agency, text, receivedFrom, receivedTo, assignee, deadlineState, atCallersStep, null, false, page,
				size);
	}

	public static DossierQuery all(int page, int size) {
		return new DossierQuery(null, null, null, null, null, null, null, false, page, size);
	}
}
