package vn.motcua.dossier;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.calendar.WorkingDuration;
import vn.motcua.catalog.ProcedureDetail;
import vn.motcua.identity.Callers;

/**
 * Runs a dossier through the steps of its case's {@link InternalProcess}: copies them when it enters
 * processing, gives each step its share of the time limit when it starts, waits for the consulted unit, and
 * hands over to the next step. The last hand-over proposes the result, as APPROVE does in the default process.
 * Callers hold the dossier's row lock.
 */
@Component
class DossierSteps {

	private final JdbcClient jdbc;
	private final InternalProcesses processes;
	private final WorkingCalendar calendar;
	private final Deadlines deadlines;

	DossierSteps(JdbcClient jdbc, InternalProcesses processes, WorkingCalendar calendar, Deadlines deadlines) {
		this.deadlines = deadlines;
		this.jdbc = jdbc;
		this.processes = processes;
		this.calendar = calendar;
	}

	/**
	 * Copies the configured process of the dossier's case, if any, and starts its first step.
	 *
	 * @return the dossier's columns this sets (none for the default process)
	 */
	Map<String, @Nullable Object> start(Dossier d, Supplier<ProcedureDetail.@Nullable Case> filedCase, Instant now,
			Map<String, Object> details) {
		// most cases follow the default process: one look-up by the case code filed, the case itself only if needed
		ProcedureDetail.Case c = d.caseCode() == null ? filedCase.get() : null;
		String caseCode = d.caseCode() != null ? d.caseCode() : c == null ? null : c.code();
		List<InternalProcess.Step> steps = caseCode == null ? List.of() : processes.steps(d.procedureCode(), caseCode);
		if (steps.isEmpty()) {
			return Map.of();
		}
		if (c == null) {
			c = filedCase.get();
		}
		Set<String> units = new LinkedHashSet<>();
		for (int i = 0; i < steps.size(); i++) {
			InternalProcess.Step s = steps.get(i);
			String unit = s.unitCode() == null ? d.agencyCode() : s.unitCode();
			units.add(unit);
			if (s.consultUnitCode() != null) {
				units.add(s.consultUnitCode());
			}
			jdbc.sql("""
					insert into dossier_step (dossier_code, position, name, unit_code, role, time_share, consult_unit_code)
					values (?, ?, ?, ?, ?, ?, ?)""")
				.params(d.code(), i + 1, s.name(), unit, s.role().name(), s.timeShare(), s.consultUnitCode())
				.update();
		}
		begin(d.code(), 1, c, now, details);
		details.put("step", 1);
		details.put("stepName", steps.get(0).name());
		return Map.of("current_step", 1, "step_units", units.toArray(String[]::new));
	}

	/**
	 * Completes the current step and starts the next; after the last, the result stands proposed.
	 *
	 * @return the dossier's columns this sets
	 */
	Map<String, @Nullable Object> handOver(Dossier d, ProcedureDetail.@Nullable Case c, String actor, @Nullable String note, Instant now,
			Map<String, Object> details) {
		Dossier.Step step = d.step();
		if (step == null) {
			throw new DossierProblems.ActionNotAllowedNow("Hồ sơ không có bước xử lý nào đang chờ chuyển.");
		}
		if (step.consultPending()) {
			throw new DossierProblems.ActionNotAllowedNow(
					"Bước này đang chờ ý kiến của đơn vị phối hợp (" + step.consultUnitCode() + ").");
		}
		jdbc.sql("update dossier_step set completed_at = ?, completed_by = ?, note = ? where dossier_code = ? and position = ?")
			.params(Timestamp.from(now), actor, note, d.code(), step.position())
			.update();
		details.put("step", step.position());
		details.put("stepName", step.name());
		boolean late = step.dueAt() != null && now.isAfter(step.dueAt());
		details.put("stepLate", late);
		int next = step.position() + 1;
		boolean more = begin(d.code(), next, c, now, details);
		if (more) {
			details.put("nextStep", next);
			return Map.of("current_step", next);
		}
		details.put("resultProposed", true);
		Map<String, @Nullable Object> proposed = new java.util.LinkedHashMap<>();
		proposed.put("current_step", null);
		proposed.put("approved", true);
		return proposed;
	}

	/** Records the consulted unit's answer on the current step. */
	void reply(Dossier d, String actor, String note, Instant now, Map<String, Object> details) {
		Dossier.Step step = d.step();
		if (step == null || !step.consultPending()) {
			throw new DossierProblems.ActionNotAllowedNow("Không có ý kiến phối hợp nào đang chờ.");
		}
		jdbc.sql("""
				update dossier_step set consulted_at = ?, consulted_by = ?, consult_note = ?
				where dossier_code = ? and position = ?""")
			.params(Timestamp.from(now), actor, note, d.code(), step.position())
			.update();
		details.put("step", step.position());
		details.put("consultUnit", step.consultUnitCode());
	}

	/** The applicant's supplement wait is given back to the current step too: its due time moves by the wait. */
	void resume(Dossier d, Instant now) {
		Dossier.Step step = d.step();
		if (step == null || step.dueAt() == null) {
			return;
		}
		d.supplements().stream().filter(s -> s.completedAt() == null).findFirst().ifPresent(open -> {
			long minutes = calendar.workingTimeBetween(open.requestedAt(), now).toMinutes();
			if (minutes > 0) {
				Instant due = calendar.due(step.dueAt(), WorkingDuration.minutes((int) minutes));
				jdbc.sql("update dossier_step set due_at = ? where dossier_code = ? and position = ?")
					.params(Timestamp.from(due), d.code(), step.position())
					.update();
			}
		});
	}

	/** Starts step {@code position} now with its share of the case's time limit; false when there is none. */
	/** Starts the step; one that waits for a consulted unit says so in the details, which ask it at once. */
	private boolean begin(String code, int position, ProcedureDetail.@Nullable Case c, Instant now,
			Map<String, Object> details) {
		var row = jdbc.sql("select time_share, name, consult_unit_code from dossier_step where dossier_code = ? and position = ?")
			.params(code, position)
			.query((rs, n) -> new Object[] { rs.getInt(1), rs.getString(2), rs.getString(3) })
			.optional()
			.orElse(null);
		if (row == null) {
			return false;
		}
		int share = (Integer) row[0];
		if (row[2] != null) {
			details.put("consultRequestedFrom", row[2]);
			details.put("consultStep", row[1]);
		}
		Instant due = null;
		WorkingDuration limit = c == null ? null : deadlines.timeLimit(c);
		long total = limit == null ? 0 : limit.seconds(calendar.workingHours());
		if (total > 0) {
			int minutes = (int) Math.max(1, Math.round(total * share / 100.0 / 60));
			due = calendar.due(now, WorkingDuration.minutes(minutes));
		}
		jdbc.sql("update dossier_step set started_at = ?, due_at = ? where dossier_code = ? and position = ?")
			.params(Timestamp.from(now), due == null ? null : Timestamp.from(due), code, position)
			.update();
		return true;
	}
}
