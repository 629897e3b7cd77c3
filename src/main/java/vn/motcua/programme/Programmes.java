package vn.motcua.programme;

import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditLog;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.document.DocumentStore;
import vn.motcua.document.StoredDocument;
import vn.motcua.identity.Caller;
import vn.motcua.identity.Role;
import vn.motcua.identity.StaffAccounts;
import vn.motcua.organization.Agencies;
import vn.motcua.platform.DomainProblem;
import vn.motcua.platform.Forbidden;
import vn.motcua.platform.InvalidFields;
import vn.motcua.platform.NotFound;
import vn.motcua.platform.Percent;
import vn.motcua.platform.Text;
import vn.motcua.platform.Zones;

/**
 * The tasks of the programmes, who may see and change them, their reports and the figures leaders read. Statuses
 * are decided in Java ({@link TaskStatus}) as of today in Asia/Ho_Chi_Minh, so a list, a summary and a reminder never
 * disagree; a province holds hundreds of tasks, which are read whole and counted here.
 */
@Service
public class Programmes {

	/** Evidence files are stored like dossier documents, owned by the task. */
	static final String EVIDENCE_OWNER = "programme-task";

	private final JdbcClient jdbc;
	private final Clock clock;
	private final Agencies agencies;
	private final StaffAccounts staff;
	private final DocumentStore documents;
	private final AuditLog audit;
	private final WorkingCalendar calendar;

	Programmes(JdbcClient jdbc, Clock clock, Agencies agencies, StaffAccounts staff, DocumentStore documents,
			AuditLog audit, WorkingCalendar calendar) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.agencies = agencies;
		this.staff = staff;
		this.documents = documents;
		this.audit = audit;
		this.calendar = calendar;
	}

	/** A programme and its groups of tasks. */
	public record Programme(String code, String name, @Nullable String description, List<Group> groups) {

		public record Group(String code, String name) {
		}
	}

	/** What a new task says; the five clear fields are required. */
	public record NewTask(@Nullable String programme, @Nullable String code, @Nullable String group,
			@Nullable String title, @Nullable String ownerUsername, @Nullable String unitCode,
			@Nullable List<String> partnerUnitCodes, @Nullable LocalDate startDate, @Nullable LocalDate deadline,
			@Nullable String expectedResult, @Nullable BigDecimal targetValue, @Nullable String targetUnit) {
	}

	/** What a progress report says. */
	public record NewReport(@Nullable Integer progressPercent, @Nullable BigDecimal value, @Nullable String note,
			@Nullable List<UUID> evidenceDocumentIds, boolean done) {
	}

	/** A search of the tasks a caller may read; {@code unit} means that unit's subtree. */
	public record TaskQuery(@Nullable String programme, @Nullable String unit, @Nullable TaskStatus status,
			@Nullable String owner, int page, int size) {
	}

	public record Page(List<ProgrammeTask> items, long total) {
	}

	/** Counts by status and the two rates (percent, half-up to 2 decimals; null without a denominator). */
	public record Summary(long total, long doneOnTime, long doneLate, long overdue, long dueSoon, long onTrack,
			long notStarted, @Nullable BigDecimal completionRate, @Nullable BigDecimal onTimeRate) {

		static Summary of(List<ProgrammeTask> tasks) {
			Map<TaskStatus, Long> n = new java.util.EnumMap<>(TaskStatus.class);
			for (TaskStatus s : TaskStatus.values()) {
				n.put(s, 0L);
			}
			tasks.forEach(t -> n.merge(t.status(), 1L, Long::sum));
			long done = n.get(TaskStatus.DONE_ON_TIME) + n.get(TaskStatus.DONE_LATE);
			return new Summary(tasks.size(), n.get(TaskStatus.DONE_ON_TIME), n.get(TaskStatus.DONE_LATE),
					n.get(TaskStatus.OVERDUE), n.get(TaskStatus.DUE_SOON), n.get(TaskStatus.ON_TRACK),
					n.get(TaskStatus.NOT_STARTED), Percent.of(done, tasks.size()), Percent.of(n.get(TaskStatus.DONE_ON_TIME), done));
		}
	}

	/** One month of the trend: tasks falling due in it, and tasks done in it (on time and late). */
	public record Month(LocalDate month, long due, long doneOnTime, long doneLate) {
	}

	public List<Programme> programmes() {
		Map<String, List<Programme.Group>> groups = new LinkedHashMap<>();
		jdbc.sql("select programme_code, code, name from programme_group order by programme_code, position, code")
			.query((rs, n) -> {
				groups.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
					.add(new Programme.Group(rs.getString(2), rs.getString(3)));
				return null;
			})
			.list();
		return jdbc.sql("select code, name, description from programme order by code")
			.query((rs, n) -> new Programme(rs.getString(1), rs.getString(2), rs.getString(3),
					groups.getOrDefault(rs.getString(1), List.of())))
			.list();
	}

	/**
	 * Defines or renames a programme — a national one or a province's own plan — with its groups (administrators and
	 * province leaders); {@code code} is upper-case letters, digits and underscores.
	 */
	@Transactional
	public Programme define(String code, @Nullable String name, @Nullable String description, List<Programme.Group> groups,
			Caller caller) {
		if (!caller.provinceWide()) {
			throw new Forbidden(new Text("problem.programme.roster-forbidden"));
		}
		InvalidFields.Collector errors = new InvalidFields.Collector();
		if (!code.matches("[A-Z0-9_]{2,40}")) {
			errors.add("code", "programme.error.programme-code");
		}
		if (blank(name)) {
			errors.add("name", "programme.error.required");
		}
		for (Programme.Group g : groups) {
			if (blank(g.code()) || blank(g.name()) || g.code().length() > 40) {
				errors.add("groups", "programme.error.group");
			}
		}
		errors.throwIfAny();
		jdbc.sql("""
				insert into programme (code, name, description) values (?, ?, ?)
				on conflict (code) do update set name = excluded.name, description = excluded.description""")
			.params(code, name.strip(), description)
			.update();
		for (int i = 0; i < groups.size(); i++) {
			jdbc.sql("""
					insert into programme_group (programme_code, code, name, position) values (?, ?, ?, ?)
					on conflict (programme_code, code) do update set name = excluded.name, position = excluded.position""")
				.params(code, groups.get(i).code(), groups.get(i).name(), i)
				.update();
		}
		audit.record(AuditEntry.of(caller.username(), "programme.defined", "programme", code)
			.with(Map.of("groups", groups.size())));
		return programmes().stream().filter(p -> p.code().equals(code)).findFirst().orElseThrow();
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.VIETNAM));
	}

	// ---------------------------------------------------------------- reading

	@Transactional(readOnly = true)
	public Page list(TaskQuery q, Caller caller) {
		List<ProgrammeTask> all = visible(q.programme(), q.unit(), caller).stream()
			.filter(t -> q.status() == null || t.status() == q.status())
			.filter(t -> q.owner() == null || t.ownerUsername().equals(q.owner()))
			.toList();
		int size = Math.max(1, Math.min(q.size(), 500));
		int from = Math.min(all.size(), Math.max(0, q.page()) * size);
		return new Page(all.subList(from, Math.min(all.size(), from + size)), all.size());
	}

	@Transactional(readOnly = true)
	public Summary summary(@Nullable String programme, @Nullable String unit, Caller caller) {
		return Summary.of(visible(programme, unit, caller));
	}

	/** Tasks due and done per month over the months the visible tasks span (at most 24, the latest). */
	@Transactional(readOnly = true)
	public List<Month> trend(@Nullable String programme, @Nullable String unit, Caller caller) {
		List<ProgrammeTask> tasks = visible(programme, unit, caller);
		java.util.TreeMap<LocalDate, long[]> months = new java.util.TreeMap<>();
		for (ProgrammeTask t : tasks) {
			months.computeIfAbsent(t.deadline().withDayOfMonth(1), k -> new long[3])[0]++;
			if (t.doneAt() != null) {
				months.computeIfAbsent(t.doneAt().withDayOfMonth(1), k -> new long[3])[t.status() == TaskStatus.DONE_ON_TIME
						? 1 : 2]++;
			}
		}
		List<Month> out = new ArrayList<>();
		months.forEach((m, n) -> out.add(new Month(m, n[0], n[1], n[2])));
		return out.size() > 24 ? out.subList(out.size() - 24, out.size()) : out;
	}

	/** One task the caller may read, 404 otherwise. */
	@Transactional(readOnly = true)
	public ProgrammeTask get(long id, Caller caller) {
		ProgrammeTask t = find(id).orElseThrow(() -> notFound(id));
		if (!mayRead(t, caller)) {
			throw notFound(id);
		}
		return t;
	}

	@Transactional(readOnly = true)
	public List<ProgrammeTask.Report> reports(long id, Caller caller) {
		get(id, caller);
		return jdbc.sql("select * from programme_report where task_id = ? order by at, id").param(id)
			.query((rs, n) -> new ProgrammeTask.Report(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
					rs.getString("reported_by"), rs.getInt("progress_percent"), rs.getBigDecimal("value"),
					rs.getString("note"), rs.getBoolean("done"), uuids(rs.getArray("evidence"))))
			.list();
	}

	/** The evidence files a task holds (uploaded, whether or not a report cites them yet). */
	@Transactional(readOnly = true)
	public List<StoredDocument> evidence(long id, Caller caller) {
		get(id, caller);
		return documents.list(EVIDENCE_OWNER, Long.toString(id));
	}

	/** May the caller report on this task: its owner, a leader of its unit or above, an administrator. */
	public boolean mayReport(ProgrammeTask t, Caller caller) {
		return caller.provinceWide() || t.ownerUsername().equals(caller.username())
				|| caller.has(Role.DEPARTMENT_LEADER) && caller.unitCode() != null
						&& agencies.isWithin(t.unitCode(), caller.unitCode());
	}

	/** May the caller plan tasks for {@code unitCode}: administrators, province leaders, its department's leader. */
	public boolean mayPlan(@Nullable String unitCode, Caller caller) {
		return caller.provinceWide() || caller.has(Role.DEPARTMENT_LEADER) && caller.unitCode() != null
				&& (unitCode == null || agencies.isWithin(unitCode, caller.unitCode()));
	}

	private boolean mayRead(ProgrammeTask t, Caller caller) {
		return !caller.citizen() && (caller.provinceWide() || t.ownerUsername().equals(caller.username())
				|| caller.unitCode() != null && agencies.isWithin(t.unitCode(), caller.unitCode()));
	}

	private List<ProgrammeTask> visible(@Nullable String programme, @Nullable String unit, Caller caller) {
		if (caller.citizen()) {
			throw new Forbidden(new Text("problem.programme.staff-only"));
		}
		StringBuilder sql = new StringBuilder("select * from programme_task t where true");
		Map<String, Object> params = new java.util.HashMap<>();
		if (programme != null) {
			sql.append(" and t.programme_code = :programme");
			params.put("programme", programme);
		}
		if (unit != null) {
			sql.append(" and t.unit_code = any(:unit)");
			params.put("unit", agencies.subtree(unit).toArray(String[]::new));
		}
		if (!caller.provinceWide()) {
			sql.append(" and (t.unit_code = any(:mine) or t.owner_username = :me)");
			params.put("mine", caller.unitCode() == null ? new String[0]
					: agencies.subtree(caller.unitCode()).toArray(String[]::new));
			params.put("me", caller.username());
		}
		sql.append(" order by t.deadline, t.programme_code, t.code");
		LocalDate today = today();
		return jdbc.sql(sql.toString()).params(params).query((rs, n) -> task(rs, today)).list();
	}

	Optional<ProgrammeTask> find(long id) {
		LocalDate today = today();
		return jdbc.sql("select * from programme_task where id = ?").param(id).query((rs, n) -> task(rs, today))
			.optional();
	}

	ProgrammeTask task(ResultSet rs, LocalDate today) throws SQLException {
		LocalDate deadline = rs.getObject("deadline", LocalDate.class);
		LocalDate doneAt = rs.getObject("done_at", LocalDate.class);
		Timestamp last = rs.getTimestamp("last_report_at");
		return new ProgrammeTask(rs.getLong("id"), rs.getString("programme_code"), rs.getString("code"),
				rs.getString("group_code"), rs.getString("title"), rs.getString("owner_username"),
				rs.getString("unit_code"), Arrays.asList((String[]) rs.getArray("partner_unit_codes").getArray()),
				rs.getObject("start_date", LocalDate.class), deadline, rs.getString("expected_result"),
				rs.getBigDecimal("target_value"), rs.getString("target_unit"), rs.getInt("progress_percent"),
				rs.getBigDecimal("current_value"), doneAt, last == null ? null : last.toInstant(),
				TaskStatus.of(deadline, doneAt, last != null, today), dayOff(deadline), rs.getBoolean("demo"));
	}

	private @Nullable String dayOff(LocalDate day) {
		try {
			return calendar.dayOff(day).map(vn.motcua.calendar.DayOff::reason).orElse(calendar.isWorkingDay(day) ? null : "");
		}
		catch (RuntimeException outsideSupportedYears) {
			return null;
		}
	}

	private static List<UUID> uuids(Array array) throws SQLException {
		return Arrays.asList((UUID[]) array.getArray());
	}

	// ---------------------------------------------------------------- changing

	/** Plans a task; 400 with every missing or wrong field, 403 outside the caller's units, 409 on a repeated code. */
	@Transactional
	public ProgrammeTask create(NewTask t, Caller caller) {
		checkNew(t, "").throwIfAny();
		if (!mayPlan(t.unitCode(), caller)) {
			throw new Forbidden(new Text("problem.programme.plan-forbidden"));
		}
		if (jdbc.sql("select count(*) from programme_task where programme_code = ? and code = ?")
			.params(t.programme(), t.code().strip()).query(Long.class).single() > 0) {
			throw new RepeatedCode(t.programme(), t.code().strip());
		}
		long id = insert(t, caller.username(), false);
		audit.record(AuditEntry.of(caller.username(), "programme.task.created", "programme-task", Long.toString(id))
			.with(Map.of("programme", t.programme(), "code", t.code().strip(), "unit", t.unitCode())));
		return find(id).orElseThrow();
	}

	/** The checks of a new task, each mistake a field error (prefixed for an import's line). */
	InvalidFields.Collector checkNew(NewTask t, String prefix) {
		InvalidFields.Collector errors = new InvalidFields.Collector();
		if (blank(t.programme())) {
			errors.add(prefix + "programme", "programme.error.required");
		}
		else if (jdbc.sql("select count(*) from programme where code = ?").param(t.programme()).query(Long.class)
			.single() == 0) {
			errors.add(prefix + "programme", "programme.error.unknown-programme", t.programme());
		}
		if (blank(t.code())) {
			errors.add(prefix + "code", "programme.error.required");
		}
		else if (t.code().strip().length() > 40) {
			errors.add(prefix + "code", "programme.error.too-long", 40);
		}
		if (blank(t.title())) {
			errors.add(prefix + "title", "programme.error.required");
		}
		else if (t.title().length() > 1000) {
			errors.add(prefix + "title", "programme.error.too-long", 1000);
		}
		if (blank(t.ownerUsername())) {
			errors.add(prefix + "ownerUsername", "programme.error.required");
		}
		else if (staff.find(t.ownerUsername()).isEmpty()) {
			errors.add(prefix + "ownerUsername", "programme.error.unknown-owner", t.ownerUsername());
		}
		if (blank(t.unitCode())) {
			errors.add(prefix + "unitCode", "programme.error.required");
		}
		else if (agencies.find(t.unitCode()).isEmpty()) {
			errors.add(prefix + "unitCode", "programme.error.unknown-unit", t.unitCode());
		}
		for (String partner : t.partnerUnitCodes() == null ? List.<String>of() : t.partnerUnitCodes()) {
			if (partner == null || agencies.find(partner).isEmpty()) {
				errors.add(prefix + "partnerUnitCodes", "programme.error.unknown-unit", String.valueOf(partner));
			}
		}
		if (t.deadline() == null) {
			errors.add(prefix + "deadline", "programme.error.required");
		}
		else if (t.startDate() != null && t.deadline().isBefore(t.startDate())) {
			errors.add(prefix + "deadline", "programme.error.deadline-before-start");
		}
		if (blank(t.expectedResult())) {
			errors.add(prefix + "expectedResult", "programme.error.required");
		}
		if (t.group() != null && !t.group().isBlank() && !blank(t.programme())
				&& jdbc.sql("select count(*) from programme_group where programme_code = ? and code = ?")
					.params(t.programme(), t.group()).query(Long.class).single() == 0) {
			errors.add(prefix + "group", "programme.error.unknown-group", t.group());
		}
		if (t.targetValue() != null && t.targetValue().abs().compareTo(new BigDecimal("1000000000000")) >= 0) {
			errors.add(prefix + "targetValue", "programme.error.out-of-range");
		}
		return errors;
	}

	long insert(NewTask t, String actor, boolean demo) {
		return jdbc.sql("""
				insert into programme_task (programme_code, code, group_code, title, owner_username, unit_code,
				  partner_unit_codes, start_date, deadline, expected_result, target_value, target_unit, created_at,
				  created_by, demo)
				values (:programme, :code, :group, :title, :owner, :unit, :partners, :start, :deadline, :expected,
				  :target, :targetUnit, :now, :actor, :demo)
				returning id""")
			.param("programme", t.programme())
			.param("code", t.code().strip())
			.param("group", t.group() == null || t.group().isBlank() ? null : t.group())
			.param("title", t.title().strip())
			.param("owner", t.ownerUsername())
			.param("unit", t.unitCode())
			.param("partners", (t.partnerUnitCodes() == null ? List.<String>of() : t.partnerUnitCodes())
				.toArray(String[]::new))
			.param("start", t.startDate())
			.param("deadline", t.deadline())
			.param("expected", t.expectedResult().strip())
			.param("target", t.targetValue())
			.param("targetUnit", t.targetUnit() == null || t.targetUnit().isBlank() ? null : t.targetUnit().strip())
			.param("now", Timestamp.from(clock.instant()))
			.param("actor", actor)
			.param("demo", demo)
			.query(Long.class)
			.single();
	}

	/** Stores an evidence file for the task (owner or leader), to be cited by a report. */
	@Transactional
	public StoredDocument addEvidence(long id, String fileName, InputStream content, Caller caller) {
		ProgrammeTask t = get(id, caller);
		if (!mayReport(t, caller)) {
			throw new Forbidden(new Text("problem.programme.report-forbidden"));
		}
		StoredDocument d = documents.store(EVIDENCE_OWNER, Long.toString(id), "evidence", fileName, content,
				caller.username());
		audit.record(AuditEntry.of(caller.username(), "programme.evidence.added", "programme-task", Long.toString(id))
			.with(Map.of("document", d.id().toString(), "file", d.fileName())));
		return d;
	}

	/**
	 * Records a progress report: 404 when the caller cannot see the task, 403 when they may not report on it, 409
	 * once it is done; a done report needs evidence and makes the progress 100.
	 */
	@Transactional
	public ProgrammeTask.Report report(long id, NewReport r, Caller caller) {
		ProgrammeTask t = jdbc.sql("select id from programme_task where id = ? for update").param(id).query(Long.class)
			.optional()
			.flatMap(this::find)
			.orElseThrow(() -> notFound(id));
		if (!mayRead(t, caller)) {
			throw notFound(id);
		}
		if (!mayReport(t, caller)) {
			throw new Forbidden(new Text("problem.programme.report-forbidden"));
		}
		if (t.doneAt() != null) {
			throw new AlreadyDone(t.code());
		}
		InvalidFields.Collector errors = new InvalidFields.Collector();
		if (!r.done() && r.progressPercent() == null) {
			errors.add("progressPercent", "programme.error.required");
		}
		if (r.progressPercent() != null && (r.progressPercent() < 0 || r.progressPercent() > 100)) {
			errors.add("progressPercent", "programme.error.percent");
		}
		List<UUID> evidence = r.evidenceDocumentIds() == null ? List.of() : r.evidenceDocumentIds();
		List<String> held = documents.list(EVIDENCE_OWNER, Long.toString(id)).stream().map(d -> d.id().toString())
			.toList();
		for (UUID e : evidence) {
			if (e == null || !held.contains(e.toString())) {
				errors.add("evidenceDocumentIds", "programme.error.unknown-evidence", String.valueOf(e));
			}
		}
		if (r.done() && evidence.isEmpty()) {
			errors.add("evidenceDocumentIds", "programme.error.done-needs-evidence");
		}
		if (r.note() != null && r.note().length() > 4000) {
			errors.add("note", "programme.error.too-long", 4000);
		}
		if (r.value() != null && r.value().abs().compareTo(new BigDecimal("1000000000000")) >= 0) {
			errors.add("value", "programme.error.out-of-range");
		}
		errors.throwIfAny();
		int progress = r.done() ? 100 : r.progressPercent();
		Instant now = clock.instant();
		long reportId = jdbc.sql("""
				insert into programme_report (task_id, at, reported_by, progress_percent, value, note, done, evidence)
				values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(id, Timestamp.from(now), caller.username(), progress, r.value(), r.note(), r.done(),
					evidence.toArray(UUID[]::new))
			.query(Long.class)
			.single();
		jdbc.sql("""
				update programme_task set progress_percent = ?, current_value = coalesce(?, current_value),
				  last_report_at = ?, done_at = ? where id = ?""")
			.params(progress, r.value(), Timestamp.from(now), r.done() ? today() : null, id)
			.update();
		audit.record(AuditEntry.of(caller.username(), r.done() ? "programme.task.done" : "programme.task.reported",
				"programme-task", Long.toString(id))
			.with(Map.of("progress", progress, "evidence", evidence.size())));
		return new ProgrammeTask.Report(reportId, now, caller.username(), progress, r.value(), r.note(), r.done(),
				evidence);
	}

	private static boolean blank(@Nullable String s) {
		return s == null || s.isBlank();
	}

	private static NotFound notFound(long id) {
		return new NotFound(new Text("problem.programme.task-not-found", Long.toString(id)));
	}

	/** A code already used in the programme (409). */
	static final class RepeatedCode extends DomainProblem {

		RepeatedCode(String programme, String code) {
			super(HttpStatus.CONFLICT, "duplicate", new Text("problem.programme.repeated-code", code, programme));
		}
	}

	/** A task already done takes no further report (409). */
	static final class AlreadyDone extends DomainProblem {

		AlreadyDone(String code) {
			super(HttpStatus.CONFLICT, "already-done", new Text("problem.programme.already-done", code));
		}
	}

	/** The overdue tasks, the longest overdue first (tasks are read by deadline), for a leader to chase. */
	public List<ProgrammeTask> overdue(@Nullable String programme, @Nullable String unit, Caller caller) {
		return list(new TaskQuery(programme, unit, TaskStatus.OVERDUE, null, 0, 500), caller).items();
	}
}
