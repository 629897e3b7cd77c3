package vn.motcua.platform;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What every outbox table (notifications, the national portal's deliveries) does alike with the columns they share —
 * {@code id}, {@code status} PENDING/FAILED, {@code next_attempt_at}, {@code lease_until}, {@code retry_since},
 * {@code last_error}: record a failed attempt, tell when the retries began, put a dead letter back in the queue.
 */
public final class OutboxTable {

	private final JdbcClient jdbc;
	private final String table;

	/** @param table the outbox's table, a name of the code's, never of a request */
	public OutboxTable(JdbcClient jdbc, String table) {
		this.jdbc = jdbc;
		this.table = table;
	}

	/** A failed attempt: tried again at {@code retryAt}, or FAILED when that is null (retries over, or refused for good). */
	public void failed(UUID id, String error, @Nullable Instant retryAt) {
		String cut = error.length() > 500 ? error.substring(0, 500) : error;
		jdbc.sql(retryAt == null
				? "update " + table + " set status = 'FAILED', lease_until = null, last_error = :error where id = :id and status = 'PENDING'"
				: "update " + table + " set next_attempt_at = :at, lease_until = null, last_error = :error where id = :id and status = 'PENDING'")
			.param("error", cut)
			.param("id", id)
			.param("at", retryAt == null ? null : Timestamp.from(retryAt))
			.update();
	}

	/** When the retries of an item began (its creation, or the last resend). */
	public Instant retrySince(UUID id) {
		return jdbc.sql("select retry_since from " + table + " where id = ?").param(id).query(Timestamp.class).single()
			.toInstant();
	}

	/** A FAILED item goes back to the queue, its retries counted anew; false unless it was FAILED. */
	public boolean resend(UUID id, Instant now) {
		return jdbc.sql("update " + table + """
				 set status = 'PENDING', next_attempt_at = :now, retry_since = :now, lease_until = null
				where id = :id and status = 'FAILED'""")
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update() == 1;
	}
}
