package vn.motcua.payment;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import vn.motcua.Api;
import vn.motcua.MotCuaIntegrationTest;
import vn.motcua.TestClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payments over HTTP against the bundled VNPAY sandbox: ordering, every IPN reply code, duplicates at once,
 * the double payment refunded, expiry and the mop-up's querydr, counter payments with their receipt, the
 * workflow resuming after payment, refunds when a dossier is stopped, exemption and reconciliation.
 */
@MotCuaIntegrationTest
class PaymentIT {

	/** A procedure of SXD with a fee of 150,000 VND on every channel. */
	static final String PROCEDURE = "9.700001";
	static final long FEE = 150_000;

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@Autowired
	PaymentMopUp mopUp;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	Api api;

	private final HttpClient http = HttpClient.newHttpClient();
	private static int applicant = 0;

	@BeforeEach
	void setUp() {
		vn.motcua.TestProcedures.ensure(api, PROCEDURE, "Thủ tục kiểm thử có lệ phí", "SXD", 5, FEE);
	}

	@AfterEach
	void backToNow() {
		clock.set(Clock.systemUTC().instant());
	}

	@Test
	void orderingAnswersThePendingAttemptAndRefusesWhoMayNotPay() {
		String code = file();
		JsonNode first = order(code, "ONLINE", "officer", 201);
		assertThat(first.get("amountVnd").asLong()).isEqualTo(FEE);
		assertThat(first.get("status").asString()).isEqualTo("PENDING");
		assertThat(first.get("payUrl").asString()).contains("/sandbox/vnpay/paymentv2/vpcpay.html?", "vnp_Amount=15000000",
				"vnp_SecureHash=", "vnp_ExpireDate=");
		JsonNode again = order(code, "ONLINE", "officer", 200);
		assertThat(again.get("id").asString()).isEqualTo(first.get("id").asString());
		assertThat(api.postJson("/api/v1/dossiers/" + code + "/payments", Map.of(), api.token("specialist")).status())
			.isEqualTo(403);
		assertThat(api.postJson("/api/v1/dossiers/" + code + "/payments", Map.of("method", "GOLD"), api.token("officer"))
			.status()).isEqualTo(400);
		assertThat(api.postJson("/api/v1/dossiers/" + code + "/payments", Map.of(), api.token("specialist.stp")).status())
			.as("another unit's dossier does not exist for them").isEqualTo(404);
		assertThat(api.get("/api/v1/payments/" + first.get("id").asString(), api.token("specialist.stp")).status())
			.isEqualTo(404);
		assertThat(api.get("/api/v1/payments/not-an-id", api.token("officer")).status()).isEqualTo(404);
	}

	@Test
	void everyIpnReplyCodeInItsOrderAndTheOutcomesOfFailures() throws Exception {
		String code = file();
		JsonNode p = order(code, "ONLINE", "officer", 201);
		String ref = p.get("txnRef").asString();
		assertThat(ipn(ref, FEE, "00", "00", "other-secret", "MOTCUA01")).isEqualTo("97");
		assertThat(ipn("NO-SUCH-REF", FEE, "00", "00", null, "MOTCUA01")).isEqualTo("01");
		assertThat(ipn(ref, FEE - 1000, "00", "00", null, "MOTCUA01")).isEqualTo("04");
		assertThat(ipn(ref, FEE, "00", "00", null, "OTHER001")).as("not our terminal").isEqualTo("99");
		assertThat(http.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/payments/vnpay/ipn?vnp_TxnRef=" + ref))
			.build(), HttpResponse.BodyHandlers.ofString()).body()).contains("\"RspCode\":\"97\"");
		assertThat(ipn(ref, FEE, "00", "01", null, "MOTCUA01")).as("still processing at the bank").isEqualTo("00");
		assertThat(status(p)).isEqualTo("PENDING");
		assertThat(ipn(ref, FEE, "51", "02", null, "MOTCUA01")).isEqualTo("00");
		assertThat(status(p)).isEqualTo("FAILED");
		assertThat(ipn(ref, FEE, "00", "00", null, "MOTCUA01")).as("a failed attempt has ended").isEqualTo("02");
		assertThat(dossier(code).get("paid").asBoolean()).isFalse();

		JsonNode second = order(code, "ONLINE", "officer", 201);
		assertThat(ipn(second.get("txnRef").asString(), FEE, "24", "02", null, "MOTCUA01")).isEqualTo("00");
		assertThat(status(second)).isEqualTo("CANCELLED");
		assertThat(jdbc.sql("select count(*) from payment_event e join payment p on p.id = e.payment_id where p.txn_ref = ?")
			.param(ref)
			.query(Long.class)
			.single()).as("order, pending notice, failure").isEqualTo(3);
	}

	@Test
	void twentyFourDuplicateIpnsAtOnceSettleOnceAndTheDossierIsPaidOnline() throws Exception {
		String code = file();
		JsonNode p = order(code, "ONLINE", "officer", 201);
		ExecutorService pool = Executors.newFixedThreadPool(12);
		List<Future<String>> replies = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			replies.add(pool.submit(() -> ipn(p.get("txnRef").asString(), FEE, "00", "00", null, "MOTCUA01")));
		}
		List<String> codes = new ArrayList<>();
		for (Future<String> f : replies) {
			codes.add(f.get());
		}
		pool.shutdown();
		assertThat(Collections.frequency(codes, "00")).isEqualTo(1);
		assertThat(Collections.frequency(codes, "02")).isEqualTo(23);
		JsonNode d = dossier(code);
		assertThat(d.get("paid").asBoolean()).isTrue();
		assertThat(d.get("paidOnline").asBoolean()).isTrue();
		assertThat(jdbc.sql("select count(*) from dossier_history where dossier_code = ? and action = 'PAYMENT_SETTLED'")
			.param(code)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(order(code, "ONLINE", "officer", 409)).isNull();
	}

	@Test
	void aSecondAttemptPaidAfterTheFirstIsAcceptedAndRefundedThroughTheGateway() throws Exception {
		String code = file();
		JsonNode first = order(code, "ONLINE", "officer", 201);
		clock.advance(Duration.ofMinutes(16)); // the first is past its 15 minutes: a new one is made
		api = new Api(port);
		JsonNode second = order(code, "ONLINE", "officer", 201);
		assertThat(second.get("txnRef").asString()).isNotEqualTo(first.get("txnRef").asString());
		payInSandbox(second, "PAY", "NORMAL");
		assertThat(status(second)).isEqualTo("PAID");
		// the citizen had kept the first page open and pays it too, within the gateway's own window
		clock.advance(Duration.ofMinutes(-16));
		payInSandbox(first, "PAY", "NORMAL");
		clock.advance(Duration.ofMinutes(16));
		api = new Api(port);
		assertThat(status(first)).isEqualTo("REFUNDED");
		assertThat(jdbc.sql("select refunded_vnd from sandbox_vnpay_transaction where txn_ref = ?")
			.param(first.get("txnRef").asString())
			.query(Long.class)
			.single()).isEqualTo(FEE);
		assertThat(dossier(code).get("paid").asBoolean()).isTrue();
	}

	@Test
	void aPaymentWhoseNotificationNeverCameIsSettledByTheMopUpAndAnAbandonedOneExpires() throws Exception {
		String paidCode = file();
		JsonNode silent = order(paidCode, "ONLINE", "officer", 201);
		HttpResponse<String> back = payInSandbox(silent, "PAY", "NO_IPN");
		assertThat(back.headers().firstValue("Location").orElseThrow()).contains("/payments/vnpay/return?");
		assertThat(http.send(HttpRequest.newBuilder(URI.create(back.headers().firstValue("Location").orElseThrow())).build(),
				HttpResponse.BodyHandlers.ofString()).body()).contains("return-success");
		assertThat(status(silent)).as("the return page shows, it does not settle").isEqualTo("PENDING");

		String abandonedCode = file();
		JsonNode abandoned = order(abandonedCode, "ONLINE", "officer", 201);

		clock.advance(Duration.ofMinutes(17));
		mopUp.run();
		api = new Api(port);
		assertThat(status(silent)).isEqualTo("PAID");
		assertThat(dossier(paidCode).get("paidOnline").asBoolean()).isTrue();
		assertThat(status(abandoned)).isEqualTo("EXPIRED");
		assertThat(ipn(abandoned.get("txnRef").asString(), FEE, "00", "00", null, "MOTCUA01"))
			.as("a late success for an expired attempt is still taken").isEqualTo("00");
		assertThat(status(abandoned)).isEqualTo("PAID");
	}

	@Test
	void aNotificationAfterTheReturnAndOneWithoutAnyReturnBothSettle() throws Exception {
		String late = file();
		JsonNode afterReturn = order(late, "ONLINE", "officer", 201);
		HttpResponse<String> back = payInSandbox(afterReturn, "PAY", "RETURN_BEFORE_IPN");
		String returnPage = http.send(HttpRequest.newBuilder(URI.create(back.headers().firstValue("Location").orElseThrow()))
			.build(), HttpResponse.BodyHandlers.ofString()).body();
		assertThat(returnPage).contains("return-success", "IPN");
		for (int i = 0; i < 80 && !"PAID".equals(status(afterReturn)); i++) {
			Thread.sleep(100);
		}
		assertThat(status(afterReturn)).as("settled by the IPN two seconds after the return").isEqualTo("PAID");

		String closed = file();
		JsonNode noReturn = order(closed, "ONLINE", "officer", 201);
		HttpResponse<String> page = decideInSandbox(noReturn, "PAY", "NO_RETURN");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("vnpay-closed");
		assertThat(status(noReturn)).as("the IPN settled it; the browser never came back").isEqualTo("PAID");
		assertThat(dossier(closed).get("paidOnline").asBoolean()).isTrue();
	}

	@Test
	void cashAtTheCounterSettlesAtOnceWithAReceiptAndTheWorkflowResumesAfterPayment() throws Exception {
		String code = file();
		api.postJson("/api/v1/dossiers/" + code + "/actions", Map.of("action", "FORWARD", "version", 0), api.token("officer"));
		JsonNode requested = api.postJson("/api/v1/dossiers/" + code + "/actions", Map.of("action", "REQUEST_PAYMENT",
				"version", 1, "amountVnd", 50_000, "reason", "Phí thẩm định"), api.token("specialist")).json();
		assertThat(requested.get("status").asString()).isEqualTo("PAYMENT_REQUESTED");
		assertThat(api.postJson("/api/v1/dossiers/" + code + "/payments", Map.of("method", "CASH"), api.token("specialist"))
			.status()).isEqualTo(403);
		JsonNode cash = order(code, "CASH", "officer", 201);
		assertThat(cash.get("status").asString()).isEqualTo("PAID");
		assertThat(cash.get("amountVnd").asLong()).isEqualTo(FEE + 50_000);
		JsonNode d = dossier(code);
		assertThat(d.get("status").asString()).as("back to processing by itself").isEqualTo("PROCESSING");
		assertThat(d.get("paid").asBoolean()).isTrue();
		assertThat(d.get("paidOnline").asBoolean()).isFalse();

		JsonNode docs = api.get("/api/v1/dossiers/" + code + "/documents", api.token("officer")).json();
		JsonNode receipt = docs.valueStream().filter(x -> x.get("component").asString().startsWith("Biên lai"))
			.findFirst()
			.orElseThrow();
		HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/dossiers/" + code
				+ "/documents/" + receipt.get("id").asString())).header("Authorization", "Bearer " + api.token("officer"))
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(pdf.statusCode()).isEqualTo(200);
		try (PDDocument doc = Loader.loadPDF(pdf.body())) {
			String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
			assertThat(text).contains("BIÊN LAI THU PHÍ, LỆ PHÍ", code, "Hai trăm nghìn đồng", "Tiền mặt");
		}
	}

	@Test
	void aDossierStoppedAfterPaymentGetsItsMoneyBack() throws Exception {
		String code = file();
		JsonNode p = order(code, "ONLINE", "officer", 201);
		payInSandbox(p, "PAY", "DUPLICATE_IPN");
		assertThat(status(p)).isEqualTo("PAID");
		api.postJson("/api/v1/dossiers/" + code + "/actions", Map.of("action", "FORWARD", "version",
				dossier(code).get("version").asInt()), api.token("officer"));
		Api.Response stopped = api.postJson("/api/v1/dossiers/" + code + "/actions", Map.of("action", "STOP", "version",
				dossier(code).get("version").asInt(), "reason", "Không đủ điều kiện"), api.token("leader"));
		assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
		for (int i = 0; i < 50 && !"REFUNDED".equals(status(p)); i++) {
			Thread.sleep(100);
		}
		assertThat(status(p)).isEqualTo("REFUNDED");
		String withdrawn = file();
		assertThat(api.postJson("/api/v1/dossiers/" + withdrawn + "/actions", Map.of("action", "WITHDRAW", "version", 0,
				"reason", "Người nộp rút hồ sơ"), api.token("officer")).status()).isEqualTo(200);
		Api.Response refused = api.postJson("/api/v1/dossiers/" + withdrawn + "/payments", Map.of(), api.token("officer"));
		assertThat(refused.status()).as("nothing is collected for a withdrawn dossier").isEqualTo(409);
		assertThat(refused.body()).contains("dossier-ended");

		// an attempt ordered before the dossier ended and paid after it is not taken: the money goes back
		String late = file();
		JsonNode pending = order(late, "ONLINE", "officer", 201);
		assertThat(api.postJson("/api/v1/dossiers/" + late + "/actions", Map.of("action", "WITHDRAW", "version", 0,
				"reason", "Người nộp rút hồ sơ"), api.token("officer")).status()).isEqualTo(200);
		payInSandbox(pending, "PAY", "NORMAL");
		assertThat(status(pending)).isEqualTo("REFUNDED");
		assertThat(jdbc.sql("select refund_reason from payment where txn_ref = ?")
			.param(pending.get("txnRef").asString()).query(String.class).single()).as("the reason as a person reads it").contains("Đã rút", "hoàn lại");
		assertThat(dossier(late).get("paid").asBoolean()).isFalse();
		assertThat(jdbc.sql("select count(*) from dossier_history where dossier_code = ? and action = 'PAYMENT_SETTLED'")
			.param(late).query(Long.class).single()).isZero();
	}

	@Test
	void anExemptedDossierOwesNothingAndTheReconciliationOfADayFindsWhatDiffers() throws Exception {
		clock.set(java.time.Instant.parse("2027-03-15T09:00:00+07:00"));
		api = new Api(port);
		String code = file();
		assertThat(api.postJson("/api/v1/dossiers/" + code + "/fee-exemption", Map.of(), api.token("officer")).status())
			.isEqualTo(400);
		JsonNode exempt = api.postJson("/api/v1/dossiers/" + code + "/fee-exemption",
				Map.of("reason", "Người có công với cách mạng"), api.token("officer")).json();
		assertThat(exempt.get("paid").asBoolean()).isTrue();
		assertThat(order(code, "ONLINE", "officer", 409)).isNull();

		String paid = file();
		payInSandbox(order(paid, "ONLINE", "officer", 201), "PAY", "NORMAL");
		payInSandbox(order(file(), "ONLINE", "officer", 201), "CANCEL", "NORMAL");
		Reconciliation.Run clean = reconciliation.run(java.time.LocalDate.of(2027, 3, 15), "admin");
		assertThat(clean.matched()).isEqualTo(1);
		assertThat(clean.mismatches()).as(clean.toString()).isEmpty();

		// the next day a notification settles an attempt the gateway's file does not know
		clock.set(java.time.Instant.parse("2027-03-16T09:00:00+07:00"));
		api = new Api(port);
		JsonNode unknown = order(file(), "ONLINE", "officer", 201);
		assertThat(ipn(unknown.get("txnRef").asString(), FEE, "00", "00", null, "MOTCUA01")).isEqualTo("00");
		Reconciliation.Run differs = reconciliation.run(java.time.LocalDate.of(2027, 3, 16), "admin");
		assertThat(differs.mismatches()).extracting(Reconciliation.Mismatch::kind).containsExactly("ONLY_OURS");
		vn.motcua.WebSession admin = new vn.motcua.WebSession(port);
		admin.signIn("admin", "admin");
		String page = admin.get("/admin/payments/reconciliation").body();
		assertThat(page).contains("Khớp hoàn toàn", "Chỉ có ở hệ thống", unknown.get("txnRef").asString());
	}

	@Autowired
	Reconciliation reconciliation;

	private String file() {
		Map<String, Object> a = new HashMap<>();
		a.put("type", "CITIZEN");
		a.put("idNumber", String.format("096185%06d", 300000 + nextApplicant()));
		a.put("fullName", "Lê Thị Nộp Phí");
		a.put("dateOfBirth", "1985-07-01");
		a.put("phone", "0987654321");
		Api.Response r = api.postJson("/api/v1/dossiers", Map.of("procedureCode", PROCEDURE, "channel", "COUNTER",
				"applicant", a), api.token("officer"));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("code").asString();
	}

	private static synchronized int nextApplicant() {
		return ++applicant;
	}

	private JsonNode order(String code, String method, String user, int expected) {
		Api.Response r = api.postJson("/api/v1/dossiers/" + code + "/payments", Map.of("method", method), api.token(user));
		assertThat(r.status()).as(r.body()).isEqualTo(expected);
		return expected < 300 ? r.json() : null;
	}

	private String status(JsonNode payment) {
		return api.get("/api/v1/payments/" + payment.get("id").asString(), api.token("officer")).json().get("status")
			.asString();
	}

	private JsonNode dossier(String code) {
		return api.get("/api/v1/dossiers/" + code, api.token("officer")).json();
	}

	/** Opens the signed pay URL in the sandbox and answers its form as a tester would; the gateway's redirect. */
	private HttpResponse<String> payInSandbox(JsonNode payment, String outcome, String scenario) throws Exception {
		String payUrl = payment.get("payUrl").asString();
		HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(payUrl)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.body()).contains("vnpay-decide").doesNotContain("vnpay-problem");
		HttpResponse<String> r = decideInSandbox(payment, outcome, scenario);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
		return r;
	}

	/** The tester's answer on the sandbox pay page, as its form posts it. */
	private HttpResponse<String> decideInSandbox(JsonNode payment, String outcome, String scenario) throws Exception {
		String payUrl = payment.get("payUrl").asString();
		String form = "query=" + URLEncoder.encode(payUrl.substring(payUrl.indexOf('?') + 1), StandardCharsets.UTF_8)
				+ "&outcome=" + outcome + "&scenario=" + scenario;
		return http.send(HttpRequest.newBuilder(URI.create(api.base() + "/sandbox/vnpay/paymentv2/decide"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A notification signed as the gateway would (or with another secret), straight to the IPN address. */
	private String ipn(String ref, long amount, String response, String status, String secret, String terminal)
			throws Exception {
		Map<String, String> p = new HashMap<>();
		p.put("vnp_TmnCode", terminal);
		p.put("vnp_Amount", Long.toString(amount * 100));
		p.put("vnp_BankCode", "NCB");
		p.put("vnp_OrderInfo", "Thanh toan le phi ho so ~ (ma*)");
		p.put("vnp_PayDate", "20261126101500");
		p.put("vnp_ResponseCode", response);
		p.put("vnp_TransactionNo", "14990001");
		p.put("vnp_TransactionStatus", status);
		p.put("vnp_TxnRef", ref);
		String query = new VnpaySigner(secret == null ? "motcua-demo-secret" : secret).signedQuery(p);
		HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/payments/vnpay/ipn?"
				+ query)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(r.statusCode()).isEqualTo(200);
		return new tools.jackson.databind.ObjectMapper().readTree(r.body()).get("RspCode").asString();
	}
}
