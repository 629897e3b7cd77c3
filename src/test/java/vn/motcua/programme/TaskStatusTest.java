package vn.motcua.programme;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The status rule of docs/api.md on a table of dates, as of Tuesday 08/12/2026. */
class TaskStatusTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 8);

	@ParameterizedTest(name = "deadline {0}, done {1}, reported {2} → {3}")
	@CsvSource(nullValues = "-", textBlock = """
			# deadline,  done on,    reported, status
			2026-12-08, 2026-12-08, true,  DONE_ON_TIME
			2026-12-08, 2026-12-09, true,  DONE_LATE
			2026-11-30, 2026-12-01, true,  DONE_LATE
			2026-11-30, 2026-11-01, true,  DONE_ON_TIME
			# done decides before any date: a late task done early stays on time
			2025-01-01, 2024-12-31, true,  DONE_ON_TIME
			2026-12-07, -,          true,  OVERDUE
			2026-12-07, -,          false, OVERDUE
			2026-12-08, -,          false, DUE_SOON
			2026-12-15, -,          false, DUE_SOON
			2026-12-15, -,          true,  DUE_SOON
			2026-12-16, -,          false, NOT_STARTED
			2026-12-16, -,          true,  ON_TRACK
			# Quốc khánh 02/09/2026 is a day off: the deadline is the day the plan gives, not moved
			2026-09-02, -,          true,  OVERDUE
			2026-09-02, 2026-09-03, true,  DONE_LATE
			2026-09-02, 2026-09-02, true,  DONE_ON_TIME
			# Tết 2027 (06/02–10/02/2027): far ahead, on track
			2027-02-08, -,          true,  ON_TRACK
			""")
	void theStatusFollowsTheDatesAndReports(LocalDate deadline, LocalDate doneOn, boolean reported, TaskStatus expected) {
		assertThat(TaskStatus.of(deadline, doneOn, reported, TODAY)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "a deadline on {0} is overdue on {1}, due soon on the day")
	@CsvSource({ "2026-09-02, 2026-09-03", "2026-12-31, 2027-01-01", "2027-02-06, 2027-02-07" })
	void aDeadlineOnADayOffIsDueOnThatDayAndOverdueTheNext(LocalDate holiday, LocalDate dayAfter) {
		assertThat(TaskStatus.of(holiday, null, true, holiday)).isEqualTo(TaskStatus.DUE_SOON);
		assertThat(TaskStatus.of(holiday, null, true, dayAfter)).isEqualTo(TaskStatus.OVERDUE);
	}
}
