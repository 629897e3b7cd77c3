package vn.motcua.payment;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.platform.Zones;

/**
 * VNPAY 2.1.0 (domain.md §6.2): the signed payment URL, verification of IPN and return parameters, and the
 * merchant API's {@code querydr} and {@code refund} (JSON, {@code |}-joined signatures), plus the daily
 * settlement file the reconciliation reads.
 */
final class VnpayGateway implements PaymentGateway {

	static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(Zones.VIETNAM);
	static final Duration LIFETIME = Duration.ofMinutes(15);

	private final String terminal;
	private final VnpaySigner signer;
	private final Supplier<String> payUrl;
	private final Supplier<String> apiUrl;
	private final Supplier<String> settlementUrl;
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
	private final JsonMapper json = JsonMapper.builder().build();

	VnpayGateway(String terminal, String secret, Supplier<String> payUrl, Supplier<String> apiUrl,
			Supplier<String> settlementUrl) {
		this.terminal = terminal;
		this.signer = new VnpaySigner(secret);
		this.payUrl = payUrl;
		this.apiUrl = apiUrl;
		this.settlementUrl = settlementUrl;
	}

	@Override
	public String payUrl(Payment attempt, String orderInfo, String returnUrl, String clientIp, String locale) {
		Map<String, String> p = new LinkedHashMap<>();
		p.put("vnp_Version", "2.1.0");
		p.put("vnp_Command", "pay");
		p.put("vnp_TmnCode", terminal);
		p.put("vnp_Amount", Long.toString(attempt.amountVnd() * 100));
		p.put("vnp_CurrCode", "VND");
		p.put("vnp_TxnRef", attempt.txnRef());
		p.put("vnp_OrderInfo", orderInfo);
		p.put("vnp_OrderType", "billpayment");
		p.put("vnp_Locale", locale);
		p.put("vnp_ReturnUrl", returnUrl);
		p.put("vnp_IpAddr", clientIp);
		p.put("vnp_CreateDate", STAMP.format(attempt.createdAt()));
		p.put("vnp_ExpireDate", STAMP.format(attempt.createdAt().plus(LIFETIME)));
		return payUrl.get() + "?" + signer.signedQuery(p);
	}

	@Override
	public boolean verify(Map<String, String> params) {
		return signer.verify(params);
	}

	@Override
	public boolean ourTerminal(Map<String, String> params) {
		return terminal.equals(params.get("vnp_TmnCode"));
	}

	@Override
	public Optional<Transaction> query(Payment attempt, Instant now) throws Unavailable {
		String requestId = UUID.randomUUID().toString().replace("-", "").substring(0, 20);
		String created = STAMP.format(now);
		String txnDate = STAMP.format(attempt.createdAt());
		String info = "Truy van giao dich " + attempt.txnRef();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("vnp_RequestId", requestId);
		body.put("vnp_Version", "2.1.0");
		body.put("vnp_Command", "querydr");
		body.put("vnp_TmnCode", terminal);
		body.put("vnp_TxnRef", attempt.txnRef());
		body.put("vnp_OrderInfo", info);
		body.put("vnp_TransactionDate", txnDate);
		body.put("vnp_CreateDate", created);
		body.put("vnp_IpAddr", "127.0.0.1");
		body.put("vnp_SecureHash", signer.signFields(requestId, "2.1.0", "querydr", terminal, attempt.txnRef(), txnDate,
				created, "127.0.0.1", info));
		JsonNode r = post(body);
		String code = r.path("vnp_ResponseCode").asString("");
		if ("91".equals(code)) { // transaction not found
			return Optional.empty();
		}
		if (!"00".equals(code)) {
			throw new Unavailable("querydr answered " + code + ": " + r.path("vnp_Message").asString(""));
		}
		verifyResponse(r);
		return Optional.of(new Transaction(r.path("vnp_TxnRef").asString(), r.path("vnp_TransactionNo").asString(""),
				Long.parseLong(r.path("vnp_Amount").asString("0")) / 100, r.path("vnp_ResponseCode").asString(),
				r.path("vnp_TransactionStatus").asString(""), r.path("vnp_BankCode").asString(""),
				r.path("vnp_PayDate").asString("")));
	}

	@Override
	public boolean refund(Payment attempt, String actor, Instant now) throws Unavailable {
		String requestId = UUID.randomUUID().toString().replace("-", "").substring(0, 20);
		String created = STAMP.format(now);
		String txnDate = STAMP.format(attempt.createdAt());
		String amount = Long.toString(attempt.amountVnd() * 100);
		String transactionNo = attempt.gatewayTransactionNo() == null ? "" : attempt.gatewayTransactionNo();
		String info = "Hoan tien " + attempt.txnRef();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("vnp_RequestId", requestId);
		body.put("vnp_Version", "2.1.0");
		body.put("vnp_Command", "refund");
		body.put("vnp_TmnCode", terminal);
		body.put("vnp_TransactionType", "02");
		body.put("vnp_TxnRef", attempt.txnRef());
		body.put("vnp_Amount", amount);
		body.put("vnp_TransactionNo", transactionNo);
		body.put("vnp_TransactionDate", txnDate);
		body.put("vnp_CreateBy", actor);
		body.put("vnp_CreateDate", created);
		body.put("vnp_IpAddr", "127.0.0.1");
		body.put("vnp_OrderInfo", info);
		body.put("vnp_SecureHash", signer.signFields(requestId, "2.1.0", "refund", terminal, "02", attempt.txnRef(), amount,
				transactionNo, txnDate, actor, created, "127.0.0.1", info));
		JsonNode r = post(body);
		String code = r.path("vnp_ResponseCode").asString("");
		if ("00".equals(code)) {
			return true;
		}
		if ("94".equals(code) || "95".equals(code) || "02".equals(code) || "91".equals(code)) {
			return false; // refused for good: already refunded, not refundable, unknown
		}
		throw new Unavailable("refund answered " + code + ": " + r.path("vnp_Message").asString(""));
	}

	@Override
	public List<Transaction> settlement(LocalDate day) throws Unavailable {
		String url = settlementUrl.get() + "?date=" + day.format(DateTimeFormatter.BASIC_ISO_DATE) + "&vnp_TmnCode="
				+ terminal;
		try {
			HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
			if (r.statusCode() != 200) {
				throw new Unavailable("settlement file answered HTTP " + r.statusCode());
			}
			List<Transaction> out = new ArrayList<>();
			for (JsonNode t : json.readTree(r.body())) {
				out.add(new Transaction(t.path("txnRef").asString(), t.path("transactionNo").asString(),
						t.path("amountVnd").asLong(), t.path("responseCode").asString(),
						t.path("transactionStatus").asString(), t.path("bankCode").asString(""),
						t.path("payDate").asString("")));
			}
			return out;
		}
		catch (IOException e) {
			throw new Unavailable("settlement file unreachable", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new Unavailable("interrupted", e);
		}
	}

	private JsonNode post(Map<String, Object> body) throws Unavailable {
		try {
			HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(apiUrl.get()))
				.timeout(Duration.ofSeconds(10))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (r.statusCode() != 200) {
				throw new Unavailable("merchant API answered HTTP " + r.statusCode());
			}
			return json.readTree(r.body());
		}
		catch (IOException e) {
			throw new Unavailable("merchant API unreachable", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new Unavailable("interrupted", e);
		}
	}

	/** querydr answers are signed over their own fields; a forged answer must not settle anything. */
	private void verifyResponse(JsonNode r) throws Unavailable {
		String expected = signer.signFields(r.path("vnp_ResponseId").asString(""), r.path("vnp_Command").asString(""),
				r.path("vnp_ResponseCode").asString(""), r.path("vnp_Message").asString(""),
				r.path("vnp_TmnCode").asString(""), r.path("vnp_TxnRef").asString(""), r.path("vnp_Amount").asString(""),
				r.path("vnp_BankCode").asString(""), r.path("vnp_PayDate").asString(""),
				r.path("vnp_TransactionNo").asString(""), r.path("vnp_TransactionType").asString(""),
				r.path("vnp_TransactionStatus").asString(""), r.path("vnp_OrderInfo").asString(""));
		if (!expected.equalsIgnoreCase(r.path("vnp_SecureHash").asString(""))) {
			throw new Unavailable("querydr answer with a bad signature");
		}
	}
}
