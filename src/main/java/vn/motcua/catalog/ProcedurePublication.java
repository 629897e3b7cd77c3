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

	/** The content of a version. */
	record Draft(String name, String field, String agencyCode, String level, List<String> applicantTypes,
			OnlineLevel onlineLevel, @Nullable String steps, @Nullable String methods, @Nullable String conditions,
			@Nullable String result, @Nullable String legalBasis, boolean internal, List<CaseDraft> cases) {
	}

	/**
	 * @param durationUnit {@code DAYS}, {@code HOURS} or {@code NONE} (no appointment date)
	 * @param feesVnd by channel {@code COUNTER}, {@code ONLINE}, {@code POSTAL}
	 */
	record CaseDraft(String code, String name, boolean isDefault, @Nullable Integer durationAmount,
			String durationUnit, @Nullable LocalTime cutoffTime, Map<String, Long> feesVnd,
			List<ProcedureDetail.Document> documents) {
	}
}
