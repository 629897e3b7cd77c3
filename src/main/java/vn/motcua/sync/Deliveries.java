package vn.motcua.sync;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The deliveries as an outbox. A delivery is claimable only when every earlier one of its dossier is delivered, so a
 * later update never overtakes an earlier one, and a dossier waiting on a failure holds no other dossier back.
 * Claims take row locks with {@code SKIP LOCKED} and a lease, as the notification outbox does.
 */
@Component
class Deliveries {

	private static final String COLUMNS = "id, dossier_code, sequence, service, national_status, payload::text as payload, "
			+ "status, attempts, created_at, delivered_at, last_error ";

	private final JdbcClient jdbc;
	private final vn.motcua.platform.OutboxTable table;

	Deliveries(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.table = new vn.motcua.platform.OutboxTable(jdbc, "sync_delivery");
	}

	/** The dossier's last delivery so far: its sequence and the national status it carried. */
	record Last(int sequence, int nationalStatus) {
	}

	@Nullable Last last(String code) {
		return jdbc.sql("select sequence, national_status from sync_delivery where dossier_code = ? order by sequence desc limit 1")
			.param(code)
			.query((rs, n) -> new Last(rs.getInt(1), rs.getInt(2)))
			.optional()
			.orElse(null);
	}

	/** Adds the dossier's delivery number {@code sequence} (the change holds the dossier's row lock). */
	void add(String code, int sequence, String service, int nationalStatus, String payload, Instant now) {
		jdbc.sql("""
				insert into sync_delivery (id, dossier_code, sequence, service, national_status, payload, status,
				  next_attempt_at, retry_since, created_at)
				values (:id, :code, :sequence, :service, :national, cast(:payload as jsonb), 'PENDING', :now, :now, :now)""")
			.param("id", UUID.randomUUID())
			.param("code", code)
			.param("sequence", sequence)
			.param("service", service)
			.param("national", nationalStatus)
			.param("payload", payload)
			.param("now", Timestamp.from(now))
			.update();
	}

	List<Delivery> claim(int batch, Instant now, Duration lease) {
		return jdbc.sql("""
				update sync_delivery d set lease_until = :until, attempts = d.attempts + 1, last_error = null
				where d.id in (select x.id from sync_delivery x
				               where x.status = 'PENDING' and x.next_attempt_at <= :now
				                 and (x.lease_until is null or x.lease_until <= :now)
				                 and not exists (select 1 from sync_delivery e where e.dossier_code = x.dossier_code
				                                 and e.sequence < x.sequence and e.status <> 'DELIVERED')
				               order by x.next_attempt_at, x.sequence limit :batch for update skip locked)
				returning\s""" + COLUMNS)
			.param("until", Timestamp.from(now.plus(lease)))
			.param("now", Timestamp.from(now))
			.param("batch", batch)
			.query(Deliveries::row)
			.list();
	}

	void delivered(UUID id, Instant at) {
		jdbc.sql("""
				update sync_delivery set status = 'DELIVERED', delivered_at = ?, lease_until = null, last_error = null
				where id = ? and status = 'PENDING'""")
			.params(Timestamp.from(at), id)
			.update();
	}

	/** The dead letters, oldest first (the order they hold their dossiers back in). */
	List<Delivery> failed(int limit) {
		return jdbc.sql("select " + COLUMNS + "from sync_delivery where status = 'FAILED' order by created_at, sequence limit ?")
			.param(limit)
			.query(Deliveries::row)
			.list();
	}

	/** Queue depth, the oldest waiting delivery's creation, dead letters, and their reasons with counts. */
	Synchronisation.Health health() {
		long pending = jdbc.sql("select count(*) from sync_delivery where status = 'PENDING'").query(Long.class).single();
		Instant oldest = jdbc.sql("select created_at from sync_delivery where status = 'PENDING' order by created_at limit 1")
			.query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null);
		long failed = jdbc.sql("select count(*) from sync_delivery where status = 'FAILED'").query(Long.class).single();
		long delivered = jdbc.sql("select count(*) from sync_delivery where status = 'DELIVERED'").query(Long.class).single();
		java.util.Map<String, Long> reasons = new java.util.LinkedHashMap<>();
		jdbc.sql("""
				select coalesce(last_error, '?') as reason, count(*) as n from sync_delivery where status = 'FAILED'
				group by 1 order by 2 desc limit 10""")
			.query((rs, n) -> reasons.put(rs.getString(1), rs.getLong(2)))
			.list();
		return new Synchronisation.Health(pending, oldest, failed, delivered, reasons);
	}

	/** The status map, as kept. */
	List<String[]> statusMap() {
		return jdbc.sql("select status, national_code, label from sync_status_map order by national_code")
			.query((rs, n) -> new String[] { rs.getString(1), Integer.toString(rs.getInt(2)), rs.getString(3) })
			.list();
	}

	Optional<Delivery> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + "from sync_delivery where id = ?").param(id).query(Deliveries::row).optional();
	}

	List<Delivery> ofDossier(String code) {
		return jdbc.sql("select " + COLUMNS + "from sync_delivery where dossier_code = ? order by sequence")
			.param(code)
			.query(Deliveries::row)
			.list();
	}

	private static Delivery row(ResultSet rs, int n) throws SQLException {
		Timestamp delivered = rs.getTimestamp("delivered_at");
		return new Delivery(rs.getObject("id", UUID.class), rs.getString("dossier_code"), rs.getInt("sequence"),
				rs.getString("service"), rs.getInt("national_status"), rs.getString("payload"), rs.getString("status"),
				rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant(),
				delivered == null ? null : delivered.toInstant(), rs.getString("last_error"));
	}

	void failed(UUID id, String error, @Nullable Instant retryAt) {
		table.failed(id, error, retryAt);
	}

	Instant retrySince(UUID id) {
		return table.retrySince(id);
	}

	boolean resend(UUID id, Instant now) {
		return table.resend(id, now);
	}
}
