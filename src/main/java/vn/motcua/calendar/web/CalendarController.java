package vn.motcua.calendar.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import vn.motcua.calendar.CalendarSchedules;
import vn.motcua.calendar.CalendarSchedules.DeclaredDayOff;
import vn.motcua.calendar.DayOff;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.calendar.WorkingDuration;
import vn.motcua.calendar.YearView;
import vn.motcua.platform.ApiTime;
import vn.motcua.platform.InvalidParameter;

/** The calendar API of docs/api.md: days off per year, declared schedules, due dates, elapsed working time. */
@RestController
@RequestMapping("/api/v1/calendar")
class CalendarController {

	static final int MAX_DAYS = 365;
	static final int MAX_HOURS = 2920;

	private final WorkingCalendar calendar;
	private final CalendarSchedules schedules;

	CalendarController(WorkingCalendar calendar, CalendarSchedules schedules) {
		this.calendar = calendar;
		this.schedules = schedules;
	}

	@GetMapping("/days-off")
	Map<String, Object> daysOff(@RequestParam(required = false) @Nullable String year) {
		return view(calendar.year(year(year)));
	}

	@PutMapping("/years/{year}")
	@PreAuthorize("hasRole('ADMIN')")
	Map<String, Object> replace(@PathVariable String year, @RequestBody JsonNode body, Authentication actor) {
		int y = year(year);
		if (!body.isObject()) {
			throw new InvalidParameter("body", "Nội dung phải là một đối tượng JSON {\"daysOff\":[…],\"workingDays\":[…]}");
		}
		List<DeclaredDayOff> daysOff = new ArrayList<>();
		for (JsonNode item : array(body, "daysOff")) {
			if (item.isString()) {
				daysOff.add(new DeclaredDayOff(item.asString(), null));
			}
			else if (item.isObject() && item.path("date").isString()
					&& (item.path("reason").isMissingNode() || item.path("reason").isNull() || item.path("reason").isString())) {
				JsonNode reason = item.path("reason");
				daysOff.add(new DeclaredDayOff(item.get("date").asString(), reason.isString() ? reason.asString() : null));
			}
			else {
				daysOff.add(new DeclaredDayOff(item.toString(), null)); // reported as an invalid date
			}
		}
		List<String> workingDays = new ArrayList<>();
		for (JsonNode item : array(body, "workingDays")) {
			workingDays.add(item.isString() ? item.asString() : item.toString());
		}
		return view(schedules.replace(y, daysOff, workingDays, actor.getName()));
	}

	/**
	 * The due date of a duration started at {@code from}: exactly one of {@code workingDays} (1–365) and
	 * {@code workingHours} (1–2920), whole numbers.
	 */
	@GetMapping("/due")
	Map<String, Object> due(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String workingDays,
			@RequestParam(required = false) @Nullable String workingHours) {
		Instant start = ApiTime.parseInstant(from, "from");
		WorkingDuration duration;
		if ((workingDays == null) == (workingHours == null)) {
			throw new InvalidParameter(workingDays == null ? "workingDays" : "workingHours",
					"Cần đúng một trong hai tham số workingDays hoặc workingHours");
		}
		else if (workingDays != null) {
			duration = WorkingDuration.days(whole(workingDays, "workingDays", MAX_DAYS));
		}
		else {
			duration = WorkingDuration.hours(whole(workingHours, "workingHours", MAX_HOURS));
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("from", ApiTime.format(start));
		answer.put("due", ApiTime.format(calendar.due(start, duration)));
		answer.put("clockStart", ApiTime.format(calendar.clockStart(start)));
		return answer;
	}

	/** Working time elapsed between two instants (the inverse of {@code due}). */
	@GetMapping("/working-time")
	Map<String, Object> workingTime(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to) {
		Instant a = ApiTime.parseInstant(from, "from");
		Instant b = ApiTime.parseInstant(to, "to");
		long seconds = calendar.workingTimeBetween(a, b).toSeconds();
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("from", ApiTime.format(a));
		answer.put("to", ApiTime.format(b));
		answer.put("workingSeconds", seconds);
		answer.put("workingMinutes", seconds / 60);
		return answer;
	}

	private static Map<String, Object> view(YearView year) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("year", year.year());
		answer.put("daysOff", year.daysOff().stream().map(CalendarController::dayOff).toList());
		answer.put("workingDays", year.workingDays().stream().map(Object::toString).toList());
		return answer;
	}

	private static Map<String, Object> dayOff(DayOff d) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("date", d.date().toString());
		m.put("reason", d.reason());
		m.put("kind", d.kind().name());
		return m;
	}

	private static Iterable<JsonNode> array(JsonNode body, String name) {
		JsonNode node = body.path(name);
		if (node.isMissingNode() || node.isNull()) {
			return List.of();
		}
		if (!node.isArray()) {
			throw new InvalidParameter(name, name + " phải là một mảng");
		}
		return node;
	}

	private static int year(@Nullable String text) {
		int year = whole(text, "year", Integer.MAX_VALUE);
		if (year < WorkingCalendar.FIRST_YEAR || year > WorkingCalendar.LAST_YEAR) {
			throw new InvalidParameter("year", "Năm phải từ " + WorkingCalendar.FIRST_YEAR + " đến "
					+ WorkingCalendar.LAST_YEAR + ": " + text);
		}
		return year;
	}

	/** A whole number from 1 to {@code max}, written plainly (no sign, decimals or exponent). */
	private static int whole(@Nullable String text, String field, int max) {
		if (text == null || !text.matches("\\d{1,9}")) {
			throw new InvalidParameter(field, field + " phải là số nguyên dương: \"" + text + "\"");
		}
		int value = Integer.parseInt(text);
		if (value < 1 || value > max) {
			throw new InvalidParameter(field, field + " phải từ 1 đến " + max + ": " + value);
		}
		return value;
	}
}
