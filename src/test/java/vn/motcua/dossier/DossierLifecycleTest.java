package vn.motcua.dossier;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.motcua.platform.ApiTime;
import vn.motcua.platform.InvalidParameter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.motcua.dossier.TestDossiers.DUE;
import static vn.motcua.dossier.TestDossiers.in;

/** The lifecycle decided without a database: each action's change of status, dates and supplements. */
class DossierLifecycleTest {

	private static final Instant NOW = Instant.parse("2026-12-04T03:00:00Z");

	private static DossierLifecycle.Fields fields(Map<String, Object> values) {
		return new DossierLifecycle.Fields(values, "specialist");
	}

	@Test
	void receptionStartsTheDeadline() {
		DossierChange c = DossierLifecycle.decide(in(DossierStatus.SUBMITTED), DossierAction.RECEIVE, fields(Map.of()), NOW,
				DUE);
		assertThat(c.to()).isEqualTo(DossierStatus.RECEIVED);
		assertThat(c.columns()).containsEntry("received_at", NOW).containsEntry("due_at", DUE);
		assertThat(c.details()).containsEntry("dueAt", ApiTime.format(DUE));
	}

	@Test
	void aSupplementRequestOpensTheNextRequestAndTheSupplementClosesIt() {
		Dossier once = TestDossiers.dossier(DossierStatus.PROCESSING, false, 0, 0, null, DUE, null, null,
				List.of(new Dossier.Supplement(NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofDays(1)), "x", List.of())));
		DossierChange asked = DossierLifecycle.decide(once, DossierAction.REQUEST_SUPPLEMENT,
				fields(Map.of("reason", " Thiếu bản vẽ ", "items", List.of(" Bản vẽ mặt bằng "))), NOW, null);
		assertThat(asked.to()).isEqualTo(DossierStatus.SUPPLEMENT_REQUESTED);
		assertThat(asked.request()).isEqualTo(new DossierChange.SupplementRequest(2, NOW, "specialist", "Thiếu bản vẽ",
				List.of("Bản vẽ mặt bằng")));
		assertThat(asked.columns()).isEmpty();
		DossierChange supplied = DossierLifecycle.decide(in(DossierStatus.SUPPLEMENT_REQUESTED), DossierAction.SUPPLEMENT,
				fields(Map.of("note", "Đã nộp")), NOW, null);
		assertThat(supplied.to()).isEqualTo(DossierStatus.PROCESSING);
		assertThat(supplied.supplementCompletedAt()).isEqualTo(NOW);
	}

	@Test
	void endingsAndResults() {
		assertThat(DossierLifecycle.decide(in(DossierStatus.PROCESSING), DossierAction.STOP, fields(Map.of("reason", "r")),
				NOW, null).columns()).containsEntry("stopped_at", NOW);
		assertThat(DossierLifecycle.decide(in(DossierStatus.SUBMITTED), DossierAction.REFUSE,
				fields(Map.of("reason", "r")), NOW, null).columns()).isEmpty();
		assertThat(DossierLifecycle.decide(in(DossierStatus.PROCESSING), DossierAction.FINISH, fields(Map.of("note", "n")),
				NOW, null).columns()).containsEntry("finished_at", NOW);
		assertThat(DossierLifecycle.decide(in(DossierStatus.FINISHED), DossierAction.RETURN_RESULT, fields(Map.of()), NOW,
				null).to()).isEqualTo(DossierStatus.RETURNED);
		assertThat(DossierLifecycle.decide(in(DossierStatus.PROCESSING), DossierAction.ASSIGN,
				fields(Map.of("assignee", "specialist")), NOW, null).to()).as("assignment keeps the status")
			.isEqualTo(DossierStatus.PROCESSING);
	}

	@Test
	void aPaymentRequestAddsToTheFeeAndSettlingItResumesTheWork() {
		Dossier owing = TestDossiers.dossier(DossierStatus.PROCESSING, false, 20_000, 20_000, null, DUE, null, null);
		DossierChange asked = DossierLifecycle.decide(owing, DossierAction.REQUEST_PAYMENT,
				fields(Map.of("amountVnd", 50_000, "reason", "Lệ phí")), NOW, null);
		assertThat(asked.to()).isEqualTo(DossierStatus.PAYMENT_REQUESTED);
		assertThat(asked.columns()).containsEntry("fee_vnd", 70_000L);
		Dossier waiting = TestDossiers.dossier(DossierStatus.PAYMENT_REQUESTED, false, 70_000, 20_000, null, DUE, null, null);
		assertThat(settle(waiting, 30_000).to()).as("part paid").isEqualTo(DossierStatus.PAYMENT_REQUESTED);
		DossierChange paid = settle(waiting, 50_000);
		assertThat(paid.to()).isEqualTo(DossierStatus.PROCESSING);
		assertThat(paid.columns()).containsEntry("paid_vnd", 70_000L).containsEntry("paid_online", true);
		assertThat(paid.details()).containsEntry("payment", "P-1").containsEntry("amountVnd", 50_000L);
		assertThat(settle(in(DossierStatus.FINISHED), 10_000).to()).as("a finished dossier stays finished")
			.isEqualTo(DossierStatus.FINISHED);
		DossierChange exempted = DossierLifecycle.decide(waiting, DossierAction.EXEMPT_FEE,
				fields(Map.of("reason", " Hộ nghèo ")), NOW, null);
		assertThat(exempted.to()).isEqualTo(DossierStatus.PROCESSING);
		assertThat(exempted.columns()).containsEntry("fee_exemption", "Hộ nghèo");
		assertThat(exempted.details()).containsEntry("owedVnd", 50_000L);
	}

	private static DossierChange settle(Dossier d, long amountVnd) {
		return DossierLifecycle.decide(d, DossierAction.SETTLE_PAYMENT,
				fields(Map.of("amountVnd", amountVnd, "online", true, "payment", "P-1")), NOW, null);
	}

	@Test
	void anExtensionMovesTheDueDateLaterButNotPastAYear() {
		DossierChange c = DossierLifecycle.decide(in(DossierStatus.PROCESSING), DossierAction.EXTEND,
				fields(Map.of("reason", "Xác minh", "newDueAt", ApiTime.format(DUE.plus(Duration.ofDays(5))))), NOW, null);
		assertThat(c.columns()).containsEntry("extended_due_at", DUE.plus(Duration.ofDays(5)));
		assertThatThrownBy(() -> DossierLifecycle.decide(in(DossierStatus.PROCESSING), DossierAction.EXTEND,
				fields(Map.of("reason", "x", "newDueAt", ApiTime.format(DUE.minus(Duration.ofDays(1))))), NOW, null))
			.isInstanceOf(InvalidParameter.class);
		assertThatThrownBy(() -> DossierLifecycle.decide(in(DossierStatus.PROCESSING), DossierAction.EXTEND,
				fields(Map.of("reason", "x", "newDueAt", ApiTime.format(DUE.plus(Duration.ofDays(400))))), NOW, null))
			.isInstanceOf(InvalidParameter.class);
	}

	@Test
	void aChangeSetsOnlyColumnsItMay() {
		assertThatThrownBy(() -> new DossierChange(DossierStatus.PROCESSING, Map.of("code", "other"), null, null, Map.of()))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
