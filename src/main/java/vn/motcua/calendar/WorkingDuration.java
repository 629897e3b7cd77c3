package vn.motcua.calendar;

/**
 * A statutory time limit counted in working time: {@code n} working days (each the length of a working
 * day, 8 hours by default), working hours or working minutes.
 */
public record WorkingDuration(int amount, Unit unit) {

	public enum Unit {
		DAYS, HOURS, MINUTES
	}

	public WorkingDuration {
		if (amount < 0) {
			throw new IllegalArgumentException("A duration cannot be negative: " + amount);
		}
	}

	public static WorkingDuration days(int n) {
		return new WorkingDuration(n, Unit.DAYS);
	}

	public static WorkingDuration hours(int n) {
		return new WorkingDuration(n, Unit.HOURS);
	}

	/** A share of a time limit, as a step of an internal process gets it. */
	public static WorkingDuration minutes(int n) {
		return new WorkingDuration(n, Unit.MINUTES);
	}

	/** In seconds of working time, a day being as long as {@code hours} makes it. */
	public long seconds(WorkingHours hours) {
		return switch (unit) {
			case DAYS -> (long) amount * hours.dayLengthSeconds();
			case HOURS -> amount * 3600L;
			case MINUTES -> amount * 60L;
		};
	}
}
