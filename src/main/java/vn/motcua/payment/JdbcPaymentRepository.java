package vn.motcua.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditLog;

/**
 * Payment attempts and their events. Every change of status goes through {@link #transition}, which checks
 * it against {@link PaymentStatus}, bumps the version, and writes the event and the audit record with it.
 */
@Repository
class JdbcPaymentRepository {

	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final JsonMapper json = JsonMapper.builder().build();

	JdbcPaymentRepository(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	Optional<Payment> find(UUID id) {
		return jdbc.sql("select * from payment where id = ?").param(id).query(this::row).optional();
	}

	Optional<Payment> byTxnRef(String txnRef, boolean lock) {
		return jdbc.sql("select * from payment where txn_ref = ?" + (lock ? " for update" : ""))
			.param(txnRef)
			.query(this::row)
			.optional();
	}

	Payment lock(UUID id) {
		return jdbc.sql("select * from payment where id = ? for update").param(id).query(this::row).single();
	}

	List<Payment> ofDossier(String code) {
		return jdbc.sql("select * from payment where dossier_code = ? order by created_at").param(code).query(this::row)
			.list();
	}

	int attempts(String code) {
		return jdbc.sql("select count(*) from payment where dossier_code = ?").param(code).query(Integer.class).single();
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void insert(Payment p, String source, Map<String, ?> details) {
		jdbc.sql("""
				insert into payment (id, txn_ref, dossier_code, amount_vnd, method, status, created_at, created_by,
				  expires_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(p.id(), p.txnRef(), p.dossierCode(), p.amountVnd(), p.method().name(), PaymentStatus.PENDING.name(),
					Timestamp.from(p.createdAt()), p.createdBy(), p.expiresAt() == null ? null : Timestamp.from(p.expiresAt()))
			.update();
		event(p.id(), p.createdAt(), source, null, PaymentStatus.PENDING, p.createdBy(), details);
		audit.record(AuditEntry.of(p.createdBy(), "payment.ordered", "payment", p.txnRef())
			.with(Map.of("dossier", p.dossierCode(), "amountVnd", p.amountVnd(), "method", p.method().name())));
	}

	/** What the gateway told about an attempt, kept on the row. */
	record GatewayFacts(@Nullable String transactionNo, @Nullable String bankCode, @Nullable String responseCode,
			@Nullable String transactionStatus) {
	}

	/**
	 * Moves an attempt to {@code to} (or records a notification that keeps its status when {@code to} equals it).
	 *
	 * @throws IllegalStateException for a transition the table does not allow: a bug, never a user mistake
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void transition(Payment p, PaymentStatus to, Instant at, String source, String actor,
			@Nullable GatewayFacts facts, Map<String, ?> details) {
		if (to != p.status() && !p.status().mayBecome(to)) {
			throw new IllegalStateException("payment " + p.txnRef() + ": " + p.status() + " → " + to);
		}
		jdbc.sql("""
				update payment set status = :to, version = version + 1,
				  gateway_transaction_no = coalesce(:tno, gateway_transaction_no), bank_code = coalesce(:bank, bank_code),
				  response_code = coalesce(:rc, response_code), transaction_status = coalesce(:ts, transaction_status),
				  paid_at = case when :to = 'PAID' then :at else paid_at end,
				  refunded_at = case when :to = 'REFUNDED' then :at else refunded_at end
				where id = :id""")
			.param("to", to.name())
			.param("tno", facts == null ? null : facts.transactionNo())
			.param("bank", facts == null ? null : facts.bankCode())
			.param("rc", facts == null ? null : facts.responseCode())
			.param("ts", facts == null ? null : facts.transactionStatus())
			.param("at", Timestamp.from(at))
			.param("id", p.id())
			.update();
		event(p.id(), at, source, p.status(), to, actor, details);
		if (to != p.status()) {
			audit.record(AuditEntry.of(actor, "payment." + to.name().toLowerCase(java.util.Locale.ROOT), "payment",
					p.txnRef()).with(Map.of("dossier", p.dossierCode(), "from", p.status().name(), "source", source)));
		}
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void markRefundDue(Payment p, String reason, Instant at, String actor) {
		jdbc.sql("update payment set refund_due = true, refund_reason = ?, version = version + 1 where id = ?")
			.params(reason, p.id())
			.update();
		event(p.id(), at, "REFUND", p.status(), p.status(), actor, Map.of("refundDue", reason));
		audit.record(AuditEntry.of(actor, "payment.refund-due", "payment", p.txnRef())
			.with(Map.of("dossier", p.dossierCode(), "reason", reason)));
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void receipt(UUID payment, String number, UUID document) {
		jdbc.sql("update payment set receipt_number = ?, receipt_document = ? where id = ?")
			.params(number, document, payment)
			.update();
	}

	List<Event> events(UUID payment) {
		return jdbc.sql("select at, source, from_status, to_status, actor from payment_event where payment_id = ? order by id")
			.param(payment)
			.query((rs, n) -> new Event(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5)))
			.list();
	}

	/** One event of an attempt. */
	record Event(Instant at, String source, @Nullable String fromStatus, String toStatus, String actor) {
	}

	private void event(UUID payment, Instant at, String source, @Nullable PaymentStatus from, PaymentStatus to,
			String actor, Map<String, ?> details) {
		jdbc.sql("""
				insert into payment_event (payment_id, at, source, from_status, to_status, actor, details)
				values (?, ?, ?, ?, ?, ?, cast(? as jsonb))""")
			.params(payment, Timestamp.from(at), source, from == null ? null : from.name(), to.name(), actor,
					json.writeValueAsString(details))
			.update();
	}

	Payment row(ResultSet rs, int n) throws SQLException {
		return new Payment(rs.getObject("id", UUID.class), rs.getString("txn_ref"), rs.getString("dossier_code"),
				rs.getLong("amount_vnd"), PaymentMethod.valueOf(rs.getString("method")),
				PaymentStatus.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant(),
				rs.getString("created_by"), instant(rs, "expires_at"), rs.getString("gateway_transaction_no"),
				rs.getString("bank_code"), rs.getString("response_code"), instant(rs, "paid_at"),
				rs.getBoolean("refund_due"), rs.getString("refund_reason"), instant(rs, "refunded_at"),
				rs.getString("receipt_number"), rs.getObject("receipt_document", UUID.class), rs.getInt("version"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
