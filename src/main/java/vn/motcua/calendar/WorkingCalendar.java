package vn.motcua.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The one calendar of the system: every deadline, elapsed working time and on-time judgement is counted
 * here, so no other module counts time itself. Supported years: 1900–2199.
 */
public interface WorkingCalendar {

	int FIRST_YEAR = 1900;
	int LAST_YEAR = 2199;

	/**
	 * When {@code duration} of working time has run from {@code from}: the clock starts at {@code from} if it
	 * lies in working time, otherwise at the start of the next working period; a duration that ends exactly
	 * at the end of a period is due at that end.
	 *
	 * @throws OutsideSupportedYears for an instant outside 1900–2199
	 */
	Instant due(Instant from, WorkingDuration duration);

	/** As {@link #due(Instant, WorkingDuration)}, with the clock stopped during {@code pauses}; empty while one is open. */
	Optional<Instant> due(Instant from, WorkingDuration duration, List<Pause> pauses);

	/** Working time elapsed from {@code from} to {@code to}; zero when {@code to} is not later. */
	Duration workingTimeBetween(Instant from, Instant to);

	/** As {@link #workingTimeBetween(Instant, Instant)}, less the working time inside {@code pauses}. */
	Duration workingTimeBetween(Instant from, Instant to, List<Pause> pauses);

	/** Where the clock starts for {@code from}: itself inside working time, else the next period's start. */
	Instant clockStart(Instant from);

	boolean isWorkingDay(LocalDate date);

	/** Why {@code date} is not a working day, if it is a statutory, compensation or declared day off. */
	Optional<DayOff> dayOff(LocalDate date);

	YearView year(int year);

	WorkingHours workingHours();
}
