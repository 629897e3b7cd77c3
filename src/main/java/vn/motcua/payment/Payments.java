package vn.motcua.payment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.identity.Caller;
import vn.motcua.dossier.DossierFees;
import vn.motcua.identity.Role;
import vn.motcua.platform.DomainProblem;
import vn.motcua.platform.NotFound;

/**
 * Payment attempts for what a dossier owes: ordered online through the gateway or recorded at the counter,
 * settled by the gateway's notification (IPN) or by the mop-up's query, refunded when the dossier owed
 * nothing any more. Each change is one transaction with its event, audit record, the dossier's payment and
 * the receipt.
 */
@Service
public class Payments {

	private static final Logger log = LoggerFactory.getLogger(Payments.class);

	private final JdbcPaymentRepository repository;
	private final PaymentGateway gateway;
	private final DossierFees fees;
	private final Receipts receipts;
	private final TransactionTemplate tx;
	private final Clock clock;

	Payments(JdbcPaymentRepository repository, PaymentGateway gateway, DossierFees fees, Receipts receipts,
			TransactionTemplate tx, Clock clock) {
		this.repository = repository;
		this.gateway = gateway;
		this.fees = fees;
		this.receipts = receipts;
		this.tx = tx;
		this.clock = clock;
	}

	/** An attempt and where to pay it; {@code created} false when a pending attempt was handed back. */
	public record Ordered(Payment payment, @Nullable String payUrl, boolean created) {
	}

	/** Where the payer's browser goes and comes back, as seen from the request that asked. */
	public record Browser(String returnUrl, String clientIp, String locale) {
	}

	public Ordered order(String code, PaymentMethod method, Caller caller, Browser browser) {
		Ordered ordered = tx.execute(s -> orderInTransaction(code, method, caller));
		Payment p = ordered.payment();
		if (p.method() != PaymentMethod.ONLINE) {
			return ordered;
		}
		String info = "Thanh toan phi le phi ho so " + code;
		return new Ordered(p, gateway.payUrl(p, info, browser.returnUrl(), browser.clientIp(), browser.locale()),
				ordered.created());
	}

	private Ordered orderInTransaction(String code, PaymentMethod method, Caller caller) {
		DossierFees.Owed owed = fees.owed(code, caller, true);
		if (caller.citizen() && method != PaymentMethod.ONLINE) {
			throw new Forbidden("Người nộp hồ sơ chỉ thanh toán trực tuyến; tiền mặt và chuyển khoản do cán bộ một cửa ghi nhận.");
		}
		if (!caller.citizen() && !caller.has(Role.ONE_STOP_OFFICER)) {
			throw new Forbidden("Chỉ người nộp hồ sơ và cán bộ một cửa tạo khoản thanh toán.");
		}
		if (owed.owedVnd() <= 0) {
			throw new NothingOwed(code);
		}
		if (ENDED.contains(owed.dossier().status())) {
			throw new DossierEnded(code);
		}
		Instant now = clock.instant();
		if (method == PaymentMethod.ONLINE) {
			Optional<Payment> pending = repository.ofDossier(code)
				.stream()
				.filter(p -> p.method() == PaymentMethod.ONLINE && p.status() == PaymentStatus.PENDING
						&& !p.expired(now) && p.amountVnd() == owed.owedVnd())
				.findFirst();
			if (pending.isPresent()) {
				return new Ordered(pending.get(), null, false);
			}
		}
		Payment p = new Payment(UUID.randomUUID(), code + "-" + (repository.attempts(code) + 1), code, owed.owedVnd(),
				method, PaymentStatus.PENDING, now, caller.username(),
				method == PaymentMethod.ONLINE ? now.plus(VnpayGateway.LIFETIME) : null, null, null, null, null, false,
				null, null, null, null, 0);
		repository.insert(p, method == PaymentMethod.ONLINE ? "ORDER" : "COUNTER", Map.of("owedVnd", owed.owedVnd()));
		if (method != PaymentMethod.ONLINE) {
			repository.transition(p, PaymentStatus.PAID, now, "COUNTER", caller.username(), null,
					Map.of("method", method.name()));
			fees.settle(code, p.amountVnd(), false, p.txnRef(), caller.username());
			receipts.issue(repository.find(p.id()).orElseThrow(), caller.username());
		}
		return new Ordered(repository.find(p.id()).orElseThrow(), null, true);
	}

	/** An attempt, for a caller who may see its dossier; "not found" alike otherwise. */
	public Payment get(UUID id, Caller caller) {
		Payment p = repository.find(id).orElseThrow(() -> new NotFound("Không có khoản thanh toán " + id + "."));
		try {
			fees.owed(p.dossierCode(), caller, false);
		}
		catch (DomainProblem e) {
			throw new NotFound("Không có khoản thanh toán " + id + ".");
		}
		return p;
	}

	/** The attempts of a dossier the caller may see, oldest first. */
	public List<Payment> ofDossier(String code, Caller caller) {
		fees.owed(code, caller, false);
		return repository.ofDossier(code);
	}

	/** The gateway's answer to an IPN: {@code RspCode} and message of VNPAY 2.1.0. */
	public record IpnReply(String code, String message) {
	}

	/** The IPN, checked in the order docs/api.md gives; never throws. */
	public IpnReply notification(Map<String, String> params) {
		try {
			if (!gateway.verify(params)) {
				return new IpnReply("97", "Invalid signature");
			}
			if (!gateway.ourTerminal(params)) {
				return new IpnReply("99", "Unknown error");
			}
			Outcome outcome = tx.execute(s -> notificationInTransaction(params));
			if (outcome.refundDue() != null) {
				refund(outcome.refundDue(), "vnpay-ipn");
			}
			return outcome.reply();
		}
		catch (RuntimeException e) {
			log.error("IPN {} could not be handled", params.get("vnp_TxnRef"), e);
			return new IpnReply("99", "Unknown error");
		}
	}

	private record Outcome(IpnReply reply, @Nullable UUID refundDue) {
	}

	private Outcome notificationInTransaction(Map<String, String> params) {
		String ref = params.getOrDefault("vnp_TxnRef", "");
		Payment p = repository.byTxnRef(ref, true).orElse(null);
		if (p == null) {
			return new Outcome(new IpnReply("01", "Order not found"), null);
		}
		String amount = params.getOrDefault("vnp_Amount", "");
		if (!amount.matches("\\d{1,18}") || Long.parseLong(amount) != p.amountVnd() * 100) {
			return new Outcome(new IpnReply("04", "Invalid amount"), null);
		}
		if (p.status().endedForIpn()) {
			return new Outcome(new IpnReply("02", "Order already confirmed"), null);
		}
		JdbcPaymentRepository.GatewayFacts facts = new JdbcPaymentRepository.GatewayFacts(params.get("vnp_TransactionNo"),
				params.get("vnp_BankCode"), params.get("vnp_ResponseCode"), params.get("vnp_TransactionStatus"));
		boolean refund = apply(p, facts, "IPN", Map.of("params", params));
		return new Outcome(new IpnReply("00", "Confirm Success"), refund ? p.id() : null);
	}

	/**
	 * What the gateway said about an attempt, by IPN or querydr: paid, cancelled, still pending or failed.
	 *
	 * @return true when it was paid but the dossier owed nothing any more: a refund is due
	 */
	boolean apply(Payment p, JdbcPaymentRepository.GatewayFacts facts, String source, Map<String, ?> details) {
		Instant now = clock.instant();
		String response = String.valueOf(facts.responseCode());
		String status = String.valueOf(facts.transactionStatus());
		if ("00".equals(response) && "00".equals(status)) {
			repository.transition(p, PaymentStatus.PAID, now, source, "vnpay", facts, details);
			Optional<String> notTaken = fees.settle(p.dossierCode(), p.amountVnd(), true, p.txnRef(), "vnpay");
			if (notTaken.isEmpty()) {
				receipts.issue(repository.find(p.id()).orElseThrow(), "vnpay");
				return false;
			}
			repository.markRefundDue(p, notTaken.get(), now, "vnpay");
			return true;
		}
		if ("24".equals(response)) {
			repository.transition(p, PaymentStatus.CANCELLED, now, source, "vnpay", facts, details);
		}
		else if ("01".equals(status)) {
			repository.transition(p, p.status(), now, source, "vnpay", facts, details);
		}
		else {
			repository.transition(p, PaymentStatus.FAILED, now, source, "vnpay", facts, details);
		}
		return false;
	}

	/**
	 * Refunds a paid attempt marked for refund: through the gateway for online payments (outside any
	 * transaction: it is a network call); counter payments stay marked for the counter to hand back.
	 */
	public void refund(UUID id, String actor) {
		Payment p = repository.find(id).orElseThrow();
		if (p.status() != PaymentStatus.PAID || !p.refundDue() || p.method() != PaymentMethod.ONLINE) {
			return;
		}
		try {
			if (!gateway.refund(p, actor, clock.instant())) {
				log.warn("Refund of {} refused by the gateway; left for the reconciliation page", p.txnRef());
				return;
			}
		}
		catch (PaymentGateway.Unavailable e) {
			log.warn("Refund of {} not done now ({}); the mop-up retries", p.txnRef(), e.getMessage());
			return;
		}
		tx.executeWithoutResult(s -> {
			Payment locked = repository.lock(id);
			if (locked.status() == PaymentStatus.PAID) {
				repository.transition(locked, PaymentStatus.REFUNDED, clock.instant(), "REFUND", actor, null,
						Map.of("reason", String.valueOf(locked.refundReason())));
			}
		});
	}

	/** 409: the dossier owes nothing. */
	static final class NothingOwed extends DomainProblem {

		NothingOwed(String code) {
			super(org.springframework.http.HttpStatus.CONFLICT, "nothing-owed",
					"Hồ sơ " + code + " không còn khoản phí, lệ phí nào phải nộp.");
		}
	}

	/** Nothing is collected for a dossier refused, withdrawn or stopped; what was paid is refunded. */
	static final java.util.Set<vn.motcua.dossier.DossierStatus> ENDED = vn.motcua.dossier.DossierStatus.ENDED_WITHOUT_RESULT;

	/** 409: the dossier ended without a result. */
	static final class DossierEnded extends DomainProblem {

		DossierEnded(String code) {
			super(org.springframework.http.HttpStatus.CONFLICT, "dossier-ended",
					"Hồ sơ " + code + " đã bị từ chối, rút hoặc dừng giải quyết; không thu phí, lệ phí.");
		}
	}

	/** 403: not who may pay or record a payment. */
	static final class Forbidden extends DomainProblem {

		Forbidden(String detail) {
			super(org.springframework.http.HttpStatus.FORBIDDEN, "payment-forbidden", detail);
		}
	}
}
