package vn.motcua.calendar;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** Changes to a year's declared schedule, by an administrator. */
public interface CalendarSchedules {

	/**
	 * Replaces the declared schedule of {@code year} (audited) and answers the year's new view.
	 *
	 * @throws InvalidSchedule listing every bad entry, when any is bad (nothing is changed)
	 */
	YearView replace(int year, List<DeclaredDayOff> daysOff, List<String> workingDays, String actor);

	/**
	 * A requested day off as given: the date as text (ISO {@code YYYY-MM-DD}), the reason optional.
	 */
	record DeclaredDayOff(String date, @Nullable String reason) {
	}

	/** Field errors of a declared schedule, answered as a 400 problem with {@code errors}. */
	final class InvalidSchedule extends vn.motcua.platform.DomainProblem {

		private final List<Map<String, String>> errors;

		public InvalidSchedule(List<Map<String, String>> errors) {
			super(org.springframework.http.HttpStatus.BAD_REQUEST, "invalid-schedule",
					"Lịch công bố có " + errors.size() + " mục không hợp lệ; không thay đổi gì.");
			this.errors = List.copyOf(errors);
		}

		public List<Map<String, String>> errors() {
			return errors;
		}

		@Override
		public Map<String, Object> properties() {
			return Map.of("errors", errors);
		}
	}
}
