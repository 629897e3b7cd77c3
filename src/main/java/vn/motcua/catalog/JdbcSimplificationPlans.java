package vn.motcua.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditLog;
import vn.motcua.platform.DomainProblem;

@Service
class JdbcSimplificationPlans implements SimplificationPlans {

	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final Clock clock;

	JdbcSimplificationPlans(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public Programme programme() {
		List<Plan> plans = jdbc.sql("""
				select s.*, p.name as procedure_name, p.duration_amount, p.duration_unit, p.fee_vnd
				from simplification_plan s join procedure p on p.code = s.procedure_code
				where s.status <> 'CANCELLED'
				order by s.decision_date desc, s.id desc""")
			.query((rs, i) -> {
				Integer current = "DAYS".equals(rs.getString("duration_unit")) ? (Integer) rs.getObject("duration_amount")
						: null;
				int baseline = rs.getInt("baseline_days");
				long baselineCost = rs.getLong("baseline_cost_vnd");
				long currentCost = rs.getLong("fee_vnd");
				return new Plan(rs.getLong("id"), rs.getString("procedure_code"), rs.getString("procedure_name"),
						rs.getString("decision_number"), rs.getObject("decision_date", LocalDate.class),
						rs.getObject("effective_from", LocalDate.class), rs.getString("measure"), rs.getBoolean("business"),
						rs.getString("status"), baseline, rs.getInt("target_days"), current, baselineCost,
						rs.getLong("target_cost_vnd"), currentCost, cut(baseline, rs.getInt("target_days")),
						current == null ? null : cut(baseline, current), baselineCost == 0 ? null
								: cut(baselineCost, rs.getLong("target_cost_vnd")),
						baselineCost == 0 ? null : cut(baselineCost, currentCost));
			})
			.list();
		Set<String> withPlans = plans.stream().map(Plan::procedureCode).collect(Collectors.toSet());
		Set<String> simplified = plans.stream()
			.filter(p -> positive(p.achievedTimeCut()) || positive(p.achievedCostCut()))
			.map(Plan::procedureCode)
			.collect(Collectors.toSet());
		Set<String> reaching = plans.stream()
			.filter(p -> p.achievedTimeCut() != null && p.achievedTimeCut().compareTo(PROGRAMME_TARGET_PERCENT) >= 0)
			.map(Plan::procedureCode)
			.collect(Collectors.toSet());
		Set<String> business = plans.stream().filter(Plan::business).map(Plan::procedureCode).collect(Collectors.toSet());
		long businessReaching = reaching.stream().filter(business::contains).count();
		return new Programme(plans, withPlans.size(), simplified.size(), reaching.size(), business.size(),
				businessReaching);
	}

	@Override
	@Transactional
	public long create(NewPlan plan, String actor) {
		if (!jdbc.sql("select exists (select 1 from procedure where code = ?)").param(plan.procedureCode())
			.query(Boolean.class)
			.single()) {
			throw new InvalidPlan("procedureCode", "Không có thủ tục mã " + plan.procedureCode());
		}
		if (plan.targetDays() > plan.baselineDays()) {
			throw new InvalidPlan("targetDays", "Thời hạn mục tiêu không được dài hơn thời hạn ban đầu");
		}
		if (plan.targetCostVnd() > plan.baselineCostVnd()) {
			throw new InvalidPlan("targetCostVnd", "Chi phí mục tiêu không được cao hơn chi phí ban đầu");
		}
		long id = jdbc.sql("""
				insert into simplification_plan (procedure_code, decision_number, decision_date, effective_from, measure,
				  business, baseline_days, target_days, baseline_cost_vnd, target_cost_vnd, status, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'APPROVED', ?) returning id""")
			.params(plan.procedureCode(), plan.decisionNumber(), Date.valueOf(plan.decisionDate()),
					plan.effectiveFrom() == null ? null : Date.valueOf(plan.effectiveFrom()), plan.measure(),
					plan.business(), plan.baselineDays(), plan.targetDays(), plan.baselineCostVnd(),
					plan.targetCostVnd(), Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
		audit.record(AuditEntry.of(actor, "catalog.simplification-plan-created", "simplification-plan",
				Long.toString(id))
			.with(Map.of("procedureCode", plan.procedureCode(), "decisionNumber", plan.decisionNumber(),
					"baselineDays", plan.baselineDays(), "targetDays", plan.targetDays())));
		return id;
	}

	@Override
	@Transactional
	public void changeStatus(long id, String status, @Nullable String reason, String actor) {
		String current = jdbc.sql("select status from simplification_plan where id = ? for update")
			.param(id)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new vn.motcua.platform.NotFound("Không có phương án " + id));
		boolean allowed = "IN_EFFECT".equals(status) && "APPROVED".equals(current)
				|| "CANCELLED".equals(status) && !"CANCELLED".equals(current);
		if (!allowed) {
			throw new PlanStatusConflict(current, status);
		}
		if ("CANCELLED".equals(status) && (reason == null || reason.isBlank())) {
			throw new InvalidPlan("reason", "Nhập lý do hủy phương án");
		}
		jdbc.sql("update simplification_plan set status = ? where id = ?").params(status, id).update();
		audit.record(AuditEntry.of(actor, "catalog.simplification-plan-" + status.toLowerCase(java.util.Locale.ROOT)
			.replace('_', '-'), "simplification-plan", Long.toString(id))
			.with(Map.of("from", current, "to", status, "reason", reason == null ? "" : reason.strip())));
	}

	static final class PlanStatusConflict extends DomainProblem {

		PlanStatusConflict(String from, String to) {
			super(org.springframework.http.HttpStatus.CONFLICT, "invalid-status",
					"Phương án đang ở trạng thái " + from + ", không chuyển sang " + to + " được.");
		}
	}

	/** Percent by which {@code now} is below {@code before}, half-up to 2 decimals (negative when it grew). */
	static BigDecimal cut(long before, long now) {
		return BigDecimal.valueOf(before - now)
			.multiply(BigDecimal.valueOf(100))
			.divide(BigDecimal.valueOf(before), 2, RoundingMode.HALF_UP);
	}

	private static boolean positive(@Nullable BigDecimal b) {
		return b != null && b.signum() > 0;
	}

	static final class InvalidPlan extends DomainProblem {

		private final String field;

		InvalidPlan(String field, String message) {
			super(HttpStatus.BAD_REQUEST, "invalid-plan", message);
			this.field = field;
		}

		@Override
		public Map<String, Object> properties() {
			return Map.of("errors", List.of(Map.of("field", field, "message", getMessage())));
		}
	}
}
