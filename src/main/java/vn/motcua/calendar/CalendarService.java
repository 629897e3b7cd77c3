package vn.motcua.calendar;

import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditLog;
import vn.motcua.platform.Zones;

/**
 * The calendar over PostgreSQL: declared schedules are stored there; the working-time table built from
 * them is cached and rebuilt when the schedule's revision changes — at once on this instance, within
 * {@link #RECHECK} on the others.
 */
@Service
class CalendarService implements WorkingCalendar, CalendarSchedules {

	static final Duration RECHECK = Duration.ofSeconds(10);
	static final String DEFAULT_REASON = "Nghỉ theo lịch công bố của Chính phủ";
	/** One year beyond the supported span, so a long limit started late in 2199 still finds its day. */
	private static final int TABLE_LAST_YEAR = LAST_YEAR + 2;

	private final JdbcClient jdbc;
	private final Clock clock;
	private final AuditLog audit;
	private final WorkingHours hours;

	private volatile Snapshot snapshot;
	private volatile long checkedAtMillis;

	CalendarService(JdbcClient jdbc, Clock clock, AuditLog audit,
			@Value("${motcua.calendar.working-hours:07:00-11:00,13:00-17:00}") String workingHours) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.audit = audit;
		this.hours = WorkingHours.parse(workingHours);
	}

	private record Snapshot(long revision, WorkingTime time) {
	}

	@Override
	public Instant due(Instant from, WorkingDuration duration) {
		checkSupported(from);
		return time().due(from, duration.seconds(hours));
	}

	@Override
	public Optional<Instant> due(Instant from, WorkingDuration duration, List<Pause> pauses) {
		checkSupported(from);
		return time().due(from, duration.seconds(hours), pauses);
	}

	@Override
	public Duration workingTimeBetween(Instant from, Instant to) {
		checkSupported(from);
		checkSupported(to);
		return time().between(from, to);
	}

	@Override
	public Duration workingTimeBetween(Instant from, Instant to, List<Pause> pauses) {
		checkSupported(from);
		checkSupported(to);
		return time().between(from, to, pauses);
	}

	@Override
	public Instant clockStart(Instant from) {
		checkSupported(from);
		return time().clockStart(from);
	}

	@Override
	public boolean isWorkingDay(LocalDate date) {
		checkSupported(date.getYear());
		return time().isWorkingDay(date);
	}

	@Override
	public Optional<DayOff> dayOff(LocalDate date) {
		checkSupported(date.getYear());
		return time().dayOff(date);
	}

	@Override
	public WorkingHours workingHours() {
		return hours;
	}

	@Override
	public YearView year(int year) {
		checkSupported(year);
		WorkingTime time = time();
		DeclaredSchedule declared = loadDeclared(year).getOrDefault(year, DeclaredSchedule.empty(year));
		List<DayOff> weekendHolidays = StatutoryHolidays.of(year)
			.stream()
			.filter(d -> d.kind() == DayOff.Kind.STATUTORY && StatutoryHolidays.isWeekend(d.date()))
			.toList();
		return new YearView(year, time.daysOffIn(year), List.copyOf(declared.workingDays()), weekendHolidays, declared);
	}

	@Override
	@Transactional
	public YearView replace(int year, List<DeclaredDayOff> daysOff, List<String> workingDays, String actor) {
		checkSupported(year);
		DeclaredSchedule schedule = validate(year, daysOff, workingDays);
		DeclaredSchedule before = loadDeclared(year).getOrDefault(year, DeclaredSchedule.empty(year));
		jdbc.sql("delete from calendar_declared_day where year = ?").param(year).update();
		schedule.daysOff().forEach((date, reason) -> insert(year, date, "DAY_OFF", reason));
		schedule.workingDays().forEach(date -> insert(year, date, "WORKING", null));
		jdbc.sql("update calendar_revision set revision = revision + 1 where id = 1").update();
		audit.record(AuditEntry.of(actor, "calendar.schedule-replaced", "calendar-year", Integer.toString(year))
			.with(Map.of("before", describe(before), "after", describe(schedule))));
		snapshot = null; // rebuilt on next use, from what this transaction committed
		return year(year);
	}

	private DeclaredSchedule validate(int year, List<DeclaredDayOff> daysOff, List<String> workingDays) {
		List<Map<String, String>> errors = new ArrayList<>();
		Set<LocalDate> statutory = new HashSet<>();
		StatutoryHolidays.of(year).forEach(d -> statutory.add(d.date()));
		TreeMap<LocalDate, String> off = new TreeMap<>();
		for (int i = 0; i < daysOff.size(); i++) {
			String field = "daysOff[" + i + "]";
			DeclaredDayOff d = daysOff.get(i);
			LocalDate date = parse(d.date(), year, field, errors);
			if (date == null) {
				continue;
			}
			String reason = d.reason() == null || d.reason().isBlank() ? DEFAULT_REASON : d.reason().strip();
			if (reason.length() > 300) {
				errors.add(error(field, "Lý do dài quá 300 ký tự"));
			}
			else if (StatutoryHolidays.isWeekend(date)) {
				errors.add(error(field, date + " là " + weekday(date) + ": ngày nghỉ công bố phải từ thứ Hai đến thứ Sáu"));
			}
			else if (off.put(date, reason) != null) {
				errors.add(error(field, date + " bị lặp lại"));
			}
		}
		TreeSet<LocalDate> working = new TreeSet<>();
		for (int i = 0; i < workingDays.size(); i++) {
			String field = "workingDays[" + i + "]";
			LocalDate date = parse(workingDays.get(i), year, field, errors);
			if (date == null) {
				continue;
			}
			if (!StatutoryHolidays.isWeekend(date)) {
				errors.add(error(field, date + " là " + weekday(date) + ": ngày làm bù phải là thứ Bảy hoặc Chủ nhật"));
			}
			else if (statutory.contains(date)) {
				errors.add(error(field, date + " là ngày nghỉ lễ theo luật, không thể làm việc"));
			}
			else if (!working.add(date)) {
				errors.add(error(field, date + " bị lặp lại"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidSchedule(errors);
		}
		return new DeclaredSchedule(year, off, working);
	}

	private static LocalDate parse(String text, int year, String field, List<Map<String, String>> errors) {
		LocalDate date;
		try {
			date = LocalDate.parse(text == null ? "" : text.strip());
		}
		catch (DateTimeParseException e) {
			errors.add(error(field, "Ngày không hợp lệ: \"" + text + "\" (định dạng YYYY-MM-DD)"));
			return null;
		}
		if (date.getYear() != year) {
			errors.add(error(field, date + " không thuộc năm " + year));
			return null;
		}
		return date;
	}

	private static Map<String, String> error(String field, String message) {
		Map<String, String> e = new LinkedHashMap<>();
		e.put("field", field);
		e.put("message", message);
		return e;
	}

	private static String weekday(LocalDate date) {
		return switch (date.getDayOfWeek()) {
			case MONDAY -> "thứ Hai";
			case TUESDAY -> "thứ Ba";
			case WEDNESDAY -> "thứ Tư";
			case THURSDAY -> "thứ Năm";
			case FRIDAY -> "thứ Sáu";
			case SATURDAY -> "thứ Bảy";
			case SUNDAY -> "Chủ nhật";
		};
	}

	private static Map<String, Object> describe(DeclaredSchedule s) {
		Map<String, Object> d = new LinkedHashMap<>();
		Map<String, String> off = new LinkedHashMap<>();
		s.daysOff().forEach((date, reason) -> off.put(date.toString(), reason));
		d.put("daysOff", off);
		d.put("workingDays", s.workingDays().stream().map(LocalDate::toString).toList());
		return d;
	}

	private void insert(int year, LocalDate date, String kind, String reason) {
		jdbc.sql("insert into calendar_declared_day (day, year, kind, reason) values (?, ?, ?, ?)")
			.params(Date.valueOf(date), year, kind, reason)
			.update();
	}

	private WorkingTime time() {
		Snapshot current = snapshot;
		long now = clock.millis();
		// a clock set back (NTP step) rechecks at once instead of waiting for the old time to come again
		if (current != null && now >= checkedAtMillis && now - checkedAtMillis < RECHECK.toMillis()) {
			return current.time();
		}
		long revision = jdbc.sql("select revision from calendar_revision where id = 1").query(Long.class).single();
		checkedAtMillis = now;
		if (current == null || current.revision() != revision) {
			current = new Snapshot(revision,
					WorkingTime.build(FIRST_YEAR, TABLE_LAST_YEAR, Zones.VIETNAM, hours, loadDeclared(null)));
			snapshot = current;
		}
		return current.time();
	}

	private Map<Integer, DeclaredSchedule> loadDeclared(Integer onlyYear) {
		Map<Integer, TreeMap<LocalDate, String>> off = new HashMap<>();
		Map<Integer, TreeSet<LocalDate>> working = new HashMap<>();
		jdbc.sql("select day, year, kind, reason from calendar_declared_day where cast(:year as int) is null or year = :year")
			.param("year", onlyYear)
			.query(rs -> {
				int y = rs.getInt("year");
				LocalDate day = rs.getObject("day", LocalDate.class);
				if ("DAY_OFF".equals(rs.getString("kind"))) {
					off.computeIfAbsent(y, k -> new TreeMap<>()).put(day, rs.getString("reason"));
				}
				else {
					working.computeIfAbsent(y, k -> new TreeSet<>()).add(day);
				}
			});
		Map<Integer, DeclaredSchedule> result = new HashMap<>();
		Set<Integer> years = new HashSet<>(off.keySet());
		years.addAll(working.keySet());
		for (int y : years) {
			result.put(y, new DeclaredSchedule(y, off.getOrDefault(y, new TreeMap<>()),
					working.getOrDefault(y, new TreeSet<>())));
		}
		return result;
	}

	private static void checkSupported(Instant instant) {
		checkSupported(instant.atZone(Zones.VIETNAM).getYear());
	}

	private static void checkSupported(int year) {
		if (year < FIRST_YEAR || year > LAST_YEAR) {
			throw new OutsideSupportedYears("năm " + year);
		}
	}
}
