package vn.motcua.payment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditLog;
import vn.motcua.platform.Zones;

/**
 * Đối soát: a day's online payments as MotCua recorded them against the gateway's transactions of that day,
 * matched by {@code vnp_TxnRef}; what differs (only ours, only the gateway's, another amount, paid on one side
 * and not the other) is kept with the run for the administrators' page.
 */
@Service
public class Reconciliation {

	private final JdbcClient jdbc;
	private final JdbcPaymentRepository repository;
	private final PaymentGateway gateway;
	private final AuditLog audit;
	private final org.springframework.transaction.support.TransactionTemplate tx;
	private final Clock clock;
	private final JsonMapper json = JsonMapper.builder().build();

	Reconciliation(JdbcClient jdbc, JdbcPaymentRepository repository, PaymentGateway gateway, AuditLog audit,
			org.springframework.transaction.support.TransactionTemplate tx, Clock clock) {
		this.tx = tx;
		this.jdbc = jdbc;
		this.repository = repository;
		this.gateway = gateway;
		this.audit = audit;
		this.clock = clock;
	}

	/** One difference found. */
	public record Mismatch(String kind, String txnRef, @Nullable Long oursVnd, @Nullable Long gatewayVnd,
			@Nullable String oursStatus, @Nullable String gatewayStatus) {
	}

	/** A day's run. */
	public record Run(LocalDate day, Instant runAt, int ours, int gateway, int matched, List<Mismatch> mismatches) {

		public boolean clean() {
			return mismatches.isEmpty();
		}
	}

	void runForYesterday() {
		try {
			run(LocalDate.now(clock.withZone(Zones.VIETNAM)).minusDays(1), "system");
		}
		catch (PaymentGateway.Unavailable e) {
			org.slf4j.LoggerFactory.getLogger(Reconciliation.class)
				.warn("Reconciliation not run: the settlement file is unavailable ({})", e.getMessage());
		}
	}

	public Run run(LocalDate day, String actor) throws PaymentGateway.Unavailable {
		List<PaymentGateway.Transaction> theirs = gateway.settlement(day);
		Instant from = day.atStartOfDay(Zones.VIETNAM).toInstant();
		Instant to = day.plusDays(1).atStartOfDay(Zones.VIETNAM).toInstant();
		Map<String, long[]> ours = new LinkedHashMap<>();
		Map<String, String> ourStatus = new HashMap<>();
		jdbc.sql("""
				select txn_ref, amount_vnd, status from payment
				where method = 'ONLINE' and paid_at >= ? and paid_at < ? order by txn_ref""")
			.params(Timestamp.from(from), Timestamp.from(to))
			.query(rs -> {
				ours.put(rs.getString(1), new long[] { rs.getLong(2) });
				ourStatus.put(rs.getString(1), rs.getString(3));
			});
		List<Mismatch> mismatches = new ArrayList<>();
		int matched = 0;
		int paidTheirs = 0;
		for (PaymentGateway.Transaction t : theirs) {
			if (!t.paid()) {
				continue;
			}
			paidTheirs++;
			long[] mine = ours.remove(t.txnRef());
			if (mine == null) {
				mismatches.add(new Mismatch("ONLY_GATEWAY", t.txnRef(), null, t.amountVnd(), null, t.transactionStatus()));
			}
			else if (mine[0] != t.amountVnd()) {
				mismatches.add(new Mismatch("AMOUNT", t.txnRef(), mine[0], t.amountVnd(), ourStatus.get(t.txnRef()),
						t.transactionStatus()));
			}
			else {
				matched++;
			}
		}
		for (Map.Entry<String, long[]> e : ours.entrySet()) {
			mismatches.add(new Mismatch("ONLY_OURS", e.getKey(), e.getValue()[0], null, ourStatus.get(e.getKey()), null));
		}
		int ourCount = matched + (int) mismatches.stream().filter(m -> !m.kind().equals("ONLY_GATEWAY")).count();
		Run run = new Run(day, clock.instant(), ourCount, paidTheirs, matched, mismatches);
		tx.executeWithoutResult(s -> record(run, actor));
		return run;
	}

	private void record(Run run, String actor) {
		LocalDate day = run.day();
		List<Mismatch> mismatches = run.mismatches();
		jdbc.sql("""
				insert into payment_reconciliation (day, run_at, ours, gateway, matched, mismatches)
				values (?, ?, ?, ?, ?, cast(? as jsonb))
				on conflict (day) do update set run_at = excluded.run_at, ours = excluded.ours,
				  gateway = excluded.gateway, matched = excluded.matched, mismatches = excluded.mismatches""")
			.params(day, Timestamp.from(run.runAt()), run.ours(), run.gateway(), run.matched(),
					json.writeValueAsString(mismatches))
			.update();
		audit.record(AuditEntry.of(actor, "payment.reconciled", "reconciliation", day.toString())
			.with(Map.of("matched", run.matched(), "mismatches", mismatches.size())));
	}

	/** The latest runs, newest first. */
	public List<Run> recent(int limit) {
		return jdbc.sql("select * from payment_reconciliation order by day desc limit ?")
			.param(limit)
			.query((rs, n) -> new Run(rs.getObject("day", LocalDate.class), rs.getTimestamp("run_at").toInstant(),
					rs.getInt("ours"), rs.getInt("gateway"), rs.getInt("matched"),
					List.of(json.readValue(rs.getString("mismatches"), Mismatch[].class))))
			.list();
	}

	/** Paid attempts marked for refund and not refunded yet (counter payments are handed back by hand). */
	public List<Payment> refundsOutstanding() {
		return jdbc.sql("select * from payment where status = 'PAID' and refund_due order by paid_at")
			.query(repository::row)
			.list();
	}
}
