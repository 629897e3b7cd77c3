package vn.motcua.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The lockout rule of the API: ten failed sign-ins for one account within fifteen minutes refuse every
 * sign-in of that account, correct password included, for the next fifteen minutes. Kept in PostgreSQL,
 * so it holds across instances.
 */
@Component
class SignInThrottle {

	static final int MAX_FAILURES = 10;
	static final Duration WINDOW = Duration.ofMinutes(15);
	static final Duration LOCK = Duration.ofMinutes(15);

	private final JdbcClient jdbc;
	private final Clock clock;

	SignInThrottle(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** How long the account stays locked, if it is. */
	Optional<Duration> lockedFor(String username) {
		Instant now = clock.instant();
		return jdbc.sql("select locked_until from account_lock where username = ? and locked_until > ?")
			.params(username, Timestamp.from(now))
			.query((rs, i) -> Duration.between(now, rs.getTimestamp(1).toInstant()))
			.optional();
	}

	/** Records a failure; locks the account when it is the tenth in the window. Runs in the caller's transaction. */
	void recordFailure(String username) {
		Instant now = clock.instant();
		jdbc.sql("insert into sign_in_failure (username, at) values (?, ?)")
			.params(username, Timestamp.from(now))
			.update();
		long recent = jdbc.sql("select count(*) from sign_in_failure where username = ? and at > ?")
			.params(username, Timestamp.from(now.minus(WINDOW)))
			.query(Long.class)
			.single();
		if (recent >= MAX_FAILURES) {
			jdbc.sql("""
					insert into account_lock (username, locked_until) values (?, ?)
					on conflict (username) do update set locked_until = excluded.locked_until""")
				.params(username, Timestamp.from(now.plus(LOCK)))
				.update();
			// the lock now carries the rule; old failures must not re-lock it once it ends
			jdbc.sql("delete from sign_in_failure where username = ?").param(username).update();
		}
	}

	/** A successful sign-in starts the count afresh. */
	void clearFailures(String username) {
		jdbc.sql("delete from sign_in_failure where username = ?").param(username).update();
	}

	/** Forgets failures older than a day and ended locks. */
	int purge() {
		Instant now = clock.instant();
		return jdbc.sql("delete from sign_in_failure where at < ?").param(Timestamp.from(now.minus(Duration.ofDays(1))))
			.update() + jdbc.sql("delete from account_lock where locked_until < ?").param(Timestamp.from(now)).update();
	}
}
