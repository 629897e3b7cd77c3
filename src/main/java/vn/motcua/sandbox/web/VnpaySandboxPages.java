package vn.motcua.sandbox.web;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.motcua.payment.VnpaySigner;
import vn.motcua.platform.DemoMode;
import vn.motcua.platform.Zones;

/**
 * A VNPAY 2.1.0 gateway for demos and tests, over HTTP like the real one: the pay page checks the signed URL
 * and lets the tester pay, cancel or fail with a chosen response code; it then notifies MotCua's IPN address
 * and sends the browser back to the return URL, in the order the chosen scenario says (normal, duplicate
 * IPN, return before IPN, no return, no IPN). Its ledger is its own table, which {@link VnpaySandboxController}
 * serves to querydr, refund and the settlement file.
 */
@Controller
@DemoMode
@RequestMapping("/sandbox/vnpay")
class VnpaySandboxPages {

	private static final Logger log = LoggerFactory.getLogger(VnpaySandboxPages.class);
	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(Zones.VIETNAM);

	/** What the tester can make happen after choosing. */
	enum Scenario {
		NORMAL, DUPLICATE_IPN, RETURN_BEFORE_IPN, NO_RETURN, NO_IPN
	}

	static final List<String> FAILURE_CODES = List.of("51", "11", "12", "13", "65", "75", "79", "09", "10", "07", "99");

	private final VnpaySigner signer;
	private final String terminal;
	private final JdbcClient jdbc;
	private final Environment environment;
	private final Clock clock;
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	VnpaySandboxPages(@Value("${motcua.sandbox.vnpay.secret:motcua-demo-secret}") String secret,
			@Value("${motcua.sandbox.vnpay.terminal:MOTCUA01}") String terminal, JdbcClient jdbc,
			Environment environment, Clock clock) {
		this.signer = new VnpaySigner(secret);
		this.terminal = terminal;
		this.jdbc = jdbc;
		this.environment = environment;
		this.clock = clock;
	}

	@GetMapping("/paymentv2/vpcpay.html")
	String payPage(@RequestParam Map<String, String> params, jakarta.servlet.http.HttpServletRequest request,
			Model model) {
		String problem = check(params);
		model.addAttribute("problem", problem);
		model.addAttribute("params", params);
		model.addAttribute("query", request.getQueryString());
		model.addAttribute("amountVnd", problem == null ? Long.parseLong(params.get("vnp_Amount")) / 100 : 0);
		model.addAttribute("scenarios", Scenario.values());
		model.addAttribute("failureCodes", FAILURE_CODES);
		return "sandbox/vnpay-pay";
	}

	/** The tester's choice: {@code outcome} PAY, CANCEL or FAIL (with {@code code}), and a scenario. */
	@PostMapping("/paymentv2/decide")
	String decide(@RequestParam String query, @RequestParam String outcome,
			@RequestParam(defaultValue = "51") String code, @RequestParam(defaultValue = "NORMAL") Scenario scenario,
			Model model) {
		Map<String, String> params = parse(query);
		String problem = check(params);
		if (problem != null) {
			model.addAttribute("problem", problem);
			model.addAttribute("params", params);
			return "sandbox/vnpay-pay";
		}
		String response = switch (outcome) {
			case "PAY" -> "00";
			case "CANCEL" -> "24";
			default -> FAILURE_CODES.contains(code) ? code : "99";
		};
		String status = "00".equals(response) ? "00" : "02";
		Map<String, String> result = result(params, response, status);
		String ipn = ipnAddress() + "?" + signer.signedQuery(result);
		String back = params.get("vnp_ReturnUrl") + "?" + signer.signedQuery(result);
		switch (scenario) {
			case NORMAL -> notify(ipn);
			case DUPLICATE_IPN -> {
				notify(ipn);
				notify(ipn);
			}
			case RETURN_BEFORE_IPN -> CompletableFuture.runAsync(() -> notify(ipn),
					CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS));
			case NO_RETURN -> {
				notify(ipn);
				model.addAttribute("closed", true);
				model.addAttribute("params", params);
				return "sandbox/vnpay-pay";
			}
			case NO_IPN -> {
				// the merchant finds out by querydr
			}
		}
		return "redirect:" + back;
	}

	private @Nullable String check(Map<String, String> p) {
		if (!signer.verify(p)) {
			return "Chữ ký (vnp_SecureHash) không hợp lệ.";
		}
		if (!terminal.equals(p.get("vnp_TmnCode")) || !"pay".equals(p.get("vnp_Command"))
				|| !"2.1.0".equals(p.get("vnp_Version"))) {
			return "Mã website, lệnh hoặc phiên bản không đúng.";
		}
		if (p.get("vnp_Amount") == null || !p.get("vnp_Amount").matches("\\d{3,18}") || p.get("vnp_ReturnUrl") == null) {
			return "Thiếu số tiền hoặc địa chỉ trả về.";
		}
		String expires = p.get("vnp_ExpireDate");
		if (expires != null && STAMP.format(clock.instant()).compareTo(expires) > 0) {
			return "Giao dịch đã quá thời gian chờ thanh toán (mã 11).";
		}
		return null;
	}

	/** Records the outcome in the ledger (the first one for a reference stands) and builds the signed result. */
	private Map<String, String> result(Map<String, String> p, String response, String status) {
		String no = String.valueOf(14_000_000 + ThreadLocalRandom.current().nextInt(0, 9_999_999));
		String payDate = STAMP.format(clock.instant());
		jdbc.sql("""
				insert into sandbox_vnpay_transaction (txn_ref, transaction_no, amount_vnd, order_info, create_date,
				  pay_date, response_code, transaction_status, bank_code, at)
				values (?, ?, ?, ?, ?, ?, ?, ?, 'NCB', ?) on conflict (txn_ref) do nothing""")
			.params(p.get("vnp_TxnRef"), no, Long.parseLong(p.get("vnp_Amount")) / 100, p.get("vnp_OrderInfo"),
					p.get("vnp_CreateDate"), payDate, response, status, Timestamp.from(clock.instant()))
			.update();
		Map<String, Object> row = jdbc.sql("select * from sandbox_vnpay_transaction where txn_ref = ?")
			.param(p.get("vnp_TxnRef"))
			.query()
			.singleRow();
		Map<String, String> r = new LinkedHashMap<>();
		r.put("vnp_TmnCode", terminal);
		r.put("vnp_Amount", p.get("vnp_Amount"));
		r.put("vnp_BankCode", "NCB");
		r.put("vnp_BankTranNo", "VNP" + row.get("transaction_no"));
		r.put("vnp_CardType", "ATM");
		r.put("vnp_OrderInfo", p.getOrDefault("vnp_OrderInfo", ""));
		r.put("vnp_PayDate", String.valueOf(row.get("pay_date")));
		r.put("vnp_ResponseCode", String.valueOf(row.get("response_code")));
		r.put("vnp_TransactionNo", String.valueOf(row.get("transaction_no")));
		r.put("vnp_TransactionStatus", String.valueOf(row.get("transaction_status")));
		r.put("vnp_TxnRef", p.get("vnp_TxnRef"));
		return r;
	}

	private String ipnAddress() {
		return "http://127.0.0.1:" + environment.getProperty("local.server.port", "8080") + "/api/v1/payments/vnpay/ipn";
	}

	private void notify(String url) {
		try {
			HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
			log.info("Sandbox VNPAY: IPN answered {}", r.body());
		}
		catch (Exception e) {
			log.warn("Sandbox VNPAY: IPN not delivered ({})", e.toString());
			if (e instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private static Map<String, String> parse(String query) {
		Map<String, String> out = new LinkedHashMap<>();
		for (String pair : query.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return out;
	}
}
