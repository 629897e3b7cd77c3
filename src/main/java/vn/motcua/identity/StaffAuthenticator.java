package vn.motcua.identity;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditLog;

/**
 * Checks a staff member's password (and one-time code when two-factor is on) for the web form and the
 * token endpoint alike, applying the lockout rule and auditing every outcome.
 */
@Service
class StaffAuthenticator {

	private final JdbcStaffAccounts accounts;
	private final SignInThrottle throttle;
	private final PasswordEncoder passwords;
	private final AuditLog audit;
	private final TransactionTemplate tx;
	private final Clock clock;
	private final String dummyHash;

	StaffAuthenticator(JdbcStaffAccounts accounts, SignInThrottle throttle, PasswordEncoder passwords,
			AuditLog audit, TransactionTemplate tx, Clock clock) {
		this.accounts = accounts;
		this.throttle = throttle;
		this.passwords = passwords;
		this.audit = audit;
		this.tx = tx;
		this.clock = clock;
		this.dummyHash = passwords.encode("not-a-real-password-" + System.identityHashCode(this));
	}

	/**
	 * @param channel {@code api} or {@code web}, for the audit record
	 * @return the signed-in account
	 * @throws SignInProblems.AccountThrottled while the account is locked
	 * @throws SignInProblems.InvalidCredentials for a wrong name or password, or a disabled account
	 * @throws SignInProblems.OtpRequired when two-factor is on and no code was given
	 */
	StaffAccount authenticate(String rawUsername, String password, @Nullable String otp, String channel) {
		String username = rawUsername.trim().toLowerCase(Locale.ROOT);
		SignInThrottle.Attempt attempt;
		try {
			attempt = throttle.begin(username);
		}
		catch (SignInProblems.AccountThrottled locked) {
			auditOnly(username, "auth.sign-in-refused", Map.of("channel", channel, "reason", "locked"));
			throw locked;
		}
		Optional<JdbcStaffAccounts.Credentials> credentials = accounts.credentials(username);
		String hash = credentials.map(JdbcStaffAccounts.Credentials::passwordHash).orElse(null);
		// hash even for unknown accounts, so timing does not reveal which names exist
		boolean passwordOk = passwords.matches(password, hash != null ? hash : dummyHash) && hash != null;
		if (!passwordOk || !credentials.get().enabled()) {
			fail(username, channel, passwordOk ? "disabled" : "password");
			throw new SignInProblems.InvalidCredentials();
		}
		String totpSecret = credentials.get().totpSecret();
		if (totpSecret != null) {
			if (otp == null || otp.isBlank()) {
				tx.executeWithoutResult(s -> throttle.uncount(attempt));
				throw new SignInProblems.OtpRequired();
			}
			if (!Totp.verify(totpSecret, otp.trim(), clock.instant())) {
				fail(username, channel, "otp");
				throw new SignInProblems.InvalidOtp();
			}
		}
		tx.executeWithoutResult(s -> {
			throttle.succeeded(attempt);
			audit.record(AuditEntry.of(username, "auth.sign-in", "account", username).with(Map.of("channel", channel)));
		});
		return accounts.find(username).orElseThrow(SignInProblems.InvalidCredentials::new);
	}

	/**
	 * Counts the failure; on the web form the failure that locks the account says so at once, with the lock's
	 * end (the API keeps answering this one 401 and the next ones 429).
	 */
	private void fail(String username, String channel, String reason) {
		Optional<java.time.Instant> lockedUntil = tx.execute(s -> {
			Optional<java.time.Instant> lock = throttle.failed(username);
			audit.record(AuditEntry.of(username, "auth.sign-in-failed", "account", username)
				.with(Map.of("channel", channel, "reason", reason)));
			return lock;
		});
		if (lockedUntil != null && lockedUntil.isPresent() && channel.equals("web")) {
			throw new SignInProblems.AccountThrottled(lockedUntil.get(), clock.instant());
		}
	}

	private void auditOnly(String username, String action, Map<String, ?> details) {
		tx.executeWithoutResult(s -> audit.record(AuditEntry.of(username, action, "account", username).with(details)));
	}
}
