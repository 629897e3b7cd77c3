package vn.motcua.catalog;

import org.jspecify.annotations.Nullable;

/**
 * A procedure as lists show it, with the figures of its default case.
 *
 * @param durationAmount working days or hours ({@code durationUnit}), null when there is no appointment date
 * @param durationUnit {@code DAYS}, {@code HOURS} or {@code NONE}
 * @param feeVnd the default case's fee at the counter
 */
public record ProcedureSummary(String code, String name, String field, String agencyCode, String level,
		@Nullable Integer durationAmount, String durationUnit, long feeVnd, OnlineLevel onlineLevel, boolean internal,
		String status, int version) {

	/** The time limit in working days, when it is counted in days. */
	public @Nullable Integer durationWorkingDays() {
		return "DAYS".equals(durationUnit) ? durationAmount : null;
	}
}
