package vn.motcua.calendar;

/**
 * A statutory time limit counted in working time: {@code n} working days (each the length of a working
 * day, 8 hours by default) or {@code n} working hours.
 */
public record WorkingDuration(int amount, Unit unit) {

	public enum Unit {
		DAYS, HOURS
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

	long seconds(WorkingHours hours) {
		return unit == Unit.DAYS ? (long) amount * hours.dayLengthSeconds() : amount * 3600L;
	}
}
