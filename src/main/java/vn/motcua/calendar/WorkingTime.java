package vn.motcua.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The arithmetic of working time over a fixed span of years, immutable once built.
 *
 * <p>Every instant {@code t} maps to W(t), the working seconds between the span's origin and {@code t}
 * (flat outside working time). The working time between two instants is a difference of W; the due date
 * of a duration counted from {@code from} is the earliest {@code t} with W(t) = W(from) + duration, which
 * starts the clock at the next working period when {@code from} lies outside one and ends a duration
 * that fills a period exactly at that period's end. W needs the number of working days before each day:
 * a prefix-sum table, searched by bisection, so a due date costs O(log days) whatever its length.
 */
final class WorkingTime {

	private final LocalDate origin;
	private final ZoneId zone;
	private final WorkingHours hours;
	private final boolean[] working;
	/** cumulative[i] = working days among the days before origin + i. */
	private final int[] cumulative;
	private final Map<LocalDate, DayOff> daysOff;

	private WorkingTime(LocalDate origin, ZoneId zone, WorkingHours hours, boolean[] working,
			Map<LocalDate, DayOff> daysOff) {
		this.origin = origin;
		this.zone = zone;
		this.hours = hours;
		this.working = working;
		this.daysOff = daysOff;
		this.cumulative = new int[working.length + 1];
		for (int i = 0; i < working.length; i++) {
			cumulative[i + 1] = cumulative[i] + (working[i] ? 1 : 0);
		}
	}

	/**
	 * Builds the table for {@code firstYear}..{@code lastYear} from the statutory rules and the declared
	 * schedules (by year; missing years have none).
	 */
	static WorkingTime build(int firstYear, int lastYear, ZoneId zone, WorkingHours hours,
			Map<Integer, DeclaredSchedule> declared) {
		LocalDate origin = LocalDate.of(firstYear, 1, 1);
		int days = (int) (LocalDate.of(lastYear + 1, 1, 1).toEpochDay() - origin.toEpochDay());
		boolean[] working = new boolean[days];
		Map<LocalDate, DayOff> daysOff = new HashMap<>();
		for (int i = 0; i < days; i++) {
			working[i] = !StatutoryHolidays.isWeekend(origin.plusDays(i));
		}
		for (int year = firstYear; year <= lastYear; year++) {
			DeclaredSchedule schedule = declared.getOrDefault(year, DeclaredSchedule.empty(year));
			schedule.daysOff().forEach((date, reason) -> daysOff.put(date, new DayOff(date, reason, DayOff.Kind.DECLARED)));
			// statutory and compensation days win over a declaration of the same date
			for (DayOff d : StatutoryHolidays.of(year)) {
				daysOff.put(d.date(), d);
			}
			for (LocalDate date : schedule.workingDays()) {
				working[(int) (date.toEpochDay() - origin.toEpochDay())] = true;
			}
		}
		for (LocalDate date : daysOff.keySet()) {
			long index = date.toEpochDay() - origin.toEpochDay();
			if (index >= 0 && index < days) {
				working[(int) index] = false;
			}
		}
		return new WorkingTime(origin, zone, hours, working, Map.copyOf(daysOff));
	}

	WorkingHours hours() {
		return hours;
	}

	ZoneId zone() {
		return zone;
	}

	boolean covers(LocalDate date) {
		long index = date.toEpochDay() - origin.toEpochDay();
		return index >= 0 && index < working.length;
	}

	boolean isWorkingDay(LocalDate date) {
		return working[index(date)];
	}

	Optional<DayOff> dayOff(LocalDate date) {
		return Optional.ofNullable(daysOff.get(date));
	}

	/** Statutory days of {@code year} on Saturdays and Sundays, and every non-working weekday, in date order. */
	List<DayOff> daysOffIn(int year) {
		List<DayOff> result = new ArrayList<>();
		for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
			if (!StatutoryHolidays.isWeekend(d) && !isWorkingDay(d)) {
				result.add(daysOff.get(d));
			}
		}
		result.sort(Comparator.comparing(DayOff::date));
		return result;
	}

	/** W(t): working seconds from the origin to {@code t}. */
	long workingSecondsAt(Instant t) {
		LocalDateTime local = LocalDateTime.ofInstant(t, zone);
		int i = index(local.toLocalDate());
		long before = (long) cumulative[i] * hours.dayLengthSeconds();
		return working[i] ? before + hours.elapsedAt(local.toLocalTime().toSecondOfDay()) : before;
	}

	/** Working time between two instants (zero when {@code to} is not after {@code from}). */
	Duration between(Instant from, Instant to) {
		return Duration.ofSeconds(Math.max(0, workingSecondsAt(to) - workingSecondsAt(from)));
	}

	/** The earliest instant at which {@code seconds} of working time have passed since {@code from}. */
	Instant due(Instant from, long seconds) {
		if (seconds <= 0) {
			return clockStart(from);
		}
		return instantAt(workingSecondsAt(from) + seconds);
	}

	/** Like {@link #due(Instant, long)} with the clock stopped during {@code pauses}; empty while paused. */
	Optional<Instant> due(Instant from, long seconds, List<Pause> pauses) {
		Instant cursor = from;
		long remaining = seconds;
		for (Pause p : merge(pauses)) {
			if (p.end() != null && !p.end().isAfter(cursor)) {
				continue;
			}
			if (!p.start().isAfter(cursor)) {
				if (p.open()) {
					return Optional.empty();
				}
				cursor = p.end();
				continue;
			}
			Instant candidate = due(cursor, remaining);
			if (!candidate.isAfter(p.start())) {
				return Optional.of(candidate);
			}
			remaining -= between(cursor, p.start()).toSeconds();
			if (p.open()) {
				return Optional.empty();
			}
			cursor = p.end();
		}
		return Optional.of(due(cursor, remaining));
	}

	/** Working time between two instants, less the working time inside {@code pauses}. */
	Duration between(Instant from, Instant to, List<Pause> pauses) {
		if (!to.isAfter(from)) {
			return Duration.ZERO;
		}
		long total = between(from, to).toSeconds();
		for (Pause p : merge(pauses)) {
			Instant start = p.start().isAfter(from) ? p.start() : from;
			Instant end = p.end() == null || p.end().isAfter(to) ? to : p.end();
			if (end.isAfter(start)) {
				total -= between(start, end).toSeconds();
			}
		}
		return Duration.ofSeconds(total);
	}

	/** The instant at which W reaches {@code target}, the earliest such. */
	private Instant instantAt(long target) {
		int dayLength = hours.dayLengthSeconds();
		long fullDays = target / dayLength;
		int rest = (int) (target % dayLength);
		int day;
		int secondOfDay;
		if (rest == 0) {
			day = nthWorkingDay(fullDays); // ends exactly at the close of that day
			secondOfDay = hours.secondOfDayAt(dayLength);
		}
		else {
			day = nthWorkingDay(fullDays + 1);
			secondOfDay = hours.secondOfDayAt(rest);
		}
		return ZonedDateTime.of(origin.plusDays(day), LocalTime.ofSecondOfDay(secondOfDay), zone).toInstant();
	}

	/** When the clock starts for {@code from}: itself inside working time, else the next period's start. */
	Instant clockStart(Instant from) {
		Instant nextSecond = instantAt(workingSecondsAt(from) + 1).minusSeconds(1);
		return nextSecond.isAfter(from) ? nextSecond : from;
	}

	/** Index of the n-th working day (1-based) from the origin. */
	private int nthWorkingDay(long n) {
		if (n < 1 || n > cumulative[cumulative.length - 1]) {
			throw new OutsideSupportedYears("the due date falls after " + origin.plusDays(working.length - 1));
		}
		int lo = 0;
		int hi = working.length - 1;
		while (lo < hi) { // first i with cumulative[i + 1] >= n
			int mid = (lo + hi) >>> 1;
			if (cumulative[mid + 1] >= n) {
				hi = mid;
			}
			else {
				lo = mid + 1;
			}
		}
		return lo;
	}

	private int index(LocalDate date) {
		long i = date.toEpochDay() - origin.toEpochDay();
		if (i < 0 || i >= working.length) {
			throw new OutsideSupportedYears(date + " is outside " + origin.getYear() + "–"
					+ origin.plusDays(working.length - 1).getYear());
		}
		return (int) i;
	}

	private static List<Pause> merge(List<Pause> pauses) {
		List<Pause> sorted = new ArrayList<>(pauses);
		sorted.sort(Comparator.comparing(Pause::start));
		List<Pause> merged = new ArrayList<>();
		for (Pause p : sorted) {
			Pause last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
			if (last != null && (last.end() == null || !p.start().isAfter(last.end()))) {
				@Nullable Instant end = last.end() == null || p.end() == null ? null
						: (p.end().isAfter(last.end()) ? p.end() : last.end());
				merged.set(merged.size() - 1, new Pause(last.start(), end));
			}
			else {
				merged.add(p);
			}
		}
		return merged;
	}
}
