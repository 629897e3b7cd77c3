package vn.motcua.programme;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditLog;
import vn.motcua.identity.Caller;
import vn.motcua.identity.Role;
import vn.motcua.organization.Agencies;
import vn.motcua.organization.Agency;
import vn.motcua.platform.Csv;
import vn.motcua.platform.Forbidden;
import vn.motcua.platform.InvalidFields;
import vn.motcua.platform.Sheets;
import vn.motcua.platform.Text;
import vn.motcua.platform.Zones;

/**
 * The leadership roster (danh sách lãnh đạo) and what Nghị quyết 57 asks of it: at least 25% of agency leaders with
 * science and technology expertise, per unit and for the province; beside it the training of high-quality staff.
 * The roster holds names, so only administrators and province leaders see all of it, department leaders their
 * subtree; the shares are figures anyone on the staff may read.
 */
@Service
public class Leadership {

	/** Nghị quyết 57's target for 2026: the share of leaders with S&T expertise, in percent. */
	public static final BigDecimal TARGET = new BigDecimal("25");

	/** The indicator the share is kept under month by month. */
	static final String INDICATOR = "NQ57_LEADERS_ST";

	private static final Set<String> YES = Set.of("x", "co", "yes", "true", "1", "dat", "da");

	/** The roster's columns, by the names a province's list may give them (folded). */
	private static final Map<String, List<String>> COLUMNS = Map.of(
			"unitCode", List.of("unitcode", "unit", "don vi", "ma don vi"),
			"fullName", List.of("fullname", "ho va ten", "ho ten"), "position", List.of("position", "chuc vu"),
			"qualifications", List.of("qualifications", "trinh do", "trinh do chuyen mon", "chuyen mon"),
			"stExpertise", List.of("stexpertise", "chuyen mon khcn", "co chuyen mon khcn", "khcn"),
			"stTrainingCompleted", List.of("sttrainingcompleted", "da boi duong khcn", "boi duong khcn"));

	private final JdbcClient jdbc;
	private final Agencies agencies;
	private final AuditLog audit;
	private final Clock clock;

	Leadership(JdbcClient jdbc, Agencies agencies, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.agencies = agencies;
		this.audit = audit;
		this.clock = clock;
	}

	/** One leader: the unit, the position held, qualifications, S&T expertise and training. */
	public record Leader(long id, String unitCode, String fullName, String position, @Nullable String qualifications,
			boolean stExpertise, boolean stTrainingCompleted) {
	}

	/** The share of one unit (or of the province, unit null) against the target. */
	public record Share(@Nullable String unitCode, @Nullable String unitName, long leaders, long withExpertise,
			long trained, @Nullable BigDecimal rate, BigDecimal target, boolean meetsTarget) {
	}

	/** A course for high-quality staff and who attended. */
	public record Course(long id, String title, @Nullable String organiser, LocalDate startsOn, LocalDate endsOn,
			List<Attendee> attendees) {

		public record Attendee(String fullName, String unitCode, boolean completed) {
		}
	}

	@Transactional(readOnly = true)
	public List<Leader> roster(Caller caller) {
		requireStaff(caller);
		List<Leader> all = jdbc.sql("select * from leadership_roster order by unit_code, id").query((rs, n) -> new Leader(
				rs.getLong("id"), rs.getString("unit_code"), rs.getString("full_name"), rs.getString("position"),
				rs.getString("qualifications"), rs.getBoolean("st_expertise"), rs.getBoolean("st_training_completed")))
			.list();
		if (caller.provinceWide()) {
			return all;
		}
		if (!caller.has(Role.DEPARTMENT_LEADER) || caller.unitCode() == null) {
			return List.of();
		}
		return all.stream().filter(l -> agencies.isWithin(l.unitCode(), caller.unitCode())).toList();
	}

	/** The province's share first, then each unit's (units with leaders on the roster), lowest share first. */
	@Transactional(readOnly = true)
	public List<Share> shares(Caller caller) {
		requireStaff(caller);
		return shares();
	}

	private List<Share> shares() {
		record Counts(long leaders, long expertise, long trained) {
		}
		Map<String, Counts> byUnit = new TreeMap<>();
		jdbc.sql("""
				select unit_code, count(*), count(*) filter (where st_expertise),
				  count(*) filter (where st_training_completed)
				from leadership_roster group by unit_code""")
			.query((rs, n) -> byUnit.put(rs.getString(1), new Counts(rs.getLong(2), rs.getLong(3), rs.getLong(4))))
			.list();
		List<Share> out = new ArrayList<>();
		long leaders = byUnit.values().stream().mapToLong(Counts::leaders).sum();
		long expertise = byUnit.values().stream().mapToLong(Counts::expertise).sum();
		long trained = byUnit.values().stream().mapToLong(Counts::trained).sum();
		out.add(share(null, null, leaders, expertise, trained));
		byUnit.entrySet().stream()
			.map(e -> share(e.getKey(), agencies.find(e.getKey()).map(Agency::name).orElse(e.getKey()),
					e.getValue().leaders(), e.getValue().expertise(), e.getValue().trained()))
			.sorted(java.util.Comparator.comparing((Share s) -> s.rate() == null ? BigDecimal.ZERO : s.rate())
				.thenComparing(s -> String.valueOf(s.unitName())))
			.forEach(out::add);
		return out;
	}

	static Share share(@Nullable String unit, @Nullable String name, long leaders, long expertise, long trained) {
		BigDecimal rate = vn.motcua.platform.Percent.of(expertise, leaders);
		return new Share(unit, name, leaders, expertise, trained, rate, TARGET, rate != null && rate.compareTo(TARGET) >= 0);
	}

	/**
	 * Replaces the roster with the file's (the roster is the list as it stands): every bad line reported, nothing
	 * changed until all are right; the province's share is recorded for this month.
	 */
	@Transactional
	public int importRoster(String fileName, InputStream content, Caller caller) throws IOException {
		if (!caller.provinceWide()) {
			throw new Forbidden(new Text("problem.programme.roster-forbidden"));
		}
		List<Csv.Row> rows = Sheets.read(fileName, content);
		InvalidFields.Collector errors = new InvalidFields.Collector();
		if (rows.size() < 2) {
			errors.add("file", "programme.import.empty").throwIfAny();
		}
		Map<String, Integer> at = Sheets.columns(rows.get(0).fields(), COLUMNS);
		for (String required : List.of("unitCode", "fullName", "position", "stExpertise")) {
			if (!at.containsKey(required)) {
				errors.add("file", "programme.import.missing-column", required);
			}
		}
		errors.throwIfAny();
		List<Object[]> leaders = new ArrayList<>();
		for (Csv.Row row : rows.subList(1, rows.size())) {
			String prefix = "line " + row.line() + ": ";
			String unit = Sheets.cell(row, at.get("unitCode"));
			String name = Sheets.cell(row, at.get("fullName"));
			String position = Sheets.cell(row, at.get("position"));
			String expertise = Sheets.cell(row, at.get("stExpertise"));
			if (unit == null || agencies.find(unit).isEmpty()) {
				errors.add(prefix + "unitCode", unit == null ? "programme.error.required" : "programme.error.unknown-unit",
						String.valueOf(unit));
			}
			if (name == null) {
				errors.add(prefix + "fullName", "programme.error.required");
			}
			if (position == null) {
				errors.add(prefix + "position", "programme.error.required");
			}
			if (expertise != null && !yesOrNo(expertise)) {
				errors.add(prefix + "stExpertise", "programme.import.yes-no", expertise);
			}
			leaders.add(new Object[] { unit, name, position, Sheets.cell(row, at.get("qualifications")),
					expertise != null && YES.contains(Sheets.fold(expertise)),
					YES.contains(Sheets.fold(String.valueOf(Sheets.cell(row, at.get("stTrainingCompleted"))))) });
		}
		errors.throwIfAny();
		jdbc.sql("delete from leadership_roster").update();
		Timestamp now = Timestamp.from(clock.instant());
		for (Object[] l : leaders) {
			jdbc.sql("""
					insert into leadership_roster (unit_code, full_name, position, qualifications, st_expertise,
					  st_training_completed, imported_at, imported_by)
					values (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(l[0], l[1], l[2], l[3], l[4], l[5], now, caller.username())
				.update();
		}
		recordShare(caller.username());
		audit.record(AuditEntry.of(caller.username(), "programme.roster.imported", "leadership-roster", "province")
			.with(Map.of("file", fileName, "leaders", leaders.size())));
		return leaders.size();
	}

	/** Keeps this month's share of the province under its indicator, for the trend. */
	void recordShare(String actor) {
		Share province = shares().get(0);
		if (province.rate() == null) {
			return;
		}
		jdbc.sql("""
				insert into programme_indicator_value (indicator_code, period, unit_code, value, recorded_by, recorded_at)
				select ?, ?, '', ?, ?, ? where exists (select 1 from programme_indicator where code = ?)
				on conflict (indicator_code, period, unit_code) do update set value = excluded.value,
				  recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at""")
			.params(INDICATOR, LocalDate.now(clock.withZone(Zones.VIETNAM)).withDayOfMonth(1), province.rate(), actor,
					Timestamp.from(clock.instant()), INDICATOR)
			.update();
	}

	@Transactional(readOnly = true)
	public List<Course> courses(Caller caller) {
		requireStaff(caller);
		Map<Long, List<Course.Attendee>> who = new java.util.HashMap<>();
		jdbc.sql("select course_id, full_name, unit_code, completed from training_attendance order by full_name")
			.query((rs, n) -> who.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(new Course.Attendee(rs.getString(2), rs.getString(3), rs.getBoolean(4))))
			.list();
		return jdbc.sql("select * from training_course order by starts_on desc, id")
			.query((rs, n) -> new Course(rs.getLong("id"), rs.getString("title"), rs.getString("organiser"),
					rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
					who.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	/** Records a course and who attended (administrators and province leaders). */
	@Transactional
	public long addCourse(@Nullable String title, @Nullable String organiser, @Nullable LocalDate startsOn,
			@Nullable LocalDate endsOn, List<Course.Attendee> attendees, Caller caller) {
		if (!caller.provinceWide()) {
			throw new Forbidden(new Text("problem.programme.roster-forbidden"));
		}
		InvalidFields.Collector errors = new InvalidFields.Collector();
		if (title == null || title.isBlank()) {
			errors.add("title", "programme.error.required");
		}
		if (startsOn == null) {
			errors.add("startsOn", "programme.error.required");
		}
		if (endsOn == null) {
			errors.add("endsOn", "programme.error.required");
		}
		else if (startsOn != null && endsOn.isBefore(startsOn)) {
			errors.add("endsOn", "programme.error.deadline-before-start");
		}
		for (Course.Attendee a : attendees) {
			if (a.fullName() == null || a.fullName().isBlank() || a.unitCode() == null
					|| agencies.find(a.unitCode()).isEmpty()) {
				errors.add("attendees", "programme.error.attendee");
			}
		}
		errors.throwIfAny();
		long id = jdbc.sql("insert into training_course (title, organiser, starts_on, ends_on) values (?, ?, ?, ?) returning id")
			.params(title.strip(), organiser, startsOn, endsOn)
			.query(Long.class)
			.single();
		for (Course.Attendee a : attendees) {
			jdbc.sql("insert into training_attendance (course_id, full_name, unit_code, completed) values (?, ?, ?, ?)"
					+ " on conflict do nothing")
				.params(id, a.fullName().strip(), a.unitCode(), a.completed())
				.update();
		}
		audit.record(AuditEntry.of(caller.username(), "programme.course.recorded", "training-course", Long.toString(id))
			.with(Map.of("attendees", attendees.size())));
		return id;
	}

	private static boolean yesOrNo(String v) {
		String f = Sheets.fold(v);
		return YES.contains(f) || Set.of("", "khong", "no", "false", "0", "chua").contains(f);
	}

	private static void requireStaff(Caller caller) {
		if (caller.citizen()) {
			throw new Forbidden(new Text("problem.programme.staff-only"));
		}
	}
}
