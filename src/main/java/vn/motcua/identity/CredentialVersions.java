package vn.motcua.identity;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The current version of each staff member's credentials, as API tokens and web sessions compare theirs with
 * it. Read from PostgreSQL at most every {@link #FRESH_FOR} per account, so a token keeps costing no query on
 * most calls, and a revocation made on any instance takes effect on all within that time.
 */
@Component
class CredentialVersions {

	static final Duration FRESH_FOR = Duration.ofSeconds(2);
	private static final int MAX_ACCOUNTS = 10_000;

	/** {@code version} is -1 for an account that is disabled or gone. */
	private record Known(int version, long readAtNanos) {
	}

	private final JdbcClient jdbc;
	private final Map<String, Known> known = new ConcurrentHashMap<>();

	CredentialVersions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether credentials issued at {@code version} still stand. */
	boolean current(String username, int version) {
		long now = System.nanoTime();
		Known k = known.get(username);
		if (k == null || now - k.readAtNanos() > FRESH_FOR.toNanos()) {
			k = new Known(read(username), now);
			if (known.size() >= MAX_ACCOUNTS) {
				known.clear();
			}
			known.put(username, k);
		}
		return k.version() >= 0 && k.version() == version;
	}

	int read(String username) {
		return jdbc.sql("select case when enabled then credentials_version else -1 end from staff_account where username = ?")
			.param(username)
			.query(Integer.class)
			.optional()
			.orElse(-1);
	}

	/**
	 * Ends everything issued so far: raises the version (refusing tokens) and deletes the web sessions, in the
	 * caller's transaction.
	 */
	void revoke(String username) {
		jdbc.sql("update staff_account set credentials_version = credentials_version + 1 where username = ?")
			.param(username)
			.update();
		jdbc.sql("delete from spring_session where principal_name = ?").param(username).update();
		known.remove(username);
	}
}
