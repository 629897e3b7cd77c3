package vn.motcua.programme;

import java.time.LocalDate;

/**
 * A task's owner and its unit's leaders are to be told: its deadline is a week away, or has passed. Published once of
 * each kind per task, inside the transaction that records it, so the message and the record commit together.
 */
public record TaskReminder(long taskId, String programme, String code, String title, String ownerUsername,
		String unitCode, LocalDate deadline, Kind kind) {

	public enum Kind {
		DUE_IN_A_WEEK, OVERDUE
	}
}
