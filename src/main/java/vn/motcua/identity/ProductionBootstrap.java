package vn.motcua.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditLog;
import vn.motcua.platform.ProductionMode;

/**
 * Production start-up: disables any demonstration account left in the database, and creates the first
 * administrator from {@code MOTCUA_ADMIN_USERNAME}/{@code MOTCUA_ADMIN_PASSWORD} (or the flags
 * {@code --motcua.admin.username}/{@code --motcua.admin.password}) when none exists, refusing to start
 * without them or with a weak password.
 */
@Component
@ProductionMode
class ProductionBootstrap implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(ProductionBootstrap.class);

	private final JdbcStaffAccounts accounts;
	private final PasswordEncoder passwords;
	private final TransactionTemplate tx;
	private final AuditLog audit;
	private final String adminUsername;
	private final String adminPassword;

	ProductionBootstrap(JdbcStaffAccounts accounts, PasswordEncoder passwords, TransactionTemplate tx, AuditLog audit,
			@Value("${motcua.admin.username:}") String adminUsername,
			@Value("${motcua.admin.password:}") String adminPassword) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.tx = tx;
		this.audit = audit;
		this.adminUsername = adminUsername.trim().toLowerCase(Locale.ROOT);
		this.adminPassword = adminPassword;
	}

	@Override
	public void afterSingletonsInstantiated() {
		tx.executeWithoutResult(s -> {
			List<String> disabled = accounts.disableDemoAccounts();
			if (!disabled.isEmpty()) {
				log.warn("Production mode: disabled the demonstration accounts {}", disabled);
				audit.record(AuditEntry.of("system", "account.demo-disabled", "account", "*")
					.with(Map.of("accounts", disabled)));
			}
		});
		if (accounts.anyEnabledWithRole(Role.ADMIN)) {
			return;
		}
		if (adminUsername.isEmpty() || adminPassword.isEmpty()) {
			throw new IllegalStateException("Refusing to start in production: no administrator exists. Set"
					+ " MOTCUA_ADMIN_USERNAME and MOTCUA_ADMIN_PASSWORD (or --motcua.admin.username/--motcua.admin.password)"
					+ " for the first start.");
		}
		if (!adminUsername.matches("[a-z0-9._-]{3,64}")) {
			throw new IllegalStateException("Refusing to start: MOTCUA_ADMIN_USERNAME must be 3–64 of a-z 0-9 . _ -");
		}
		List<PasswordPolicy.Weakness> weaknesses = PasswordPolicy.weaknesses(adminUsername, adminPassword);
		if (!weaknesses.isEmpty()) {
			throw new IllegalStateException("Refusing to start: MOTCUA_ADMIN_PASSWORD is weak; it needs "
					+ String.join(", ", weaknesses.stream().map(w -> w.english).toList()) + ".");
		}
		String hash = passwords.encode(adminPassword);
		tx.executeWithoutResult(s -> {
			accounts.create(adminUsername, "Quản trị hệ thống", null, hash, EnumSet.of(Role.ADMIN), false);
			audit.record(AuditEntry.of("system", "account.created", "account", adminUsername)
				.with(Map.of("roles", List.of("ADMIN"), "bootstrap", true)));
		});
		log.info("Production mode: created the first administrator '{}'", adminUsername);
	}
}
