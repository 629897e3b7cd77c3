package vn.motcua.programme;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Nhiệm vụ: one task of a programme with its five clear fields — who (the owner, a staff account), what (the title),
 * when (start and deadline), which unit answers for it (and its partners), what result (expected, with a measurable
 * target) — and where it stands.
 *
 * @param dayOff the name of the day off the deadline falls on, when it does
 */
public record ProgrammeTask(long id, String programme, String code, @Nullable String group, String title,
		String ownerUsername, String unitCode, List<String> partnerUnitCodes, @Nullable LocalDate startDate,
		LocalDate deadline, String expectedResult, @Nullable BigDecimal targetValue, @Nullable String targetUnit,
		int progressPercent, @Nullable BigDecimal currentValue, @Nullable LocalDate doneAt,
		@Nullable Instant lastReportAt, TaskStatus status, @Nullable String dayOff, boolean demo) {

	/** A progress report: how far, the value reached against the target, the evidence, done or not. */
	public record Report(long id, Instant at, String reportedBy, int progressPercent, @Nullable BigDecimal value,
			@Nullable String note, boolean done, List<java.util.UUID> evidence) {
	}
}
