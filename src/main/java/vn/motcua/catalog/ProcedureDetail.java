package vn.motcua.catalog;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** Thủ tục hành chính — one published version of a procedure, whole. */
public record ProcedureDetail(ProcedureSummary summary, Publication publication, List<String> applicantTypes,
		Audience audience, @Nullable String steps, @Nullable String methods, @Nullable String conditions, @Nullable String result,
		@Nullable String legalBasis, List<Case> cases) {

	/**
	 * The publication decision (quyết định công bố) that created this version.
	 *
	 * @param type {@code NEW}, {@code AMENDED}, {@code ABOLISHED}, or {@code IMPORTED} for a load without one
	 */
	public record Publication(int version, @Nullable String decisionNumber, @Nullable LocalDate decisionDate,
			String type, @Nullable LocalDate effectiveFrom) {
	}

	/**
	 * Trường hợp — a case of the procedure with its own time limit and fees.
	 *
	 * @param cutoffTime received after this time of day, the clock starts on the next working day
	 * @param feesVnd fee per channel: {@code COUNTER}, {@code ONLINE}, {@code POSTAL}
	 * @param documents the template's components (thành phần hồ sơ); {@code form} its e-form
	 * @param requiresElectronicResult the result is issued as a signed electronic document
	 * @param resultSigner the role that must take FINISH and so sign the result (ký số kết quả); null: the
	 *        deciding unit's leader, as for any case
	 */
	public record Case(String code, String name, boolean isDefault, @Nullable Integer durationAmount,
			String durationUnit, @Nullable LocalTime cutoffTime, Map<String, Long> feesVnd, List<Document> documents,
			EForm form, boolean requiresElectronicResult, @Nullable ResultTemplate resultTemplate,
			vn.motcua.identity.@Nullable Role resultSigner) {

		public java.util.Optional<Document> document(String code) {
			return documents.stream().filter(d -> d.code().equals(code)).findFirst();
		}
	}

	/**
	 * Thành phần hồ sơ.
	 *
	 * @param code unique in its case; filings name components by it
	 * @param replacedByData supplied from a national database instead of paper (thay thế bằng dữ liệu)
	 */
	public record Document(String code, int ordinal, String name, int originals, int copies, boolean required,
			@Nullable String templateName, @Nullable String templateUrl, boolean replacedByData) {

		/** A component without a code of its own is known by its place: TP01, TP02, … */
		public Document(int ordinal, String name, int originals, int copies, boolean required,
				@Nullable String templateName, @Nullable String templateUrl, boolean replacedByData) {
			this(defaultCode(ordinal), ordinal, name, originals, copies, required, templateName, templateUrl,
					replacedByData);
		}

		public static String defaultCode(int ordinal) {
			return "TP" + (ordinal < 10 ? "0" : "") + ordinal;
		}
	}

	public Case defaultCase() {
		return cases.stream().filter(Case::isDefault).findFirst().orElse(cases.get(0));
	}
}
