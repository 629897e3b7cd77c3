package vn.motcua.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import vn.motcua.platform.Zones;

/**
 * The statutory days off of Labour Code 2019 art. 112 and their compensation, as docs/api.md fixes them:
 * 1 January; Tết (the last day of the lunar year and lunar 1/1–1/4); Hùng Kings day (lunar 10/3); 30 April;
 * 1 May; 2 September. A statutory day on a Saturday or Sunday is compensated on the next Monday–Friday that
 * is neither a statutory day nor an earlier compensation day, taking the statutory days in date order.
 * (The second National Day holiday varies by year and comes from the declared schedule.)
 */
final class StatutoryHolidays {

	private static final String[] TET_DAYS = { "mùng 1 Tết", "mùng 2 Tết", "mùng 3 Tết", "mùng 4 Tết" };

	private StatutoryHolidays() {
	}

	/** Statutory days (weekends included) and compensation days of {@code year}, in date order. */
	static List<DayOff> of(int year) {
		List<DayOff> statutory = new ArrayList<>();
		statutory.add(new DayOff(LocalDate.of(year, 1, 1), "Tết Dương lịch (01/01)", DayOff.Kind.STATUTORY));
		LocalDate tet = LunarCalendar.tet(year);
		LocalDate lastDayOfLunarYear = tet.minusDays(1);
		statutory.add(new DayOff(lastDayOfLunarYear, "Tết Nguyên đán (" + LunarCalendar.toLunar(lastDayOfLunarYear).day()
				+ " tháng Chạp)", DayOff.Kind.STATUTORY));
		for (int i = 0; i < TET_DAYS.length; i++) {
			statutory.add(new DayOff(tet.plusDays(i), "Tết Nguyên đán (" + TET_DAYS[i] + ")", DayOff.Kind.STATUTORY));
		}
		statutory.add(new DayOff(LunarCalendar.toSolar(LunarDate.of(year, 3, 10)),
				"Giỗ Tổ Hùng Vương (10/3 âm lịch)", DayOff.Kind.STATUTORY));
		statutory.add(new DayOff(LocalDate.of(year, 4, 30), "Ngày Chiến thắng (30/4)", DayOff.Kind.STATUTORY));
		statutory.add(new DayOff(LocalDate.of(year, 5, 1), "Ngày Quốc tế Lao động (01/5)", DayOff.Kind.STATUTORY));
		statutory.add(new DayOff(LocalDate.of(year, 9, 2), "Quốc khánh (02/9)", DayOff.Kind.STATUTORY));
		statutory = mergeCoinciding(statutory);

		Set<LocalDate> taken = new HashSet<>();
		statutory.forEach(d -> taken.add(d.date()));
		List<DayOff> all = new ArrayList<>(statutory);
		for (DayOff day : statutory) {
			if (!isWeekend(day.date())) {
				continue;
			}
			LocalDate compensation = day.date().plusDays(1);
			while (isWeekend(compensation) || taken.contains(compensation)) {
				compensation = compensation.plusDays(1);
			}
			taken.add(compensation);
			all.add(new DayOff(compensation, "Nghỉ bù " + day.reason() + ", trùng " + weekday(day.date()) + " "
					+ day.date().format(Zones.DAY), DayOff.Kind.COMPENSATION));
		}
		all.sort(Comparator.comparing(DayOff::date));
		return List.copyOf(all);
	}

	/**
	 * Hùng Kings day can fall on 30 April or 1 May (1947, 2042 …): one day off with both reasons, and, on a
	 * weekend, one compensation day.
	 */
	private static List<DayOff> mergeCoinciding(List<DayOff> days) {
		java.util.TreeMap<LocalDate, DayOff> byDate = new java.util.TreeMap<>();
		for (DayOff d : days) {
			byDate.merge(d.date(), d, (a, b) -> new DayOff(a.date(), a.reason() + "; " + b.reason(), a.kind()));
		}
		return new ArrayList<>(byDate.values());
	}

	static boolean isWeekend(LocalDate date) {
		DayOfWeek d = date.getDayOfWeek();
		return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
	}

	private static String weekday(LocalDate date) {
		return date.getDayOfWeek() == DayOfWeek.SATURDAY ? "thứ Bảy" : "Chủ nhật";
	}
}
