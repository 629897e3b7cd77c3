package vn.motcua.sandbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.motcua.platform.DemoMode;

/**
 * What the sandbox "SMTP server", "SMS gateway" and "Zalo" accepted, and their outages, in PostgreSQL so that
 * every instance of a demo shows the same (docs/api.md, Notifications).
 */
@Component
@DemoMode
public class SandboxMailboxes {

	/** One message received. */
	public record Received(long id, String system, String to, @Nullable String subject, String body, Instant at) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	SandboxMailboxes(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Keeps a message; a repeat of the same request id is dropped, as a provider would: true when kept. */
	public boolean receive(String system, String to, @Nullable String subject, String body, @Nullable String requestId) {
		return jdbc.sql("""
				insert into sandbox_message (system, recipient, subject, body, request_id, at) values (?, ?, ?, ?, ?, ?)
				on conflict do nothing""")
			.params(system, to, subject, body, requestId, Timestamp.from(clock.instant()))
			.update() == 1;
	}

	/** Newest first; all recipients when {@code to} is null. */
	public List<Received> list(String system, @Nullable String to, int limit) {
		return jdbc.sql("""
				select id, system, recipient, subject, body, at from sandbox_message
				where system = :system and (cast(:to as text) is null or lower(recipient) = lower(cast(:to as text))
				  or (:system <> 'MAIL' and right(regexp_replace(recipient, '\\D', '', 'g'), 9)
				      = right(regexp_replace(cast(:to as text), '\\D', '', 'g'), 9)))
				order by id desc limit :limit""")
			.param("system", system)
			.param("to", to == null || to.isBlank() ? null : to.strip())
			.param("limit", limit)
			.query((rs, n) -> new Received(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getTimestamp(6).toInstant()))
			.list();
	}

	public boolean down(String system) {
		return jdbc.sql("select mode = 'DOWN' from sandbox_outage where system = ?")
			.param(system)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	public void outage(String system, boolean down) {
		jdbc.sql("""
				insert into sandbox_outage (system, mode) values (?, ?)
				on conflict (system) do update set mode = excluded.mode""")
			.params(system, down ? "DOWN" : "NONE")
			.update();
	}
}
