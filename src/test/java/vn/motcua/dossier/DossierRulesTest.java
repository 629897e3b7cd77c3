package vn.motcua.dossier;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules beyond the status, without a database: one function for taking an action and for offering it. */
class DossierRulesTest {

	private static final Instant DUE = Instant.parse("2026-12-10T10:00:00Z");

	private static Dossier dossier(DossierStatus status, boolean approved, long fee, long paid, String exemption,
			Instant dueAt, Instant extendedDueAt, Dossier.Step step) {
		return TestDossiers.dossier(status, approved, fee, paid, exemption, dueAt, extendedDueAt, step);
	}

	private static Dossier.Step step(String consultUnit, Instant consultedAt) {
		return new Dossier.Step(1, "Thẩm định", "SXD_QLXD", "SPECIALIST", 50, Instant.parse("2026-12-01T02:00:00Z"), null,
				null, null, null, consultUnit, consultedAt, null, null);
	}

	@Test
	void theStatusComesFirst() {
		assertThat(DossierRules.refusal(DossierAction.FORWARD, dossier(DossierStatus.PROCESSING, false, 0, 0, null, DUE,
				null, null))).hasValueSatisfying(r -> {
					assertThat(r.vietnamese()).contains("Chuyển xử lý", "Đang xử lý");
					assertThat(r.in(java.util.Locale.ENGLISH)).as("the same refusal in English")
						.isEqualTo("Cannot \"Forward\" while the dossier is \"Processing\".");
				});
		assertThat(DossierRules.allowed(DossierAction.FORWARD, dossier(DossierStatus.RECEIVED, false, 0, 0, null, DUE,
				null, null))).isTrue();
	}

	@Test
	void finishNeedsAnApprovedResult() {
		assertThat(DossierRules.allowed(DossierAction.FINISH, dossier(DossierStatus.PROCESSING, false, 0, 0, null, DUE,
				null, null))).isFalse();
		assertThat(DossierRules.allowed(DossierAction.FINISH, dossier(DossierStatus.PROCESSING, true, 0, 0, null, DUE,
				null, null))).isTrue();
	}

	@Test
	void theResultIsHandedOverOnlyWhenNothingIsOwed() {
		assertThat(DossierRules.refusal(DossierAction.RETURN_RESULT, dossier(DossierStatus.FINISHED, true, 150_000, 50_000,
				null, DUE, null, null))).hasValueSatisfying(r -> assertThat(r.vietnamese()).contains("100.000 đồng"));
		assertThat(DossierRules.allowed(DossierAction.RETURN_RESULT, dossier(DossierStatus.FINISHED, true, 150_000, 150_000,
				null, DUE, null, null))).isTrue();
		assertThat(DossierRules.allowed(DossierAction.RETURN_RESULT, dossier(DossierStatus.FINISHED, true, 150_000, 0,
				"Hộ nghèo", DUE, null, null))).isTrue();
	}

	@Test
	void oneExtensionAndOnlyOfADueDate() {
		assertThat(DossierRules.allowed(DossierAction.EXTEND, dossier(DossierStatus.PROCESSING, false, 0, 0, null, DUE,
				null, null))).isTrue();
		assertThat(DossierRules.allowed(DossierAction.EXTEND, dossier(DossierStatus.PROCESSING, false, 0, 0, null, DUE,
				DUE.plusSeconds(86_400), null))).isFalse();
		assertThat(DossierRules.allowed(DossierAction.EXTEND, dossier(DossierStatus.PROCESSING, false, 0, 0, null, null,
				null, null))).isFalse();
	}

	@Test
	void theStepsOfAConfiguredProcessDecideApprovalHandOverAndReplies() {
		Dossier atAStep = dossier(DossierStatus.PROCESSING, false, 0, 0, null, DUE, null, step(null, null));
		Dossier waitingForAnAnswer = dossier(DossierStatus.PROCESSING, false, 0, 0, null, DUE, null, step("SNNMT", null));
		Dossier answered = dossier(DossierStatus.PROCESSING, false, 0, 0, null, DUE, null,
				step("SNNMT", Instant.parse("2026-12-02T02:00:00Z")));
		Dossier noProcess = dossier(DossierStatus.PROCESSING, false, 0, 0, null, DUE, null, null);
		assertThat(DossierRules.allowed(DossierAction.APPROVE, atAStep)).isFalse();
		assertThat(DossierRules.allowed(DossierAction.APPROVE, noProcess)).isTrue();
		assertThat(DossierRules.allowed(DossierAction.HAND_OVER, atAStep)).isTrue();
		assertThat(DossierRules.allowed(DossierAction.HAND_OVER, waitingForAnAnswer)).isFalse();
		assertThat(DossierRules.allowed(DossierAction.HAND_OVER, answered)).isTrue();
		assertThat(DossierRules.allowed(DossierAction.HAND_OVER, noProcess)).isFalse();
		assertThat(DossierRules.allowed(DossierAction.CONSULT_REPLY, waitingForAnAnswer)).isTrue();
		assertThat(DossierRules.allowed(DossierAction.CONSULT_REPLY, answered)).isFalse();
	}

	@Test
	void aPaymentIsTakenWhileSomethingIsOwedAndTheDossierHasNotEnded() {
		assertThat(DossierRules.allowed(DossierAction.SETTLE_PAYMENT, dossier(DossierStatus.PAYMENT_REQUESTED, false,
				70_000, 20_000, null, DUE, null, null))).isTrue();
		assertThat(DossierRules.allowed(DossierAction.SETTLE_PAYMENT, dossier(DossierStatus.FINISHED, true, 70_000, 0, null,
				DUE, null, null))).as("paid before the result is handed over").isTrue();
		assertThat(DossierRules.refusal(DossierAction.SETTLE_PAYMENT, dossier(DossierStatus.PROCESSING, false, 70_000,
				70_000, null, DUE, null, null))).hasValueSatisfying(r -> assertThat(r.vietnamese()).contains("giao dịch khác"));
		assertThat(DossierRules.refusal(DossierAction.SETTLE_PAYMENT, dossier(DossierStatus.STOPPED, false, 70_000, 0,
				null, DUE, null, null))).hasValueSatisfying(r -> assertThat(r.vietnamese()).contains("Dừng xử lý", "hoàn lại"));
		assertThat(DossierRules.allowed(DossierAction.EXEMPT_FEE, dossier(DossierStatus.PROCESSING, false, 70_000, 0,
				"Hộ nghèo", DUE, null, null))).as("exempted once").isFalse();
		assertThat(DossierRules.allowed(DossierAction.EXEMPT_FEE, dossier(DossierStatus.WITHDRAWN, false, 70_000, 0, null,
				DUE, null, null))).as("nothing to exempt an ended dossier from").isFalse();
		assertThat(DossierAction.SETTLE_PAYMENT.viaActions()).isFalse();
		assertThat(DossierAction.EXEMPT_FEE.recordedAs()).isEqualTo("FEE_EXEMPTED");
	}
}
