package vn.motcua.calendar;

import java.time.LocalDate;

/**
 * The Vietnamese lunisolar calendar (âm lịch), computed astronomically for the meridian of UTC+7.
 *
 * <p>New moons and the sun's longitude follow the low-precision series of Jean Meeus, <i>Astronomical
 * Algorithms</i> (ch. 47 and 25), as used in Hồ Ngọc Đức's published method for the Vietnamese calendar:
 * a month starts on the local day of its new moon; month 11 is the one containing the winter solstice;
 * in a year with 13 months, the first month after month 11 that contains no major solar term is the
 * leap month. Because days are counted at UTC+7 rather than China's UTC+8, some years differ from the
 * Chinese calendar (Tết 1985, 2007, 2030). Valid for 1900–2199.
 */
final class LunarCalendar {

	/** Hours east of Greenwich used for the calendar (Vietnam, UTC+7). */
	static final double TIME_ZONE = 7.0;

	private static final double SYNODIC_MONTH = 29.530588853;
	/** Julian day of the new moon of 1 January 1900 (k = 0 of Meeus' series). */
	private static final double NEW_MOON_EPOCH = 2415021.076998695;
	private static final long JULIAN_DAY_OF_EPOCH_DAY_0 = 2440588; // 1970-01-01

	private LunarCalendar() {
	}

	/** The lunar date of a Gregorian date. */
	public static LunarDate toLunar(LocalDate date) {
		long dayNumber = julianDay(date);
		// the mean month gives k to within one; true new moons wander up to ~14 h from the mean
		long k = (long) Math.floor((dayNumber - NEW_MOON_EPOCH) / SYNODIC_MONTH);
		while (newMoonDay(k + 1) <= dayNumber) {
			k++;
		}
		while (newMoonDay(k) > dayNumber) {
			k--;
		}
		long monthStart = newMoonDay(k);
		int year = date.getYear();
		long a11 = lunarMonth11(year);
		long b11 = a11;
		int lunarYear;
		if (a11 >= monthStart) {
			lunarYear = year;
			a11 = lunarMonth11(year - 1);
		}
		else {
			lunarYear = year + 1;
			b11 = lunarMonth11(year + 1);
		}
		int day = (int) (dayNumber - monthStart + 1);
		int diff = (int) Math.floor((monthStart - a11) / 29.0);
		boolean leap = false;
		int month = diff + 11;
		if (b11 - a11 > 365) {
			int leapDiff = leapMonthOffset(a11);
			if (diff >= leapDiff) {
				month = diff + 10;
				leap = diff == leapDiff;
			}
		}
		if (month > 12) {
			month -= 12;
		}
		if (month >= 11 && diff < 4) {
			lunarYear -= 1;
		}
		return new LunarDate(lunarYear, month, day, leap);
	}

	/**
	 * The Gregorian date of a lunar date.
	 *
	 * @throws IllegalArgumentException for a leap month the year does not have
	 */
	public static LocalDate toSolar(LunarDate lunar) {
		long a11;
		long b11;
		if (lunar.month() < 11) {
			a11 = lunarMonth11(lunar.year() - 1);
			b11 = lunarMonth11(lunar.year());
		}
		else {
			a11 = lunarMonth11(lunar.year());
			b11 = lunarMonth11(lunar.year() + 1);
		}
		long k = (long) Math.floor(0.5 + (a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
		int offset = lunar.month() - 11;
		if (offset < 0) {
			offset += 12;
		}
		if (b11 - a11 > 365) {
			int leapOffset = leapMonthOffset(a11);
			if (lunar.leap() && lunar.month() != monthAtOffset(leapOffset - 1)) {
				throw new IllegalArgumentException(lunar.year() + " has no leap month " + lunar.month());
			}
			if (lunar.leap() || offset >= leapOffset) {
				offset += 1;
			}
		}
		else if (lunar.leap()) {
			throw new IllegalArgumentException(lunar.year() + " has no leap month");
		}
		long monthStart = newMoonDay(k + offset);
		return fromJulianDay(monthStart + lunar.day() - 1);
	}

	/** Mùng 1 Tết: the first day of lunar year {@code year}. */
	public static LocalDate tet(int year) {
		return toSolar(LunarDate.of(year, 1, 1));
	}

	/** The leap month of lunar year {@code year}, or 0 when it has none. */
	public static int leapMonth(int year) {
		int early = leapMonthBetweenSolstices(year - 1); // months 11 and 12 of the year before, 1–10 of this one
		if (early >= 1 && early <= 10) {
			return early;
		}
		int late = leapMonthBetweenSolstices(year); // months 11 and 12 of this one
		return late >= 11 ? late : 0;
	}

	/** The leap month between month 11 of {@code year} and month 11 of the next year, or 0. */
	private static int leapMonthBetweenSolstices(int year) {
		long a11 = lunarMonth11(year);
		if (lunarMonth11(year + 1) - a11 <= 365) {
			return 0;
		}
		return monthAtOffset(leapMonthOffset(a11) - 1);
	}

	/** The number of the month {@code offset} months after month 11. */
	private static int monthAtOffset(int offset) {
		return (offset + 10) % 12 + 1;
	}

	static long julianDay(LocalDate date) {
		return date.toEpochDay() + JULIAN_DAY_OF_EPOCH_DAY_0;
	}

	static LocalDate fromJulianDay(long julianDay) {
		return LocalDate.ofEpochDay(julianDay - JULIAN_DAY_OF_EPOCH_DAY_0);
	}

	/** Julian day number (local, UTC+7) of the k-th new moon after 1 January 1900. */
	static long newMoonDay(long k) {
		return (long) Math.floor(newMoon(k) + 0.5 + TIME_ZONE / 24);
	}

	/** Julian date (UT) of the k-th new moon: Meeus ch. 47, truncated series. */
	static double newMoon(long k) {
		double t = k / 1236.85;
		double t2 = t * t;
		double t3 = t2 * t;
		double dr = Math.PI / 180;
		double jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
		jd1 += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
		double m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3; // sun's mean anomaly
		double mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3; // moon's mean anomaly
		double f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3; // moon's argument of latitude
		double c1 = (0.1734 - 0.000393 * t) * Math.sin(m * dr) + 0.0021 * Math.sin(2 * dr * m);
		c1 = c1 - 0.4068 * Math.sin(mpr * dr) + 0.0161 * Math.sin(dr * 2 * mpr);
		c1 = c1 - 0.0004 * Math.sin(dr * 3 * mpr);
		c1 = c1 + 0.0104 * Math.sin(dr * 2 * f) - 0.0051 * Math.sin(dr * (m + mpr));
		c1 = c1 - 0.0074 * Math.sin(dr * (m - mpr)) + 0.0004 * Math.sin(dr * (2 * f + m));
		c1 = c1 - 0.0004 * Math.sin(dr * (2 * f - m)) - 0.0006 * Math.sin(dr * (2 * f + mpr));
		c1 = c1 + 0.0010 * Math.sin(dr * (2 * f - mpr)) + 0.0005 * Math.sin(dr * (2 * mpr + m));
		double deltaT; // ΔT, terrestrial minus universal time, in days
		if (t < -11) {
			deltaT = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3;
		}
		else {
			deltaT = -0.000278 + 0.000265 * t + 0.000262 * t2;
		}
		return jd1 + c1 - deltaT;
	}

	/** Sun's apparent longitude in radians at Julian date {@code jdn} (UT): Meeus ch. 25, low precision. */
	static double sunLongitude(double jdn) {
		double t = (jdn - 2451545.0) / 36525;
		double t2 = t * t;
		double dr = Math.PI / 180;
		double m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
		double l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
		double dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.sin(dr * m);
		dl = dl + (0.019993 - 0.000101 * t) * Math.sin(dr * 2 * m) + 0.000290 * Math.sin(dr * 3 * m);
		double l = (l0 + dl) * dr;
		return l - Math.PI * 2 * Math.floor(l / (Math.PI * 2));
	}

	/** Which of the twelve 30° sectors (major solar terms) the sun is in at the start of a local day. */
	static int sunSector(long dayNumber) {
		return (int) Math.floor(sunLongitude(dayNumber - 0.5 - TIME_ZONE / 24) / Math.PI * 6);
	}

	/** Julian day on which the lunar month containing the winter solstice of {@code year} begins. */
	static long lunarMonth11(int year) {
		long off = julianDay(LocalDate.of(year, 12, 31)) - 2415021;
		long k = (long) Math.floor(off / SYNODIC_MONTH);
		long nm = newMoonDay(k);
		if (sunSector(nm) >= 9) {
			nm = newMoonDay(k - 1);
		}
		return nm;
	}

	/** Position after month 11 of the first month without a major solar term (the leap month). */
	static int leapMonthOffset(long a11) {
		long k = (long) Math.floor((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
		int i = 1;
		int arc = sunSector(newMoonDay(k + i));
		int last;
		do {
			last = arc;
			i++;
			arc = sunSector(newMoonDay(k + i));
		}
		while (arc != last && i < 14);
		return i - 1;
	}
}
