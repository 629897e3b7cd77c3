package vn.motcua.dossier;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A search of the dossiers a caller may see: by status, deciding unit (and the units below it), text (code,
 * applicant's name, ID number or tax code) and reception dates (Asia/Ho_Chi_Minh days, inclusive).
 *
 * @param atCallersStep only dossiers whose current step is the caller's to hand over or to answer
 */
public record DossierQuery(@Nullable DossierStatus status, @Nullable String agency, @Nullable String text,
		@Nullable LocalDate receivedFrom, @Nullable LocalDate receivedTo, @Nullable String assignee,
		@Nullable String deadlineState, boolean atCallersStep, int page, int size) {

	public static DossierQuery all(int page, int size) {
		return new DossierQuery(null, null, null, null, null, null, null, false, page, size);
	}
}
