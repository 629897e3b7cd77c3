package vn.motcua.dossier;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A search of the dossiers a caller may see: by status, deciding unit (and the units below it), text (code,
 * applicant's name, ID number or tax code) and reception dates (Asia/Ho_Chi_Minh days, inclusive).
 */
public record DossierQuery(@Nullable DossierStatus status, @Nullable String agency, @Nullable String text,
		@Nullable LocalDate receivedFrom, @Nullable LocalDate receivedTo, @Nullable String assignee,
		@Nullable String deadlineState, int page, int size) {

	public static DossierQuery all(int page, int size) {
		return new DossierQuery(null, null, null, null, null, null, null, page, size);
	}
}
