package vn.motcua.dossier;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.motcua.dossier.Dossier.Supplement;

/**
 * Đúng hạn as the national methodology judges it (Decision 766, docs/api.md KPI): the dossier's end is the first
 * of finished, returned, stopped, but no later than the period's end; a supplement still open at the end
 * moves the end back to its request; every supplement completed by the end subtracts its elapsed waiting
 * time; more than one supplement request before the end makes it late; without a due date it is on time.
 * It is judged against {@code dueAt}, never against an extended date.
 */
public final class OnTimeRule {

	private OnTimeRule() {
	}

	/** The judgement for a dossier that has ended, or null when it has not. */
	public static @Nullable Boolean ofEnded(@Nullable Instant dueAt, @Nullable Instant finishedAt,
			@Nullable Instant returnedAt, @Nullable Instant stoppedAt, List<Supplement> supplements) {
		Instant end = end(finishedAt, returnedAt, stoppedAt);
		return end == null ? null : judge(dueAt, end, supplements);
	}

	/** The judgement at {@code periodEnd}, for dossiers ended or not (a dossier not ended by then ends there). */
	public static boolean asOf(@Nullable Instant dueAt, @Nullable Instant finishedAt, @Nullable Instant returnedAt,
			@Nullable Instant stoppedAt, List<Supplement> supplements, Instant periodEnd) {
		Instant end = end(finishedAt, returnedAt, stoppedAt);
		return judge(dueAt, end == null || end.isAfter(periodEnd) ? periodEnd : end, supplements);
	}

	private static boolean judge(@Nullable Instant dueAt, Instant end, List<Supplement> supplements) {
		if (dueAt == null) {
			return true;
		}
		long requestedBeforeEnd = supplements.stream().filter(s -> !s.requestedAt().isAfter(end)).count();
		if (requestedBeforeEnd > 1) {
			return false;
		}
		Instant adjusted = end;
		for (Supplement s : supplements) {
			if (s.requestedAt().isAfter(end)) {
				continue;
			}
			if (s.completedAt() == null || s.completedAt().isAfter(end)) {
				adjusted = s.requestedAt().isBefore(adjusted) ? s.requestedAt() : adjusted;
			}
		}
		for (Supplement s : supplements) {
			if (!s.requestedAt().isAfter(end) && s.completedAt() != null && !s.completedAt().isAfter(end)) {
				adjusted = adjusted.minus(Duration.between(s.requestedAt(), s.completedAt()));
			}
		}
		return !adjusted.isAfter(dueAt);
	}

	private static @Nullable Instant end(@Nullable Instant finishedAt, @Nullable Instant returnedAt,
			@Nullable Instant stoppedAt) {
		return finishedAt != null ? finishedAt : returnedAt != null ? returnedAt : stoppedAt;
	}
}
