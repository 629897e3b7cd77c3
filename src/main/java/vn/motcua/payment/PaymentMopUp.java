package vn.motcua.payment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settles what notifications left open: online attempts still pending after their 15 minutes are asked about
 * (querydr) and become paid, cancelled, failed or expired by the gateway's answer; refunds not yet done are
 * tried again. A gateway that cannot be reached leaves everything as it was for the next run.
 */
@Component
class PaymentMopUp {

	private static final Logger log = LoggerFactory.getLogger(PaymentMopUp.class);
	/** The gateway may still be finishing a payment made in the last second of its window. */
	static final Duration GRACE = Duration.ofMinutes(1);

	private final JdbcClient jdbc;
	private final JdbcPaymentRepository repository;
	private final PaymentGateway gateway;
	private final Payments payments;
	private final TransactionTemplate tx;
	private final Clock clock;

	PaymentMopUp(JdbcClient jdbc, JdbcPaymentRepository repository, PaymentGateway gateway, Payments payments,
			TransactionTemplate tx, Clock clock) {
		this.jdbc = jdbc;
		this.repository = repository;
		this.gateway = gateway;
		this.payments = payments;
		this.tx = tx;
		this.clock = clock;
	}

	/** @return how many attempts changed */
	int run() {
		Instant now = clock.instant();
		List<UUID> stale = jdbc.sql("""
				select id from payment where status = 'PENDING' and method = 'ONLINE' and expires_at < ?
				order by expires_at limit 500""")
			.param(Timestamp.from(now.minus(GRACE)))
			.query(UUID.class)
			.list();
		int changed = 0;
		for (UUID id : stale) {
			Payment p = repository.find(id).orElseThrow();
			Optional<PaymentGateway.Transaction> known;
			try {
				known = gateway.query(p, now);
			}
			catch (PaymentGateway.Unavailable e) {
				log.warn("querydr of {} not answered ({}); tried again next run", p.txnRef(), e.getMessage());
				continue;
			}
			boolean refund = Boolean.TRUE.equals(tx.execute(s -> settle(id, known)));
			changed++;
			if (refund) {
				payments.refund(id, "mop-up");
			}
		}
		List<UUID> refunds = jdbc.sql("""
				select id from payment where status = 'PAID' and refund_due and method = 'ONLINE' limit 500""")
			.query(UUID.class)
			.list();
		for (UUID id : refunds) {
			payments.refund(id, "mop-up");
		}
		if (changed > 0) {
			log.info("Payment mop-up: {} pending attempts settled by querydr", changed);
		}
		return changed;
	}

	private boolean settle(UUID id, Optional<PaymentGateway.Transaction> known) {
		Payment p = repository.lock(id);
		if (p.status() != PaymentStatus.PENDING) {
			return false; // an IPN came in meanwhile
		}
		if (known.isEmpty()) {
			repository.transition(p, PaymentStatus.EXPIRED, clock.instant(), "QUERYDR", "mop-up", null,
					Map.of("gateway", "no such transaction"));
			return false;
		}
		PaymentGateway.Transaction t = known.get();
		JdbcPaymentRepository.GatewayFacts facts = new JdbcPaymentRepository.GatewayFacts(t.transactionNo(), t.bankCode(),
				t.responseCode(), t.transactionStatus());
		if (!t.paid() && "01".equals(t.transactionStatus())) {
			// never completed within its window: the gateway will not take it any more
			repository.transition(p, PaymentStatus.EXPIRED, clock.instant(), "QUERYDR", "mop-up", facts,
					Map.of("gateway", "pending past expiry"));
			return false;
		}
		if (t.amountVnd() != p.amountVnd()) {
			log.error("querydr of {} reports {} VND, the attempt is {} VND; left for reconciliation", p.txnRef(),
					t.amountVnd(), p.amountVnd());
			return false;
		}
		return payments.apply(p, facts, "QUERYDR", Map.of("transactionNo", t.transactionNo()));
	}
}
