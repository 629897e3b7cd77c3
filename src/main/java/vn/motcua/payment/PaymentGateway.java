package vn.motcua.payment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cổng thanh toán: the payment intermediary, behind a port so the sandbox and the real gateway are a
 * configuration apart. Calls that cross the network throw {@link Unavailable} rather than guess.
 */
public interface PaymentGateway {

	/** The signed address the payer's browser is sent to. */
	String payUrl(Payment attempt, String orderInfo, String returnUrl, String clientIp, String locale);

	/** Whether notification or return parameters carry the gateway's signature and our terminal. */
	boolean verify(Map<String, String> params);

	boolean ourTerminal(Map<String, String> params);

	/** querydr: what the gateway knows of an attempt; empty when it has none. */
	Optional<Transaction> query(Payment attempt, Instant now) throws Unavailable;

	/** Full refund of a paid attempt; true when the gateway accepted it. */
	boolean refund(Payment attempt, String actor, Instant now) throws Unavailable;

	/** The gateway's transactions paid on a day (Asia/Ho_Chi_Minh), for reconciliation. */
	List<Transaction> settlement(LocalDate day) throws Unavailable;

	/** A transaction as the gateway reports it; amounts in VND. */
	record Transaction(String txnRef, String transactionNo, long amountVnd, String responseCode,
			String transactionStatus, String bankCode, String payDate) {

		public boolean paid() {
			return "00".equals(responseCode) && "00".equals(transactionStatus);
		}
	}

	final class Unavailable extends Exception {

		public Unavailable(String message, Throwable cause) {
			super(message, cause);
		}

		public Unavailable(String message) {
			super(message);
		}
	}
}
