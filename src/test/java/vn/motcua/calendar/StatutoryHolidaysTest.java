package vn.motcua.calendar;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatutoryHolidaysTest {

	@Test
	void year2026HasHungKingsOnSundayCompensatedOnMonday() {
		List<DayOff> days = StatutoryHolidays.of(2026);
		assertThat(days).extracting(DayOff::date)
			.containsExactly(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-02-16"),
					LocalDate.parse("2026-02-17"), LocalDate.parse("2026-02-18"), LocalDate.parse("2026-02-19"),
					LocalDate.parse("2026-02-20"), LocalDate.parse("2026-04-26"), LocalDate.parse("2026-04-27"),
					LocalDate.parse("2026-04-30"), LocalDate.parse("2026-05-01"), LocalDate.parse("2026-09-02"));
		DayOff compensation = days.get(7);
		assertThat(compensation.kind()).isEqualTo(DayOff.Kind.COMPENSATION);
		assertThat(compensation.reason()).startsWith("Nghỉ bù Giỗ Tổ Hùng Vương").contains("Chủ nhật 26/04/2026");
		assertThat(days.get(1).reason()).isEqualTo("Tết Nguyên đán (29 tháng Chạp)");
	}

	/** 2022: 30/4 Saturday and 1/5 Sunday, compensated Monday 2/5 and Tuesday 3/5 (a chain). */
	@Test
	void consecutiveWeekendHolidaysCompensateOnConsecutiveWeekdays() {
		assertThat(compensations(2022)).contains(LocalDate.parse("2022-05-02"), LocalDate.parse("2022-05-03"));
	}

	/**
	 * 2023: Tết ran Saturday 21/01 (30 Chạp) to Wednesday 25/01 (mùng 4). The Saturday and Sunday holidays
	 * skip the Monday–Wednesday that are themselves statutory and land on Thursday 26 and Friday 27.
	 */
	@Test
	void compensationSkipsWeekdaysThatAreStatutoryThemselves() {
		assertThat(LunarCalendar.tet(2023)).isEqualTo(LocalDate.parse("2023-01-22"));
		assertThat(compensations(2023)).contains(LocalDate.parse("2023-01-26"), LocalDate.parse("2023-01-27"));
	}

	/** 2028: Tết Wednesday 26/01; its last day Saturday 29/01 (mùng 4) compensated Monday 31/01. */
	@Test
	void aTetDayOnSaturdayIsCompensatedOnTheNextMonday() {
		assertThat(LunarCalendar.tet(2028)).isEqualTo(LocalDate.parse("2028-01-26"));
		assertThat(compensations(2028)).contains(LocalDate.parse("2028-01-31"));
	}

	@Test
	void everyYearHasItsStatutoryDaysAndNoCompensationOnAWeekend() {
		for (int year = 1900; year <= 2199; year++) {
			List<DayOff> days = StatutoryHolidays.of(year);
			long statutory = days.stream().filter(d -> d.kind() == DayOff.Kind.STATUTORY).count();
			LocalDate hungKings = LunarCalendar.toSolar(LunarDate.of(year, 3, 10));
			boolean coincides = hungKings.equals(LocalDate.of(year, 4, 30)) || hungKings.equals(LocalDate.of(year, 5, 1));
			assertThat(statutory).as("statutory days of %d", year).isEqualTo(coincides ? 9 : 10);
			assertThat(days).filteredOn(d -> d.kind() == DayOff.Kind.COMPENSATION)
				.allSatisfy(d -> assertThat(StatutoryHolidays.isWeekend(d.date())).isFalse());
			assertThat(days).extracting(DayOff::date).doesNotHaveDuplicates().isSorted();
		}
	}

	@Test
	void hungKingsOnVictoryDayIsOneDayWithBothReasons() {
		assertThat(LunarCalendar.toSolar(LunarDate.of(1947, 3, 10))).isEqualTo(LocalDate.parse("1947-04-30"));
		DayOff day = StatutoryHolidays.of(1947)
			.stream()
			.filter(d -> d.date().equals(LocalDate.parse("1947-04-30")))
			.findFirst()
			.orElseThrow();
		assertThat(day.reason()).contains("Giỗ Tổ Hùng Vương").contains("Ngày Chiến thắng");
	}

	private static List<LocalDate> compensations(int year) {
		return StatutoryHolidays.of(year)
			.stream()
			.filter(d -> d.kind() == DayOff.Kind.COMPENSATION)
			.map(DayOff::date)
			.toList();
	}
}
