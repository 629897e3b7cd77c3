package vn.motcua.sync;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

	Deliveries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds the dossier's next delivery, numbered after its last (the change holds the dossier's row lock). */
	void add(String code, String service, int nationalStatus, String payload, Instant now) {
		jdbc.sql("""
				insert into sync_delivery (id, dossier_code, sequence, service, national_status, payload, status,
				  next_attempt_at, retry_since, created_at)
				select :id, :code, coalesce(max(sequence), 0) + 1, :service, :national, cast(:payload as jsonb), 'PENDING',
				  :now, :now, :now
				from sync_delivery where dossier_code = :code""")
			.param("id", UUID.randomUUID())
			.param("code", code)
			.param("service", service)
			.param("national", nationalStatus)
			.param("payload", payload)
			.param("now", Timestamp.from(now))
			.update();
	}

	/** Whether the dossier was ever sent as a whole ({@code DongBoHoSoMC}). */
	boolean announced(String code) {
		return jdbc.sql("select exists (select 1 from sync_delivery where dossier_code = ?)").param(code)
			.query(Boolean.class).single();
	}

	/** The national status last queued for the dossier, if any. */
	@Nullable Integer lastStatus(String code) {
		return jdbc.sql("select national_status from sync_delivery where dossier_code = ? order by sequence desc limit 1")
			.param(code).query(Integer.class).optional().orElse(null);
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

	/** A failed attempt: tried again at {@code retryAt}, or a dead letter (FAILED) when that is null. */
	void failed(UUID id, String error, @Nullable Instant retryAt) {
		String cut = error.length() > 500 ? error.substring(0, 500) : error;
		jdbc.sql(retryAt == null
				? "update sync_delivery set status = 'FAILED', lease_until = null, last_error = :error where id = :id and status = 'PENDING'"
				: "update sync_delivery set next_attempt_at = :at, lease_until = null, last_error = :error where id = :id and status = 'PENDING'")
			.param("error", cut)
			.param("id", id)
			.param("at", retryAt == null ? null : Timestamp.from(retryAt))
			.update();
	}

	Instant retrySince(UUID id) {
		return jdbc.sql("select retry_since from sync_delivery where id = ?").param(id).query(Timestamp.class).single()
			.toInstant();
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
}
