package vn.motcua.sandbox.web;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.motcua.payment.VnpaySigner;
import vn.motcua.platform.DemoMode;
import vn.motcua.platform.Zones;

/**
 * The sandbox gateway's server-to-server side: the merchant API ({@code querydr}, {@code refund}) over its
 * ledger, and the settlement file of a day that reconciliation reads.
 */
@RestController
@DemoMode
@RequestMapping("/sandbox/vnpay")
class VnpaySandboxController {

	private final VnpaySigner signer;
	private final String terminal;
	private final JdbcClient jdbc;

	VnpaySandboxController(@Value("${motcua.sandbox.vnpay.secret:motcua-demo-secret}") String secret,
			@Value("${motcua.sandbox.vnpay.terminal:MOTCUA01}") String terminal, JdbcClient jdbc) {
		this.signer = new VnpaySigner(secret);
		this.terminal = terminal;
		this.jdbc = jdbc;
	}

	/** querydr and refund, JSON with {@code |}-joined signatures as domain.md §6.2 gives them. */
	@PostMapping("/merchant_webapi/api/transaction")
	Map<String, String> transaction(@RequestBody Map<String, String> body) {
		String command = body.getOrDefault("vnp_Command", "");
		String expected = switch (command) {
			case "querydr" -> signer.signFields(body.get("vnp_RequestId"), body.get("vnp_Version"), command,
					body.get("vnp_TmnCode"), body.get("vnp_TxnRef"), body.get("vnp_TransactionDate"),
					body.get("vnp_CreateDate"), body.get("vnp_IpAddr"), body.get("vnp_OrderInfo"));
			case "refund" -> signer.signFields(body.get("vnp_RequestId"), body.get("vnp_Version"), command,
					body.get("vnp_TmnCode"), body.get("vnp_TransactionType"), body.get("vnp_TxnRef"),
					body.get("vnp_Amount"), body.get("vnp_TransactionNo"), body.get("vnp_TransactionDate"),
					body.get("vnp_CreateBy"), body.get("vnp_CreateDate"), body.get("vnp_IpAddr"), body.get("vnp_OrderInfo"));
			default -> "";
		};
		if (expected.isEmpty() || !expected.equalsIgnoreCase(body.getOrDefault("vnp_SecureHash", ""))) {
			return Map.of("vnp_ResponseCode", "97", "vnp_Message", "Invalid Checksum");
		}
		if (!terminal.equals(body.get("vnp_TmnCode"))) {
			return Map.of("vnp_ResponseCode", "02", "vnp_Message", "Merchant is not valid");
		}
		Map<String, Object> row = jdbc.sql("select * from sandbox_vnpay_transaction where txn_ref = ?")
			.param(body.get("vnp_TxnRef"))
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElse(null);
		if (row == null) {
			return Map.of("vnp_ResponseCode", "91", "vnp_Message", "Transaction not found");
		}
		return "querydr".equals(command) ? queryAnswer(row) : refund(row, body);
	}

	/** The settlement file of a day: every transaction the sandbox recorded, as JSON. */
	@GetMapping("/settlement")
	List<Map<String, Object>> settlement(@RequestParam String date) {
		LocalDate day = LocalDate.parse(date, DateTimeFormatter.BASIC_ISO_DATE);
		return jdbc.sql("""
				select txn_ref, transaction_no, amount_vnd, response_code, transaction_status, bank_code, pay_date
				from sandbox_vnpay_transaction where at >= ? and at < ? order by txn_ref""")
			.params(Timestamp.from(day.atStartOfDay(Zones.VIETNAM).toInstant()),
					Timestamp.from(day.plusDays(1).atStartOfDay(Zones.VIETNAM).toInstant()))
			.query((rs, n) -> {
				Map<String, Object> t = new LinkedHashMap<>();
				t.put("txnRef", rs.getString(1));
				t.put("transactionNo", rs.getString(2));
				t.put("amountVnd", rs.getLong(3));
				t.put("responseCode", rs.getString(4));
				t.put("transactionStatus", rs.getString(5));
				t.put("bankCode", rs.getString(6));
				t.put("payDate", rs.getString(7));
				return t;
			})
			.list();
	}

	private Map<String, String> queryAnswer(Map<String, Object> row) {
		Map<String, String> a = new LinkedHashMap<>();
		a.put("vnp_ResponseId", Long.toHexString(ThreadLocalRandom.current().nextLong()));
		a.put("vnp_Command", "querydr");
		a.put("vnp_ResponseCode", "00");
		a.put("vnp_Message", "QueryDR Success");
		a.put("vnp_TmnCode", terminal);
		a.put("vnp_TxnRef", String.valueOf(row.get("txn_ref")));
		a.put("vnp_Amount", Long.toString(((Number) row.get("amount_vnd")).longValue() * 100));
		a.put("vnp_BankCode", String.valueOf(row.get("bank_code")));
		a.put("vnp_PayDate", String.valueOf(row.get("pay_date")));
		a.put("vnp_TransactionNo", String.valueOf(row.get("transaction_no")));
		a.put("vnp_TransactionType", "01");
		a.put("vnp_TransactionStatus", ((Number) row.get("refunded_vnd")).longValue() > 0 ? "06"
				: String.valueOf(row.get("transaction_status")));
		a.put("vnp_OrderInfo", String.valueOf(row.get("order_info")));
		a.put("vnp_SecureHash", signer.signFields(a.get("vnp_ResponseId"), a.get("vnp_Command"),
				a.get("vnp_ResponseCode"), a.get("vnp_Message"), a.get("vnp_TmnCode"), a.get("vnp_TxnRef"),
				a.get("vnp_Amount"), a.get("vnp_BankCode"), a.get("vnp_PayDate"), a.get("vnp_TransactionNo"),
				a.get("vnp_TransactionType"), a.get("vnp_TransactionStatus"), a.get("vnp_OrderInfo")));
		return a;
	}

	private Map<String, String> refund(Map<String, Object> row, Map<String, String> body) {
		if (!"00".equals(row.get("transaction_status"))) {
			return Map.of("vnp_ResponseCode", "95", "vnp_Message", "Transaction is not successful");
		}
		long asked = Long.parseLong(body.getOrDefault("vnp_Amount", "0")) / 100;
		int changed = jdbc.sql("""
				update sandbox_vnpay_transaction set refunded_vnd = refunded_vnd + ?
				where txn_ref = ? and refunded_vnd + ? <= amount_vnd""")
			.params(asked, row.get("txn_ref"), asked)
			.update();
		return changed == 1 ? Map.of("vnp_ResponseCode", "00", "vnp_Message", "Refund success")
				: Map.of("vnp_ResponseCode", "94", "vnp_Message", "Refund exceeds the amount paid");
	}

}
