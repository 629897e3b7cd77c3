package vn.motcua.catalog;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Publication as the law works it: each publication decision (quyết định công bố) of the provincial
 * chairman creates a new version of the procedure; an abolition takes it out of the public catalog while
 * its versions stay readable for the dossiers that used them.
 */
public interface ProcedurePublication {

	/** Publishes {@code draft} as the next version of {@code code} (version 1 for a new code); audited. */
	int publish(String code, Draft draft, Decision decision, String actor);

	/** Abolishes the procedure by {@code decision}; audited. */
	int abolish(String code, Decision decision, String actor);

	/**
	 * @param type {@code NEW}, {@code AMENDED}, {@code ABOLISHED}, or {@code IMPORTED} for a load without one
	 */
	record Decision(@Nullable String number, @Nullable LocalDate date, String type, @Nullable LocalDate effectiveFrom) {
	}

	/**
	 * The content of a version.
	 *
	 * @param audience whom it serves; read from {@code applicantTypes} when null
	 */
	record Draft(String name, String field, String agencyCode, String level, List<String> applicantTypes,
			@Nullable Audience audience, OnlineLevel onlineLevel, @Nullable String steps, @Nullable String methods,
			@Nullable String conditions, @Nullable String result, @Nullable String legalBasis, boolean internal,
			List<CaseDraft> cases) {

		public Draft(String name, String field, String agencyCode, String level, List<String> applicantTypes,
				OnlineLevel onlineLevel, @Nullable String steps, @Nullable String methods, @Nullable String conditions,
				@Nullable String result, @Nullable String legalBasis, boolean internal, List<CaseDraft> cases) {
			this(name, field, agencyCode, level, applicantTypes, null, onlineLevel, steps, methods, conditions, result,
					legalBasis, internal, cases);
		}

		public Audience audienceOrDerived() {
			return audience != null ? audience : Audience.of(applicantTypes);
		}
	}

	/**
	 * @param durationUnit {@code DAYS}, {@code HOURS} or {@code NONE} (no appointment date)
	 * @param feesVnd by channel {@code COUNTER}, {@code ONLINE}, {@code POSTAL}
	 * @param form the e-form; null keeps the one the same case had in the version before (none for a new case)
	 */
	record CaseDraft(String code, String name, boolean isDefault, @Nullable Integer durationAmount,
			String durationUnit, @Nullable LocalTime cutoffTime, Map<String, Long> feesVnd,
			List<ProcedureDetail.Document> documents, @Nullable EForm form, @Nullable Boolean requiresElectronicResult,
			vn.motcua.identity.@Nullable Role resultSigner) {

		public CaseDraft(String code, String name, boolean isDefault, @Nullable Integer durationAmount,
				String durationUnit, @Nullable LocalTime cutoffTime, Map<String, Long> feesVnd,
				List<ProcedureDetail.Document> documents) {
			this(code, name, isDefault, durationAmount, durationUnit, cutoffTime, feesVnd, documents, null, null, null);
		}
	}

	/**
	 * Sets a case's template in the version in force — components, e-form and whether the result is electronic —
	 * as an administrative correction (no new version); audited.
	 *
	 * @return the case as it now reads; empty when the procedure or case is unknown
	 */
	java.util.Optional<ProcedureDetail.Case> setTemplate(String code, String caseCode, CaseTemplate template, String actor);

	/** Đối tượng thực hiện of the version in force, as an administrative correction; audited. */
	boolean setAudience(String code, Audience audience, String actor);

	/**
	 * A case's template: components, e-form, whether its result must be a signed electronic document and who must
	 * sign it.
	 */
	record CaseTemplate(List<ProcedureDetail.Document> documents, EForm form, boolean requiresElectronicResult,
			@Nullable ResultTemplate resultTemplate, vn.motcua.identity.@Nullable Role resultSigner) {
	}
}
