package vn.motcua.dossier;

import org.jspecify.annotations.Nullable;

/**
 * A filing as it arrives (docs/api.md {@code POST /api/v1/dossiers}), still unchecked: every field is text so that
 * all mistakes, a malformed date included, are reported together.
 */
public record FilingRequest(@Nullable String procedureCode, @Nullable String caseCode, @Nullable String channel,
		@Nullable ApplicantInput applicant, @Nullable String note) {

	public record ApplicantInput(@Nullable String type, @Nullable String idNumber, @Nullable String fullName,
			@Nullable String dateOfBirth, @Nullable String taxCode, @Nullable String businessName,
			@Nullable String phone, @Nullable String email, @Nullable String address) {
	}
}
