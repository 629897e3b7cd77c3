package vn.motcua.calendar;

import java.time.LocalDate;
import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Lịch nghỉ lễ công bố hằng năm — the government's announcement for one year: extra days off
 * (Monday–Friday, with their reason) and Saturdays or Sundays made working days (làm bù).
 */
public record DeclaredSchedule(int year, SortedMap<LocalDate, String> daysOff, SortedSet<LocalDate> workingDays) {

	public DeclaredSchedule {
		daysOff = Collections.unmodifiableSortedMap(new TreeMap<>(daysOff));
		workingDays = Collections.unmodifiableSortedSet(new TreeSet<>(workingDays));
	}

	public static DeclaredSchedule empty(int year) {
		return new DeclaredSchedule(year, new TreeMap<>(), new TreeSet<>());
	}
}
