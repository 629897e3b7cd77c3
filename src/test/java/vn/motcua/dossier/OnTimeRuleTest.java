package vn.motcua.dossier;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.motcua.dossier.Dossier.Supplement;

import static org.assertj.core.api.Assertions.assertThat;

/** The on-time rule of api.md's KPI section, against hand-computed cases. */
class OnTimeRuleTest {

	private static final Instant DUE = t("10:00");

	@Test
	void finishedBeforeItsDueDateIsOnTime() {
		assertThat(OnTimeRule.ofEnded(DUE, t("09:00"), null, null, List.of())).isTrue();
		assertThat(OnTimeRule.ofEnded(DUE, t("10:00"), null, null, List.of())).as("exactly at the due time").isTrue();
		assertThat(OnTimeRule.ofEnded(DUE, t("10:01"), null, null, List.of())).isFalse();
	}

	@Test
	void aCompletedSupplementWaitIsSubtracted() {
		// finished 12:00, waited 08:00–11:00 (3 h): judged at 09:00
		assertThat(OnTimeRule.ofEnded(DUE, t("12:00"), null, null, List.of(supplement("08:00", "11:00")))).isTrue();
		// waited one hour only: judged at 11:00
		assertThat(OnTimeRule.ofEnded(DUE, t("12:00"), null, null, List.of(supplement("08:00", "09:00")))).isFalse();
	}

	@Test
	void aSupplementStillOpenAtTheEndMovesTheEndBackToItsRequest() {
		// stopped at 15:00 while waiting since 09:00 for a supplement: judged at 09:00
		assertThat(OnTimeRule.ofEnded(DUE, null, null, t("15:00"), List.of(supplement("09:00", null)))).isTrue();
		// completed only after the end: still open at the end
		assertThat(OnTimeRule.ofEnded(DUE, null, null, t("15:00"), List.of(supplement("09:00", "16:00")))).isTrue();
	}

	@Test
	void moreThanOneSupplementRequestBeforeTheEndIsLate() {
		assertThat(OnTimeRule.ofEnded(DUE, t("08:30"), null, null,
				List.of(supplement("08:00", "08:05"), supplement("08:10", "08:15")))).isFalse();
		// a second request after the end does not count
		assertThat(OnTimeRule.ofEnded(DUE, t("08:30"), null, null,
				List.of(supplement("08:00", "08:05"), supplement("09:00", null)))).isTrue();
	}

	@Test
	void theEndIsFinishedElseReturnedElseStoppedAndNoDueDateMeansOnTime() {
		assertThat(OnTimeRule.ofEnded(DUE, null, t("09:00"), null, List.of())).isTrue();
		assertThat(OnTimeRule.ofEnded(DUE, t("11:00"), t("09:00"), null, List.of())).as("finishedAt wins").isFalse();
		assertThat(OnTimeRule.ofEnded(null, t("23:00"), null, null, List.of())).isTrue();
		assertThat(OnTimeRule.ofEnded(DUE, null, null, null, List.of())).as("not ended").isNull();
	}

	@Test
	void anOpenDossierIsJudgedAtThePeriodsEnd() {
		assertThat(OnTimeRule.asOf(DUE, null, null, null, List.of(), t("09:59"))).isTrue();
		assertThat(OnTimeRule.asOf(DUE, null, null, null, List.of(), t("10:30"))).isFalse();
		assertThat(OnTimeRule.asOf(DUE, t("11:00"), null, null, List.of(), t("09:00"))).as("finished after the period")
			.isTrue();
		assertThat(OnTimeRule.asOf(DUE, null, null, null, List.of(supplement("09:00", null)), t("12:00"))).isTrue();
	}

	private static Supplement supplement(String requested, String completed) {
		return new Supplement(t(requested), completed == null ? null : t(completed), "r", List.of());
	}

	private static Instant t(String time) {
		return Instant.parse("2026-11-23T" + time + ":00+07:00");
	}
}
