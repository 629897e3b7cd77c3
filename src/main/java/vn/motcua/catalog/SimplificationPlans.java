package vn.motcua.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Phương án đơn giản hóa — plans that cut a procedure's time and cost, with the cut approved and the cut
 * achieved by the versions published since, and the programme's totals.
 */
public interface SimplificationPlans {

	/** Percentages are rounded half-up to 2 decimals; the programme counts a cut of at least this. */
	BigDecimal PROGRAMME_TARGET_PERCENT = new BigDecimal("30");

	Programme programme();

	long create(NewPlan plan, String actor);

	/**
	 * Moves a plan along its life: APPROVED → IN_EFFECT, or either → CANCELLED (with a reason; a cancelled plan
	 * leaves the programme's totals). Audited; anything else is refused.
	 */
	void changeStatus(long id, String status, @Nullable String reason, String actor);

	record NewPlan(String procedureCode, String decisionNumber, LocalDate decisionDate, @Nullable LocalDate effectiveFrom,
			String measure, boolean business, int baselineDays, int targetDays, long baselineCostVnd, long targetCostVnd) {
	}

	/**
	 * @param currentDays the time limit of the version in force (default case), null without an appointment date
	 * @param approvedTimeCut percent the plan approved
	 * @param achievedTimeCut percent the published version achieves against the baseline
	 */
	record Plan(long id, String procedureCode, String procedureName, String decisionNumber, LocalDate decisionDate,
			@Nullable LocalDate effectiveFrom, String measure, boolean business, String status, int baselineDays,
			int targetDays, @Nullable Integer currentDays, long baselineCostVnd, long targetCostVnd, long currentCostVnd,
			BigDecimal approvedTimeCut, @Nullable BigDecimal achievedTimeCut, @Nullable BigDecimal approvedCostCut,
			@Nullable BigDecimal achievedCostCut) {
	}

	/**
	 * @param proceduresSimplified procedures whose published version achieves a cut of time or cost
	 * @param reachingTarget procedures whose achieved time cut is at least {@link #PROGRAMME_TARGET_PERCENT}
	 * @param businessReachingTarget the same among business-related procedures
	 */
	record Programme(List<Plan> plans, long proceduresWithPlans, long proceduresSimplified, long reachingTarget,
			long businessProcedures, long businessReachingTarget) {
	}
}
