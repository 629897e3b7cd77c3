package vn.motcua.calendar;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LunarCalendarTest {

	/**
	 * Mùng 1 Tết as published in Vietnamese calendars. Starred rows are years where the Vietnamese date
	 * (UTC+7) differs from the Chinese one (UTC+8): 1985 (China 20/02), 2007 (China 18/02), 2030 (China 03/02).
	 */
	@ParameterizedTest(name = "Tết {0} = {1}")
	@CsvSource({ "1900, 1900-01-31", "1901, 1901-02-19", "1930, 1930-01-30", "1945, 1945-02-13",
			"1954, 1954-02-03", "1975, 1975-02-11", "1976, 1976-01-31", "1985, 1985-01-21", "1990, 1990-01-27",
			"1995, 1995-01-31", "1999, 1999-02-16", "2000, 2000-02-05", "2001, 2001-01-24", "2004, 2004-01-22",
			"2005, 2005-02-09", "2006, 2006-01-29", "2007, 2007-02-17", "2008, 2008-02-07", "2009, 2009-01-26",
			"2010, 2010-02-14", "2011, 2011-02-03", "2012, 2012-01-23", "2013, 2013-02-10", "2014, 2014-01-31",
			"2015, 2015-02-19", "2016, 2016-02-08", "2017, 2017-01-28", "2018, 2018-02-16", "2019, 2019-02-05",
			"2020, 2020-01-25", "2021, 2021-02-12", "2022, 2022-02-01", "2023, 2023-01-22", "2024, 2024-02-10",
			"2025, 2025-01-29", "2026, 2026-02-17", "2027, 2027-02-06", "2028, 2028-01-26", "2029, 2029-02-13",
			"2030, 2030-02-02", "2050, 2050-01-23", "2100, 2100-02-09" })
	void tetFallsOnTheVietnameseDate(int year, LocalDate expected) {
		assertThat(LunarCalendar.tet(year)).isEqualTo(expected);
		assertThat(LunarCalendar.toLunar(expected)).isEqualTo(LunarDate.of(year, 1, 1));
	}

	/** Giỗ Tổ Hùng Vương, 10/3 âm lịch (domain.md §5). */
	@ParameterizedTest(name = "Hùng Kings {0} = {1}")
	@CsvSource({ "2025, 2025-04-07", "2026, 2026-04-26", "2027, 2027-04-16", "2028, 2028-04-04",
			"2029, 2029-04-23", "2030, 2030-04-12", "2023, 2023-04-29", "2024, 2024-04-18" })
	void hungKingsDay(int year, LocalDate expected) {
		assertThat(LunarCalendar.toSolar(LunarDate.of(year, 3, 10))).isEqualTo(expected);
	}

	/**
	 * Leap months (tháng nhuận). 1984, 1985 and 1987 are where Vietnam departs from China: China had a
	 * leap 10th month in 1984 and a leap 6th in 1987; Vietnam had none in 1984 (hence Tết 1985 a month
	 * earlier), a leap 2nd month in 1985 and a leap 7th in 1987.
	 */
	@ParameterizedTest(name = "leap month of {0} is {1}")
	@CsvSource({ "2001, 4", "2004, 2", "2006, 7", "2009, 5", "2012, 4", "2014, 9", "2017, 6", "2020, 4", "2023, 2",
			"2025, 6", "2028, 5", "2031, 3", "2033, 11", "2024, 0", "2026, 0", "2027, 0", "1984, 0", "1985, 2",
			"1987, 7", "1990, 5" })
	void leapMonths(int year, int leapMonth) {
		assertThat(LunarCalendar.leapMonth(year)).isEqualTo(leapMonth);
	}

	@Test
	void theLeapMonthRepeatsItsMonthAndTheYearThen13Months() {
		// 2025 had a leap 6th month: 6/6 AL = 30/06/2025 and 1/6 nhuận = 25/07/2025
		assertThat(LunarCalendar.toSolar(new LunarDate(2025, 6, 1, true))).isEqualTo(LocalDate.of(2025, 7, 25));
		assertThat(LunarCalendar.toLunar(LocalDate.of(2025, 7, 25))).isEqualTo(new LunarDate(2025, 6, 1, true));
		assertThat(LunarCalendar.toLunar(LocalDate.of(2025, 6, 25))).isEqualTo(new LunarDate(2025, 6, 1, false));
		assertThatThrownBy(() -> LunarCalendar.toSolar(new LunarDate(2026, 6, 1, true)))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void everyDayFrom1900To2199RoundTripsAndMonthsHave29Or30Days() {
		LocalDate day = LocalDate.of(1900, 2, 1);
		LunarDate previous = LunarCalendar.toLunar(day.minusDays(1));
		int monthsSeen = 0;
		while (day.getYear() < 2200) {
			LunarDate lunar = LunarCalendar.toLunar(day);
			assertThat(LunarCalendar.toSolar(lunar)).as("%s <-> %s", day, lunar).isEqualTo(day);
			if (lunar.day() == 1) {
				assertThat(previous.day()).as("month ending %s", day.minusDays(1)).isIn(29, 30);
				monthsSeen++;
			}
			else {
				assertThat(lunar.day()).isEqualTo(previous.day() + 1);
			}
			previous = lunar;
			day = day.plusDays(1);
		}
		// 300 years of 12.3685 synodic months on average
		assertThat(monthsSeen).isBetween(3709, 3712);
	}
}
