package vn.motcua.dossier;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.motcua.dossier.DossierEvents.DossierEnded;
import vn.motcua.dossier.DossierEvents.SupplementRequested;

import static org.assertj.core.api.Assertions.assertThat;

/** Which typed events each change of status publishes, beside the generic {@link DossierChanged}. */
class DossierEventsTest {

	private static final Instant AT = Instant.parse("2026-12-04T03:00:00Z");

	/** What the history of a settled payment details; the other changes ignore it. */
	private static final Map<String, Object> PAID = Map.of("amountVnd", 50_000L, "online", true, "payment", "C-1-2");

	@ParameterizedTest(name = "{0}: {1} → {2} publishes {3}")
	@CsvSource({ "SUBMIT, , SUBMITTED, DossierSubmitted", "RECEIVE, , RECEIVED, DossierReceived",
			"RECEIVE, SUBMITTED, RECEIVED, DossierReceived", "REFUSE, SUBMITTED, REFUSED, DossierEnded",
			"FORWARD, RECEIVED, PROCESSING, ''", "REQUEST_SUPPLEMENT, PROCESSING, SUPPLEMENT_REQUESTED, SupplementRequested",
			"SUPPLEMENT, SUPPLEMENT_REQUESTED, PROCESSING, SupplementCompleted",
			"STOP, SUPPLEMENT_REQUESTED, STOPPED, DossierEnded", "WITHDRAW, PROCESSING, WITHDRAWN, DossierEnded",
			"FINISH, PROCESSING, FINISHED, DossierFinished", "RETURN_RESULT, FINISHED, RETURNED, DossierReturned",
			"EXTEND, PROCESSING, PROCESSING, ''", "PAYMENT_SETTLED, PAYMENT_REQUESTED, PROCESSING, PaymentSettled",
			"FEE_EXEMPTED, FINISHED, FINISHED, FeeExempted", "RATED, RETURNED, RETURNED, ''" })
	void aChangeOfStatusPublishesItsTypedEvents(String action, DossierStatus from, DossierStatus to, String expected) {
		List<Object> events = DossierEvents.of("C-1", "SXD", AT, action, from, to, "lý do", PAID);
		assertThat(events.stream().map(e -> e.getClass().getSimpleName()).toList())
			.isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
	}

	@org.junit.jupiter.api.Test
	void theEventsCarryWhatListenersNeed() {
		DossierEnded ended = (DossierEnded) DossierEvents
			.of("C-2", "STP", AT, "STOP", DossierStatus.PROCESSING, DossierStatus.STOPPED, "Người nộp không bổ sung", Map.of())
			.get(0);
		assertThat(ended.status()).isEqualTo(DossierStatus.STOPPED);
		assertThat(ended.reason()).isEqualTo("Người nộp không bổ sung");
		assertThat(DossierStatus.ENDED_WITHOUT_RESULT).contains(ended.status());
		SupplementRequested asked = (SupplementRequested) DossierEvents.of("C-3", "STP", AT, "REQUEST_SUPPLEMENT",
				DossierStatus.PROCESSING, DossierStatus.SUPPLEMENT_REQUESTED, "Thiếu", Map.of("items", List.of("Bản vẽ", "Sổ đỏ")))
			.get(0);
		assertThat(asked.items()).containsExactly("Bản vẽ", "Sổ đỏ");
		DossierEvents.DossierReceived received = (DossierEvents.DossierReceived) DossierEvents.of("C-4", "STP", AT,
				"RECEIVE", DossierStatus.SUBMITTED, DossierStatus.RECEIVED, null,
				Map.of("dueAt", vn.motcua.platform.ApiTime.format(AT.plusSeconds(86_400)))).get(0);
		assertThat(received.dueAt()).isEqualTo(AT.plusSeconds(86_400));
		DossierEvents.PaymentSettled paid = (DossierEvents.PaymentSettled) DossierEvents.of("C-5", "STP", AT,
				"PAYMENT_SETTLED", DossierStatus.FINISHED, DossierStatus.FINISHED, null, PAID).get(0);
		assertThat(paid).isEqualTo(new DossierEvents.PaymentSettled("C-5", "STP", AT, 50_000, true, "C-1-2"));
		DossierEvents.FeeExempted exempted = (DossierEvents.FeeExempted) DossierEvents.of("C-6", "STP", AT,
				"FEE_EXEMPTED", DossierStatus.PROCESSING, DossierStatus.PROCESSING, "Hộ nghèo", Map.of("owedVnd", 0)).get(0);
		assertThat(exempted.reason()).isEqualTo("Hộ nghèo");
		assertThat(DossierStatus.sql(DossierStatus.CLOCK_RUNNING)).isEqualTo("'RECEIVED', 'PROCESSING', 'PAYMENT_REQUESTED'");
	}
}
