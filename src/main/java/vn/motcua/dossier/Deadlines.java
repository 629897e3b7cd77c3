package vn.motcua.dossier;

import java.time.Instant;
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

	@Nullable Instant due(Instant receivedAt, ProcedureDetail.Case c) {
		if (c.durationAmount() == null || "NONE".equals(c.durationUnit())) {
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
		WorkingDuration duration = "HOURS".equals(c.durationUnit()) ? WorkingDuration.hours(c.durationAmount())
				: WorkingDuration.days(c.durationAmount());
		return calendar.due(from, duration);
	}
}
