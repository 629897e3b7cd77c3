package vn.motcua.calendar.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.motcua.calendar.CalendarSchedules;
import vn.motcua.calendar.CalendarSchedules.DeclaredDayOff;
import vn.motcua.calendar.DayOff;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.calendar.YearView;
import vn.motcua.platform.Zones;

/**
 * The administrator's page of a year: twelve months with every day off and working Saturday marked, the
 * reason for each day off, and the form that replaces the year's declared schedule.
 */
@Controller
class CalendarAdminPages {

	private final WorkingCalendar calendar;
	private final CalendarSchedules schedules;
	private final Clock clock;

	CalendarAdminPages(WorkingCalendar calendar, CalendarSchedules schedules, Clock clock) {
		this.calendar = calendar;
		this.schedules = schedules;
		this.clock = clock;
	}

	@GetMapping("/admin/calendar")
	String year(@RequestParam(required = false) @Nullable Integer year, Model model) {
		int y = year != null && year >= WorkingCalendar.FIRST_YEAR && year <= WorkingCalendar.LAST_YEAR ? year
				: Zones.today(clock).getYear();
		YearView view = calendar.year(y);
		model.addAttribute("view", view);
		model.addAttribute("months", months(view));
		if (!model.containsAttribute("daysOffText")) {
			model.addAttribute("daysOffText", view.declared()
				.daysOff()
				.entrySet()
				.stream()
				.map(e -> e.getKey().format(Zones.DAY) + " " + e.getValue())
				.collect(Collectors.joining("\n")));
			model.addAttribute("workingDaysText",
					view.declared().workingDays().stream().map(d -> d.format(Zones.DAY)).collect(Collectors.joining("\n")));
		}
		return "calendar/admin";
	}

	@PostMapping("/admin/calendar/{year}")
	String replace(@PathVariable int year, @RequestParam(defaultValue = "") String daysOff,
			@RequestParam(defaultValue = "") String workingDays, Authentication actor, Model model,
			RedirectAttributes redirect) {
		List<String> offLines = lines(daysOff);
		List<String> workingLines = lines(workingDays);
		List<DeclaredDayOff> off = new ArrayList<>();
		for (String line : offLines) {
			String[] parts = line.split("\\s+", 2);
			off.add(new DeclaredDayOff(iso(parts[0]), parts.length > 1 ? parts[1].replaceFirst("^[-–:]\\s*", "") : null));
		}
		List<String> working = workingLines.stream().map(l -> iso(l.split("\\s+")[0])).toList();
		try {
			schedules.replace(year, off, working, actor.getName());
		}
		catch (CalendarSchedules.InvalidSchedule e) {
			model.addAttribute("errors", e.errors().stream().map(err -> lineOf(err, offLines, workingLines)).toList());
			model.addAttribute("daysOffText", daysOff);
			model.addAttribute("workingDaysText", workingDays);
			return year(year, model);
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/admin/calendar?year=" + year;
	}

	/** Accepts the Vietnamese dd/MM/yyyy as well as ISO dates; anything else goes on as typed, to be reported. */
	private static String iso(String text) {
		try {
			return LocalDate.parse(text, Zones.DAY).toString();
		}
		catch (DateTimeParseException e) {
			return text;
		}
	}

	private static String lineOf(Map<String, String> error, List<String> offLines, List<String> workingLines) {
		String field = error.get("field");
		int index = Integer.parseInt(field.replaceAll("\\D", ""));
		boolean isOff = field.startsWith("daysOff");
		String line = isOff ? offLines.get(index) : workingLines.get(index);
		return (isOff ? "Ngày nghỉ" : "Ngày làm bù") + ", dòng " + (index + 1) + " (\"" + line + "\"): "
				+ error.get("message");
	}

	private static List<String> lines(String text) {
		return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
	}

	private static List<Month> months(YearView view) {
		Map<LocalDate, DayOff> off = new HashMap<>();
		view.daysOff().forEach(d -> off.put(d.date(), d));
		view.weekendHolidays().forEach(d -> off.put(d.date(), d));
		Set<LocalDate> working = new HashSet<>(view.workingDays());
		List<Month> months = new ArrayList<>();
		for (int m = 1; m <= 12; m++) {
			YearMonth month = YearMonth.of(view.year(), m);
			List<List<Cell>> weeks = new ArrayList<>();
			List<Cell> week = new ArrayList<>();
			for (int i = 1; i < month.atDay(1).getDayOfWeek().getValue(); i++) {
				week.add(null);
			}
			for (int d = 1; d <= month.lengthOfMonth(); d++) {
				LocalDate date = month.atDay(d);
				week.add(cell(date, off.get(date), working.contains(date)));
				if (date.getDayOfWeek() == DayOfWeek.SUNDAY) {
					weeks.add(week);
					week = new ArrayList<>();
				}
			}
			if (!week.isEmpty()) {
				while (week.size() < 7) {
					week.add(null);
				}
				weeks.add(week);
			}
			months.add(new Month(m, weeks));
		}
		return months;
	}

	private static Cell cell(LocalDate date, @Nullable DayOff off, boolean declaredWorking) {
		boolean weekend = date.getDayOfWeek().getValue() >= 6;
		String kind = declaredWorking ? "working-weekend"
				: off != null ? "off-" + off.kind().name().toLowerCase() : weekend ? "weekend" : "working";
		return new Cell(date, kind, off != null ? off.reason() : declaredWorking ? "Làm bù" : null);
	}

	record Month(int number, List<List<Cell>> weeks) {
	}

	record Cell(LocalDate date, String kind, @Nullable String reason) {
	}
}
