package vn.motcua.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The lockout rule: ten failed sign-ins for one account within fifteen minutes refuse every sign-in of that
 * account, correct password included, for the next fifteen minutes. Kept in PostgreSQL, so it holds across
 * instances.
 * <p>
 * An attempt is counted <em>before</em> its password is checked, under a lock of that account's name, and the
 * count is taken back only when the attempt succeeds: thirty concurrent guesses get at most ten wrong passwords
 * evaluated, never thirty (a right one among them, once accepted, frees its own place). Failures leave the count
 * only with the window.
 */
@Component
class SignInThrottle {

	static final int MAX_FAILURES = 10;
	static final Duration WINDOW = Duration.ofMinutes(15);
	static final Duration LOCK = Duration.ofMinutes(15);

	/** An attempt allowed to be checked; {@code id} is its counted row. */
	record Attempt(long id) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;
	private final TransactionTemplate tx;

	SignInThrottle(JdbcClient jdbc, Clock clock, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.tx = tx;
	}

	/**
	 * Counts an attempt, in a transaction of its own committed before the password is looked at.
	 *
	 * @throws SignInProblems.AccountThrottled when the account is locked, or the attempts already counted
	 *         reach the limit (it is locked now)
	 */
	Attempt begin(String username) {
		// the lock is committed before it is reported: thrown inside the transaction it would roll back
		Object outcome = tx.execute(s -> {
			lockAccountName(username);
			Instant now = clock.instant();
			Optional<Instant> until = lockedUntil(username, now);
			if (until.isPresent()) {
				return new SignInProblems.AccountThrottled(until.get(), now);
			}
			long counted = jdbc.sql("select count(*) from sign_in_failure where username = ? and at > ?")
				.params(username, Timestamp.from(now.minus(WINDOW)))
				.query(Long.class)
				.single();
			if (counted >= MAX_FAILURES) {
				Instant end = lock(username, now);
				return new SignInProblems.AccountThrottled(end, now);
			}
			long id = jdbc.sql("insert into sign_in_failure (username, at) values (?, ?) returning id")
				.params(username, Timestamp.from(now))
				.query(Long.class)
				.single();
			return new Attempt(id);
		});
		if (outcome instanceof SignInProblems.AccountThrottled locked) {
			throw locked;
		}
		return (Attempt) outcome;
	}

	/**
	 * The attempt failed: it stays counted; the tenth failure in the window locks the account. Runs in the
	 * caller's transaction.
	 *
	 * @return when the lock ends, if this failure set one
	 */
	Optional<Instant> failed(String username) {
		lockAccountName(username);
		Instant now = clock.instant();
		long recent = jdbc.sql("select count(*) from sign_in_failure where username = ? and at > ?")
			.params(username, Timestamp.from(now.minus(WINDOW)))
			.query(Long.class)
			.single();
		return recent >= MAX_FAILURES ? Optional.of(lock(username, now)) : Optional.empty();
	}

	/** Attempts of one account take turns from here to the end of the transaction; other accounts do not wait. */
	private void lockAccountName(String username) {
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended('sign-in:' || ?, 0))").param(username).query().singleRow();
	}

	/** The attempt was no guess (a code still to be asked for): it is not counted. */
	void uncount(Attempt attempt) {
		jdbc.sql("delete from sign_in_failure where id = ?").param(attempt.id()).update();
	}

	/** When the account's lock ends, if it is locked now. */
	Optional<Instant> lockedUntil(String username) {
		return lockedUntil(username, clock.instant());
	}

	private Optional<Instant> lockedUntil(String username, Instant now) {
		return jdbc.sql("select locked_until from account_lock where username = ? and locked_until > ?")
			.params(username, Timestamp.from(now))
			.query((rs, i) -> rs.getTimestamp(1).toInstant())
			.optional();
	}

	private Instant lock(String username, Instant now) {
		Instant end = now.plus(LOCK);
		jdbc.sql("""
				insert into account_lock (username, locked_until) values (?, ?)
				on conflict (username) do update set locked_until = excluded.locked_until""")
			.params(username, Timestamp.from(end))
			.update();
		// the lock now carries the rule; old failures must not re-lock it once it ends
		jdbc.sql("delete from sign_in_failure where username = ?").param(username).update();
		return end;
	}

	/**
	 * A successful sign-in takes back its own count only. Failures, earlier or concurrent, keep counting until
	 * they leave the window: were a success to erase them, guesses sent alongside one right password would be
	 * evaluated past the limit.
	 */
	void succeeded(Attempt attempt) {
		uncount(attempt);
	}

	/** Forgets failures older than a day and ended locks. */
	int purge() {
		Instant now = clock.instant();
		return jdbc.sql("delete from sign_in_failure where at < ?").param(Timestamp.from(now.minus(Duration.ofDays(1))))
			.update() + jdbc.sql("delete from account_lock where locked_until < ?").param(Timestamp.from(now)).update();
	}
}
