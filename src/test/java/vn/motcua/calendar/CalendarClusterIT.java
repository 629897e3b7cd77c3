package vn.motcua.calendar;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.motcua.MotCuaIntegrationTest;
import vn.motcua.TestClock;

import static org.assertj.core.api.Assertions.assertThat;

/** A schedule changed by another instance reaches this one within the re-check interval. */
@MotCuaIntegrationTest
class CalendarClusterIT {

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Test
	void aChangeCommittedElsewhereIsPickedUpAfterTheRecheckInterval() {
		LocalDate friday = LocalDate.parse("2030-03-08");
		assertThat(calendar.isWorkingDay(friday)).isTrue();

		// what another instance's PUT commits
		jdbc.sql("insert into calendar_declared_day (day, year, kind, reason) values (?, 2030, 'DAY_OFF', 'Thử nghiệm')")
			.param(friday)
			.update();
		jdbc.sql("update calendar_revision set revision = revision + 1").update();
		try {
			clock.advance(CalendarService.RECHECK.plus(Duration.ofSeconds(1)));
			assertThat(calendar.isWorkingDay(friday)).isFalse();
			assertThat(calendar.dayOff(friday)).map(DayOff::reason).contains("Thử nghiệm");
		}
		finally {
			jdbc.sql("delete from calendar_declared_day where day = ?").param(friday).update();
			jdbc.sql("update calendar_revision set revision = revision + 1").update();
			clock.advance(CalendarService.RECHECK.plus(Duration.ofSeconds(1)));
		}
		assertThat(calendar.isWorkingDay(friday)).isTrue();
	}

	@Test
	void aClockSetBackRechecksAtOnce() {
		LocalDate friday = LocalDate.parse("2030-03-15");
		assertThat(calendar.isWorkingDay(friday)).isTrue();
		jdbc.sql("insert into calendar_declared_day (day, year, kind, reason) values (?, 2030, 'DAY_OFF', 'Lùi giờ')")
			.param(friday)
			.update();
		jdbc.sql("update calendar_revision set revision = revision + 1").update();
		try {
			clock.advance(Duration.ofMinutes(-5));
			assertThat(calendar.isWorkingDay(friday)).isFalse();
		}
		finally {
			clock.advance(Duration.ofMinutes(5));
			jdbc.sql("delete from calendar_declared_day where day = ?").param(friday).update();
			jdbc.sql("update calendar_revision set revision = revision + 1").update();
			clock.advance(CalendarService.RECHECK.plus(Duration.ofSeconds(1)));
		}
		assertThat(calendar.isWorkingDay(friday)).isTrue();
	}
}
