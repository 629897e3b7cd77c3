package vn.motcua.dossier;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A filing as it arrives (docs/api.md {@code POST /api/v1/dossiers}), still unchecked: applicant fields are text
 * so that all mistakes, a malformed date included, are reported together; e-form answers are JSON values
 * ({@link String}, {@link Number}, {@link Boolean}, anything else to be refused).
 *
 * @param documents the components handed in, each a file of the filer's store or (at the counter) paper
 * @param formData answers to the case's e-form, by field name
 */
public record FilingRequest(@Nullable String procedureCode, @Nullable String caseCode, @Nullable String channel,
		@Nullable ApplicantInput applicant, @Nullable String note, List<ComponentInput> documents,
		Map<String, @Nullable Object> formData) {

	public FilingRequest {
		documents = List.copyOf(documents);
		formData = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(formData));
	}

	/** A filing without components or e-form answers. */
	public FilingRequest(@Nullable String procedureCode, @Nullable String caseCode, @Nullable String channel,
			@Nullable ApplicantInput applicant, @Nullable String note) {
		this(procedureCode, caseCode, channel, applicant, note, List.of(), Map.of());
	}

	public record ApplicantInput(@Nullable String type, @Nullable String idNumber, @Nullable String fullName,
			@Nullable String dateOfBirth, @Nullable String taxCode, @Nullable String businessName,
			@Nullable String phone, @Nullable String email, @Nullable String address) {
	}

	/**
	 * One component: {@code documentId} names a file of the filer's own store; {@code paper} says a one-stop
	 * officer saw the paper original.
	 */
	public record ComponentInput(@Nullable String component, @Nullable String documentId, boolean paper) {
	}
}
