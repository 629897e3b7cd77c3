package vn.motcua.calendar;

import java.time.LocalDate;

/**
 * Ngày nghỉ — a day on which the clock does not run.
 *
 * @param reason why, in Vietnamese
 */
public record DayOff(LocalDate date, String reason, Kind kind) {

	public enum Kind {
		/** A public holiday of Labour Code 2019 art. 112. */
		STATUTORY,
		/** Nghỉ bù — the weekday off for a statutory day that fell on a Saturday or Sunday. */
		COMPENSATION,
		/** An extra day off in the year's declared schedule. */
		DECLARED
	}
}
