package vn.motcua.calendar;

/**
 * Ngày âm lịch — a date of the Vietnamese lunar calendar.
 *
 * @param year the lunar year (the Gregorian year in which its first day falls)
 * @param month 1–12
 * @param day 1–30
 * @param leap true for the intercalary month (tháng nhuận) that repeats {@code month}
 */
record LunarDate(int year, int month, int day, boolean leap) {

	public LunarDate {
		if (month < 1 || month > 12 || day < 1 || day > 30) {
			throw new IllegalArgumentException("Invalid lunar date " + day + "/" + month + "/" + year);
		}
	}

	public static LunarDate of(int year, int month, int day) {
		return new LunarDate(year, month, day, false);
	}

	@Override
	public String toString() {
		return day + "/" + month + (leap ? " nhuận" : "") + "/" + year + " AL";
	}
}
