package vn.motcua.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * One year as the API shows it.
 *
 * @param daysOff every Monday–Friday that is not a working day, in date order, with its reason
 * @param workingDays the Saturdays and Sundays declared working, in date order
 * @param weekendHolidays statutory days that fell on a Saturday or Sunday (compensated in {@code daysOff})
 * @param declared the year's declared schedule as stored
 */
public record YearView(int year, List<DayOff> daysOff, List<LocalDate> workingDays, List<DayOff> weekendHolidays,
		DeclaredSchedule declared) {
}
