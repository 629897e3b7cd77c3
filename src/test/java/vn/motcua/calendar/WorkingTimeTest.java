package vn.motcua.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.motcua.platform.Zones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkingTimeTest {

	/** 2026 with Saturday 18/04 declared working and Tuesday 01/09 declared off (second National Day). */
	static final WorkingTime TIME = WorkingTime.build(1900, 2201, Zones.VIETNAM, WorkingHours.standard(),
			Map.of(2026, new DeclaredSchedule(2026,
					new TreeMap<>(Map.of(LocalDate.parse("2026-09-01"), "Quốc khánh (ngày thứ hai)")),
					new TreeSet<>(List.of(LocalDate.parse("2026-04-18"))))));

	@ParameterizedTest(name = "{0} + {1} {2} = {3} ({4})")
	@CsvSource(delimiter = '|', textBlock = """
			2026-04-20T08:00:00+07:00 | 1   | DAYS  | 2026-04-21T08:00:00+07:00 | inside working hours
			2026-04-20T07:00:00+07:00 | 8   | HOURS | 2026-04-20T17:00:00+07:00 | a full day ends at 17:00, not next morning
			2026-04-20T06:00:00+07:00 | 4   | HOURS | 2026-04-20T11:00:00+07:00 | before opening; ends exactly at 11:00
			2026-04-20T13:00:00+07:00 | 1   | DAYS  | 2026-04-21T11:00:00+07:00 | a day from 13:00 ends at 11:00
			2026-04-20T12:00:00+07:00 | 2   | HOURS | 2026-04-20T15:00:00+07:00 | lunch break: starts at 13:00
			2026-04-20T11:00:00+07:00 | 1   | HOURS | 2026-04-20T14:00:00+07:00 | starting at the 11:00 boundary
			2026-04-20T17:00:00+07:00 | 1   | HOURS | 2026-04-21T08:00:00+07:00 | starting at the 17:00 boundary
			2026-04-20T18:00:00+07:00 | 1   | HOURS | 2026-04-21T08:00:00+07:00 | evening
			2026-04-20T10:30:00+07:00 | 1   | HOURS | 2026-04-20T13:30:00+07:00 | across lunch
			2026-04-20T10:00:30+07:00 | 1   | HOURS | 2026-04-20T13:00:30+07:00 | seconds kept
			2026-04-19T09:00:00+07:00 | 1   | HOURS | 2026-04-20T08:00:00+07:00 | Sunday
			2026-04-17T16:00:00+07:00 | 2   | HOURS | 2026-04-18T08:00:00+07:00 | declared working Saturday
			2026-04-24T10:00:00+07:00 | 1   | DAYS  | 2026-04-28T10:00:00+07:00 | Monday 27/04 compensates Hùng Kings (Sunday)
			2026-04-29T16:00:00+07:00 | 2   | HOURS | 2026-05-04T08:00:00+07:00 | 30/4 and 1/5 then a weekend
			2026-02-13T15:00:00+07:00 | 1   | DAYS  | 2026-02-23T15:00:00+07:00 | across Tết 2026
			2026-12-31T14:00:00+07:00 | 5   | HOURS | 2027-01-04T09:00:00+07:00 | across the year end and 1 January
			2026-08-31T16:00:00+07:00 | 2   | HOURS | 2026-09-03T08:00:00+07:00 | declared 1/9 then statutory 2/9
			2022-04-29T16:00:00+07:00 | 2   | HOURS | 2022-05-04T08:00:00+07:00 | compensation chain 2–3/5/2022
			2026-04-20T01:00:00Z      | 1   | HOURS | 2026-04-20T09:00:00+07:00 | given in UTC
			2026-04-20T09:00:00+09:00 | 4   | HOURS | 2026-04-20T11:00:00+07:00 | given in UTC+9
			2026-04-19T20:00:00-05:00 | 1   | HOURS | 2026-04-20T09:00:00+07:00 | given in UTC-5: already Monday 08:00 in Vietnam
			2026-01-02T07:00:00+07:00 | 15  | DAYS  | 2026-01-22T17:00:00+07:00 | fifteen days end on a day's close
			2026-01-05T07:00:00+07:00 | 365 | DAYS  | 2027-06-23T17:00:00+07:00 | 365 days: counted independently
			""")
	void dueDates(String from, int amount, WorkingDuration.Unit unit, String expected, String why) {
		Instant due = TIME.due(OffsetDateTime.parse(from).toInstant(),
				new WorkingDuration(amount, unit).seconds(TIME.hours()));
		assertThat(OffsetDateTime.ofInstant(due, Zones.VIETNAM)).as(why).isEqualTo(OffsetDateTime.parse(expected));
	}

	@Test
	void daysAndEightHoursAreTheSame() {
		Instant from = OffsetDateTime.parse("2026-03-10T09:45:00+07:00").toInstant();
		for (int days = 1; days <= 365; days += 17) {
			assertThat(TIME.due(from, WorkingDuration.days(days).seconds(TIME.hours())))
				.isEqualTo(TIME.due(from, WorkingDuration.hours(days * 8).seconds(TIME.hours())));
		}
	}

	@Test
	void workingTimeBetweenIsTheInverse() {
		assertThat(between("2026-04-20T08:00:00+07:00", "2026-04-21T08:00:00+07:00")).isEqualTo(Duration.ofHours(8));
		assertThat(between("2026-04-10T16:00:00+07:00", "2026-04-13T08:00:00+07:00")).isEqualTo(Duration.ofHours(2));
		// the declared working Saturday 18/04 counts
		assertThat(between("2026-04-17T16:00:00+07:00", "2026-04-20T08:00:00+07:00")).isEqualTo(Duration.ofHours(10));
		assertThat(between("2026-04-20T11:30:00+07:00", "2026-04-20T12:30:00+07:00")).isZero();
		assertThat(between("2026-04-21T08:00:00+07:00", "2026-04-20T08:00:00+07:00")).isZero();
		assertThat(between("2026-02-13T15:00:00+07:00", "2026-02-23T15:00:00+07:00")).isEqualTo(Duration.ofHours(8));
	}

	@Test
	void aSupplementPauseStopsTheClock() {
		Instant from = at("2026-04-20T07:00:00+07:00");
		List<Pause> pauses = List.of(new Pause(at("2026-04-20T09:00:00+07:00"), at("2026-04-22T09:00:00+07:00")));
		assertThat(TIME.due(from, WorkingDuration.days(2).seconds(TIME.hours()), pauses))
			.contains(at("2026-04-23T17:00:00+07:00"));
		assertThat(TIME.between(from, at("2026-04-23T17:00:00+07:00"), pauses)).isEqualTo(Duration.ofHours(16));
	}

	@Test
	void anOpenPauseLeavesNoDueDateUntilItEnds() {
		Instant from = at("2026-04-20T07:00:00+07:00");
		List<Pause> open = List.of(new Pause(at("2026-04-20T09:00:00+07:00"), null));
		assertThat(TIME.due(from, WorkingDuration.days(2).seconds(TIME.hours()), open)).isEmpty();
		// work finished before the pause began is unaffected
		assertThat(TIME.due(from, WorkingDuration.hours(2).seconds(TIME.hours()), open))
			.contains(at("2026-04-20T09:00:00+07:00"));
		assertThat(TIME.between(from, at("2026-04-21T17:00:00+07:00"), open)).isEqualTo(Duration.ofHours(2));
	}

	@Test
	void overlappingAndEarlierPausesCountOnce() {
		Instant from = at("2026-04-20T07:00:00+07:00");
		List<Pause> pauses = List.of(new Pause(at("2026-04-13T07:00:00+07:00"), at("2026-04-14T07:00:00+07:00")),
				new Pause(at("2026-04-20T09:00:00+07:00"), at("2026-04-21T09:00:00+07:00")),
				new Pause(at("2026-04-21T08:00:00+07:00"), at("2026-04-22T09:00:00+07:00")));
		assertThat(TIME.due(from, WorkingDuration.days(2).seconds(TIME.hours()), pauses))
			.contains(at("2026-04-23T17:00:00+07:00"));
	}

	@Test
	void clockStartsAtTheNextWorkingPeriod() {
		assertThat(TIME.clockStart(at("2026-04-18T20:00:00+07:00"))).isEqualTo(at("2026-04-20T07:00:00+07:00"));
		assertThat(TIME.clockStart(at("2026-04-20T12:10:00+07:00"))).isEqualTo(at("2026-04-20T13:00:00+07:00"));
		assertThat(TIME.clockStart(at("2026-04-20T09:10:00+07:00"))).isEqualTo(at("2026-04-20T09:10:00+07:00"));
	}

	@Test
	void outsideTheTableIsRefused() {
		assertThatThrownBy(() -> TIME.due(at("1899-12-31T08:00:00+07:00"), 3600))
			.isInstanceOf(OutsideSupportedYears.class);
		assertThatThrownBy(() -> TIME.due(at("2201-12-20T08:00:00+07:00"), 365L * 8 * 3600))
			.isInstanceOf(OutsideSupportedYears.class);
	}

	/**
	 * Property: over random starts (1900–2199) and durations, the table's answer equals a plain walk
	 * through the working periods, and the working time from the start to the due date is the duration.
	 */
	@Test
	void agreesWithAPeriodByPeriodWalkOnRandomInputs() {
		Random random = new Random(20260424);
		for (int i = 0; i < 3000; i++) {
			LocalDateTime local = LocalDateTime.of(1900 + random.nextInt(300), 1 + random.nextInt(12),
					1 + random.nextInt(28), random.nextInt(24), random.nextInt(4) * 15);
			Instant from = ZonedDateTime.of(local, Zones.VIETNAM).toInstant();
			long seconds = random.nextBoolean() ? (1 + random.nextInt(40)) * 8 * 3600L
					: (1 + random.nextInt(200)) * 3600L;
			if (local.getYear() == 2199 && local.getMonthValue() == 12) {
				continue;
			}
			Instant due = TIME.due(from, seconds);
			assertThat(due).as("from %s, %d s", local, seconds).isEqualTo(walk(from, seconds));
			assertThat(TIME.between(from, due).toSeconds()).isEqualTo(seconds);
			assertThat(TIME.between(from, due.minusSeconds(1)).toSeconds()).isEqualTo(seconds - 1);
		}
	}

	/** The obvious, slow reference: walk day by day and period by period. */
	private static Instant walk(Instant from, long seconds) {
		ZonedDateTime start = from.atZone(Zones.VIETNAM);
		long remaining = seconds;
		for (LocalDate day = start.toLocalDate();; day = day.plusDays(1)) {
			if (!TIME.isWorkingDay(day)) {
				continue;
			}
			for (LocalTime[] period : new LocalTime[][] { { LocalTime.of(7, 0), LocalTime.of(11, 0) },
					{ LocalTime.of(13, 0), LocalTime.of(17, 0) } }) {
				ZonedDateTime begin = ZonedDateTime.of(day, period[0], Zones.VIETNAM);
				ZonedDateTime end = ZonedDateTime.of(day, period[1], Zones.VIETNAM);
				if (!end.isAfter(start)) {
					continue;
				}
				ZonedDateTime effective = begin.isBefore(start) ? start : begin;
				long available = Duration.between(effective, end).toSeconds();
				if (remaining <= available) {
					return effective.plusSeconds(remaining).toInstant();
				}
				remaining -= available;
			}
		}
	}

	private static Duration between(String from, String to) {
		return TIME.between(at(from), at(to));
	}

	private static Instant at(String text) {
		return OffsetDateTime.parse(text).toInstant();
	}
}
