package vn.motcua.dossier;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.calendar.WorkingDuration;
import vn.motcua.catalog.ProcedureDetail;
import vn.motcua.platform.Zones;

/**
 * Ngày hẹn trả: from valid reception, in working time of the calendar, by the case's time limit; a case with
 * a same-day cut-off hour starts the clock on the next working day when received after it; a case without
 * an appointment date has none.
 */
@Component
class Deadlines {

	private final WorkingCalendar calendar;

	Deadlines(WorkingCalendar calendar) {
		this.calendar = calendar;
	}

	/** Đang trong hạn / sắp đến hạn / quá hạn, for inboxes. */
	public enum State {
		IN_TIME, DUE_SOON, OVERDUE
	}

	/**
	 * The working time left before {@code dueAt} at {@code now}, the supplement waits given back (the clock
	 * stops while the applicant supplements); negative once overdue.
	 */
	Duration remaining(Instant dueAt, List<Dossier.Supplement> supplements, Instant now) {
		Duration left = now.isBefore(dueAt) ? calendar.workingTimeBetween(now, dueAt)
				: calendar.workingTimeBetween(dueAt, now).negated();
		for (Dossier.Supplement s : supplements) {
			Instant end = s.completedAt() == null ? now : s.completedAt();
			left = left.plus(calendar.workingTimeBetween(s.requestedAt(), end));
		}
		return left;
	}

	/** Due soon means at most one working day left. */
	State state(Duration remaining) {
		if (remaining.isNegative() || remaining.isZero()) {
			return State.OVERDUE;
		}
		return remaining.getSeconds() <= calendar.workingHours().dayLengthSeconds() ? State.DUE_SOON : State.IN_TIME;
	}

	@Nullable Instant due(Instant receivedAt, ProcedureDetail.Case c) {
		WorkingDuration duration = timeLimit(c);
		if (duration == null) {
			return null;
		}
		Instant from = receivedAt;
		LocalTime cutoff = c.cutoffTime();
		if (cutoff != null) {
			ZonedDateTime local = receivedAt.atZone(Zones.VIETNAM);
			if (!local.toLocalTime().isBefore(cutoff)) {
				from = local.toLocalDate().plusDays(1).atStartOfDay(Zones.VIETNAM).toInstant();
			}
		}
		return calendar.due(from, duration);
	}

	/** The case's time limit in working time; null for a case without an appointment date. */
	@Nullable WorkingDuration timeLimit(ProcedureDetail.Case c) {
		if (c.durationAmount() == null || "NONE".equals(c.durationUnit())) {
			return null;
		}
		return "HOURS".equals(c.durationUnit()) ? WorkingDuration.hours(c.durationAmount())
				: WorkingDuration.days(c.durationAmount());
	}
}
