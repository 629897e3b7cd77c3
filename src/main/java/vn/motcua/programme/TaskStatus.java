package vn.motcua.programme;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Where a task stands as of a day (Asia/Ho_Chi_Minh), in the province's words: hoàn thành đúng hạn, hoàn thành quá
 * hạn, quá hạn, sắp đến hạn, chưa thực hiện, đang thực hiện. Decided in that order (docs/api.md, Programme tracker).
 * The deadline is the calendar day the plan gives: one that falls on a day off is not moved (the page warns of it
 * when the task is planned), so a task due on a holiday is overdue the day after.
 */
public enum TaskStatus {
	DONE_ON_TIME, DONE_LATE, OVERDUE, DUE_SOON, NOT_STARTED, ON_TRACK;

	/** Days before the deadline from which a task is due soon. */
	public static final int DUE_SOON_DAYS = 7;

	public static TaskStatus of(LocalDate deadline, @Nullable LocalDate doneAt, boolean reported, LocalDate today) {
		if (doneAt != null) {
			return doneAt.isAfter(deadline) ? DONE_LATE : DONE_ON_TIME;
		}
		if (deadline.isBefore(today)) {
			return OVERDUE;
		}
		if (!deadline.isAfter(today.plusDays(DUE_SOON_DAYS))) {
			return DUE_SOON;
		}
		return reported ? ON_TRACK : NOT_STARTED;
	}

	public boolean done() {
		return this == DONE_ON_TIME || this == DONE_LATE;
	}
}
