package vn.motcua.dossier;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditLog;
import vn.motcua.catalog.ProcedureDetail;
import vn.motcua.catalog.Procedures;
import vn.motcua.identity.Role;
import vn.motcua.organization.Agencies;
import vn.motcua.organization.Agency;
import vn.motcua.platform.InvalidFields;
import vn.motcua.platform.NotFound;
import vn.motcua.platform.Zones;

/**
 * The configured internal processes: read, replaced whole, or removed (the case goes back to the default
 * process). Every change is audited with the steps it sets.
 */
@Service
public class InternalProcesses {

	static final int MAX_STEPS = 20;

	private final JdbcClient jdbc;
	private final Procedures procedures;
	private final Agencies agencies;
	private final AuditLog audit;
	private final Clock clock;

	InternalProcesses(JdbcClient jdbc, Procedures procedures, Agencies agencies, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.procedures = procedures;
		this.agencies = agencies;
		this.audit = audit;
		this.clock = clock;
	}

	/** The configured process of a case, if any. */
	@Transactional(readOnly = true)
	public Optional<InternalProcess> find(String procedureCode, String caseCode) {
		List<InternalProcess.Step> steps = steps(procedureCode, caseCode);
		return jdbc.sql("select updated_at, updated_by from case_process where procedure_code = ? and case_code = ?")
			.params(procedureCode, caseCode)
			.query((rs, n) -> new InternalProcess(procedureCode, caseCode, steps,
					rs.getTimestamp(1).toInstant(), rs.getString(2)))
			.optional();
	}

	/** The steps of a case's configured process, in order; empty when it follows the default process. */
	List<InternalProcess.Step> steps(String procedureCode, String caseCode) {
		return jdbc.sql("""
				select name, unit_code, role, time_share, consult_unit_code from case_process_step
				where procedure_code = ? and case_code = ? order by position""")
			.params(procedureCode, caseCode)
			.query((rs, n) -> new InternalProcess.Step(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)),
					rs.getInt(4), rs.getString(5)))
			.list();
	}

	/** Every configured process, by procedure and case, for the administration page. */
	@Transactional(readOnly = true)
	public List<InternalProcess> all() {
		List<String[]> keys = jdbc.sql("select procedure_code, case_code from case_process order by 1, 2")
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
		return keys.stream().map(k -> find(k[0], k[1]).orElseThrow()).toList();
	}

	/** Replaces the process of a case; all field errors at once (400), unknown procedure or case 404. */
	@Transactional
	public InternalProcess save(String procedureCode, String caseCode, List<InternalProcess.Step> steps, String actor) {
		ProcedureDetail procedure = procedure(procedureCode, caseCode);
		validate(procedure, steps);
		Instant now = clock.instant();
		jdbc.sql("delete from case_process where procedure_code = ? and case_code = ?")
			.params(procedureCode, caseCode)
			.update();
		jdbc.sql("insert into case_process (procedure_code, case_code, updated_at, updated_by) values (?, ?, ?, ?)")
			.params(procedureCode, caseCode, Timestamp.from(now), actor)
			.update();
		List<Map<String, Object>> described = new ArrayList<>();
		for (int i = 0; i < steps.size(); i++) {
			InternalProcess.Step s = steps.get(i);
			jdbc.sql("""
					insert into case_process_step (procedure_code, case_code, position, name, unit_code, role,
					  time_share, consult_unit_code) values (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(procedureCode, caseCode, i + 1, s.name().strip(), s.unitCode(), s.role().name(), s.timeShare(),
						s.consultUnitCode())
				.update();
			Map<String, Object> d = new LinkedHashMap<>();
			d.put("name", s.name().strip());
			d.put("unit", s.unitCode() == null ? procedure.summary().agencyCode() : s.unitCode());
			d.put("role", s.role().name());
			d.put("timeShare", s.timeShare());
			if (s.consultUnitCode() != null) {
				d.put("consult", s.consultUnitCode());
			}
			described.add(d);
		}
		audit.record(AuditEntry.of(actor, "process.saved", "procedure-case", procedureCode + "/" + caseCode)
			.with(Map.of("steps", described)));
		return find(procedureCode, caseCode).orElseThrow();
	}

	/** Removes the configured process: the case follows the default process again. */
	@Transactional
	public boolean remove(String procedureCode, String caseCode, String actor) {
		procedure(procedureCode, caseCode);
		int removed = jdbc.sql("delete from case_process where procedure_code = ? and case_code = ?")
			.params(procedureCode, caseCode)
			.update();
		if (removed > 0) {
			audit.record(AuditEntry.of(actor, "process.removed", "procedure-case", procedureCode + "/" + caseCode));
		}
		return removed > 0;
	}

	private ProcedureDetail procedure(String procedureCode, String caseCode) {
		ProcedureDetail p = procedures.find(procedureCode, true)
			.orElseThrow(() -> new NotFound("Không có thủ tục " + procedureCode + "."));
		if (p.cases().stream().noneMatch(c -> c.code().equals(caseCode))) {
			throw new NotFound("Thủ tục " + procedureCode + " không có trường hợp " + caseCode + ".");
		}
		return p;
	}

	/**
	 * Steps are held inside the deciding agency (it or a unit below it), consult another unit than their own,
	 * and share at most the whole time limit (the rest is the one-stop's reception and return).
	 */
	private void validate(ProcedureDetail procedure, List<InternalProcess.Step> steps) {
		InvalidFields.Collector errors = new InvalidFields.Collector();
		if (steps.isEmpty() || steps.size() > MAX_STEPS) {
			errors.add("steps", "process.steps.count", MAX_STEPS);
		}
		String agency = procedure.summary().agencyCode();
		int total = 0;
		for (int i = 0; i < steps.size(); i++) {
			InternalProcess.Step s = steps.get(i);
			String at = "steps[" + i + "].";
			if (s.name() == null || s.name().isBlank() || s.name().strip().length() > 200) {
				errors.add(at + "name", "process.step.name");
			}
			String unit = s.unitCode() == null ? agency : s.unitCode();
			Optional<Agency> held = agencies.find(unit);
			if (held.isEmpty() || !agencies.isWithin(unit, agency) || !active(held.get())) {
				errors.add(at + "unitCode", "process.step.unit", agency);
			}
			if (s.role() == null || !InternalProcess.STEP_ROLES.contains(s.role())) {
				errors.add(at + "role", "process.step.role");
			}
			if (s.timeShare() < 1 || s.timeShare() > 100) {
				errors.add(at + "timeShare", "process.step.share");
			}
			total += Math.max(0, s.timeShare());
			@Nullable String consult = s.consultUnitCode();
			if (consult != null) {
				Optional<Agency> consulted = agencies.find(consult);
				if (consulted.isEmpty() || !active(consulted.get()) || consult.equals(unit)) {
					errors.add(at + "consultUnitCode", "process.step.consult");
				}
			}
		}
		if (total > 100) {
			errors.add("steps", "process.steps.share-total", total);
		}
		errors.throwIfAny();
	}

	private boolean active(Agency a) {
		return a.validOn(LocalDate.now(clock.withZone(Zones.VIETNAM)));
	}
}
