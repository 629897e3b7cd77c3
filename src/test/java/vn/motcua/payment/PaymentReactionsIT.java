package vn.motcua.payment;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

import tools.jackson.databind.JsonNode;
import vn.motcua.Api;
import vn.motcua.ApiInjection;
import vn.motcua.dossier.ActionRequest;
import vn.motcua.dossier.DossierEvents.DossierEnded;
import vn.motcua.dossier.DossierEvents.PaymentSettled;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierTestSupport;
import vn.motcua.dossier.Dossiers;
import vn.motcua.identity.Caller;
import vn.motcua.identity.StaffAccount;
import vn.motcua.identity.StaffAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the payment module and the dossier module answer each other, with only the payment module and what it
 * depends on bootstrapped (the VNPAY sandbox beside them): a settled payment is an action on the dossier, which
 * announces {@link PaymentSettled}; a dossier that ends is announced as {@link DossierEnded}, kept by the event
 * publication registry until {@link RefundsOnEnd} has marked its payments for refund. The stimuli call the
 * modules' Java APIs on the test's thread, where the scenario sees what they publish; the set-up goes over HTTP.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "sandbox",
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(ApiInjection.class)
class PaymentReactionsIT {

	/** What {@link DossierTestSupport} asks for a dossier it brings to PAYMENT_REQUESTED. */
	private static final long ASKED = 50_000;

	Api api;

	DossierTestSupport dossiers;

	@Autowired
	JdbcPaymentRepository repository;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Payments payments;

	@Autowired
	Dossiers dossierApi;

	@Autowired
	StaffAccounts staff;

	@Test
	void aCounterPaymentIsSettledOnTheDossierWhichAnnouncesIt(Scenario scenario) {
		String code = dossiers.in("PAYMENT_REQUESTED");
		scenario.stimulate(() -> payments.order(code, PaymentMethod.CASH, caller("officer"),
				new Payments.Browser("http://localhost/", "127.0.0.1", "vn")))
			.andWaitForEventOfType(PaymentSettled.class)
			.matching(e -> e.code().equals(code))
			.toArriveAndVerify(e -> {
				assertThat(e.amountVnd()).isEqualTo(ASKED);
				assertThat(e.online()).isFalse();
				assertThat(e.paymentRef()).isEqualTo(code + "-1");
			});
		assertThat(dossiers.current(code).get("status").asString()).as("the work resumes").isEqualTo("PROCESSING");
	}

	@Test
	void aDossierThatEndsHasWhatWasPaidMarkedForRefund(Scenario scenario) {
		String code = dossiers.in("PAYMENT_REQUESTED");
		UUID paid = UUID.fromString(payCash(code).get("id").asString());
		scenario.publish(new DossierEnded(code, "SXD", Instant.now(), DossierStatus.STOPPED, "Không đủ điều kiện"))
			.andWaitForStateChange(() -> repository.find(paid).filter(Payment::refundDue).orElse(null))
			.andVerify(p -> {
				assertThat(p.refundReason()).isEqualTo("Hồ sơ bị dừng giải quyết sau khi đã nộp phí, lệ phí.");
				// cash goes back at the counter: the attempt stays PAID, listed for refund
				assertThat(p.status()).isEqualTo(PaymentStatus.PAID);
			});
	}

	@Test
	void stoppingADossierPublishesDossierEndedAndTheRegistryKeepsItUntilTheRefundHasRun(Scenario scenario)
			throws InterruptedException {
		String code = dossiers.in("PAYMENT_REQUESTED");
		UUID paid = UUID.fromString(payCash(code).get("id").asString());
		scenario.stimulate(() -> dossierApi.act(code, new ActionRequest("STOP", dossiers.current(code).get("version").asInt(),
				Map.of("reason", "Không đủ điều kiện")), caller("leader")))
			.andWaitForEventOfType(DossierEnded.class)
			.matching(e -> e.code().equals(code))
			.toArriveAndVerify(e -> {
				assertThat(e.status()).isEqualTo(DossierStatus.STOPPED);
				assertThat(e.reason()).isEqualTo("Không đủ điều kiện");
			});
		Instant until = Instant.now().plus(Duration.ofSeconds(10));
		while (publications(code, false) > 0 && Instant.now().isBefore(until)) {
			Thread.sleep(50);
		}
		assertThat(publications(code, true)).as("publications of the stop, one per listener").isEqualTo(1);
		assertThat(publications(code, false)).as("left incomplete").isZero();
		assertThat(repository.find(paid).orElseThrow().refundDue()).isTrue();
	}

	/** The caller a staff account signs in as. */
	private Caller caller(String username) {
		StaffAccount a = staff.find(username).orElseThrow();
		return new Caller(username, a.roles(), a.unitCode(), 0);
	}

	private JsonNode payCash(String code) {
		Api.Response r = api.postJson("/api/v1/dossiers/" + code + "/payments", Map.of("method", "CASH"),
				api.token("officer"));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json();
	}

	/** Publications of {@link DossierEnded} for the dossier kept by the registry: all, or those yet to complete. */
	private long publications(String code, boolean all) {
		return jdbc.sql("""
				select count(*) from event_publication
				where event_type like '%DossierEnded' and serialized_event like ? and (? or completion_date is null)""")
			.params("%\"" + code + "\"%", all)
			.query(Long.class)
			.single();
	}
}
