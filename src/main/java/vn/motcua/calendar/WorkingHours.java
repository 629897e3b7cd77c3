package vn.motcua.calendar;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Giờ làm việc — the working periods of a working day, the same every working day (default 07:00–11:00
 * and 13:00–17:00). A working day's length is their sum.
 */
public final class WorkingHours {

	private final int[] starts; // seconds of the day
	private final int[] ends;
	private final int dayLength;

	private WorkingHours(int[] starts, int[] ends) {
		this.starts = starts;
		this.ends = ends;
		int total = 0;
		for (int i = 0; i < starts.length; i++) {
			total += ends[i] - starts[i];
		}
		this.dayLength = total;
	}

	public static WorkingHours standard() {
		return parse("07:00-11:00,13:00-17:00");
	}

	/** Parses {@code HH:mm-HH:mm[,HH:mm-HH:mm…]}: periods in order, not overlapping, within one day. */
	public static WorkingHours parse(String spec) {
		List<int[]> periods = new ArrayList<>();
		int previousEnd = -1;
		for (String part : spec.split(",")) {
			String[] bounds = part.trim().split("-");
			if (bounds.length != 2) {
				throw new IllegalArgumentException("Working period must look like 07:00-11:00: " + part);
			}
			int start = LocalTime.parse(bounds[0].trim()).toSecondOfDay();
			int end = LocalTime.parse(bounds[1].trim()).toSecondOfDay();
			if (end <= start || start <= previousEnd) {
				throw new IllegalArgumentException("Working periods must be in order and not overlap: " + spec);
			}
			periods.add(new int[] { start, end });
			previousEnd = end;
		}
		return new WorkingHours(periods.stream().mapToInt(p -> p[0]).toArray(),
				periods.stream().mapToInt(p -> p[1]).toArray());
	}

	/** Working seconds in one working day. */
	public int dayLengthSeconds() {
		return dayLength;
	}

	/** Working seconds of a working day that have passed at {@code secondOfDay}. */
	int elapsedAt(int secondOfDay) {
		int elapsed = 0;
		for (int i = 0; i < starts.length && secondOfDay > starts[i]; i++) {
			elapsed += Math.min(secondOfDay, ends[i]) - starts[i];
		}
		return elapsed;
	}

	/**
	 * The earliest second of a working day at which {@code elapsed} working seconds (1 to the day's length)
	 * have passed: a duration that fills a period exactly ends at that period's end, not the next one's start.
	 */
	int secondOfDayAt(int elapsed) {
		int remaining = elapsed;
		for (int i = 0; i < starts.length; i++) {
			int length = ends[i] - starts[i];
			if (remaining <= length) {
				return starts[i] + remaining;
			}
			remaining -= length;
		}
		throw new IllegalArgumentException("More than a working day: " + elapsed);
	}

	@Override
	public String toString() {
		StringBuilder s = new StringBuilder();
		for (int i = 0; i < starts.length; i++) {
			s.append(i > 0 ? "," : "").append(LocalTime.ofSecondOfDay(starts[i])).append('-')
				.append(LocalTime.ofSecondOfDay(ends[i]));
		}
		return s.toString();
	}
}
