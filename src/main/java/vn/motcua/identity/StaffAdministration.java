package vn.motcua.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditLog;
import vn.motcua.organization.Agencies;
import vn.motcua.platform.DomainProblem;
import vn.motcua.platform.InvalidFields;
import vn.motcua.platform.Texts;

/**
 * Administrators manage staff accounts: create, change name, unit, roles and status, reset a password or
 * two-factor; every staff member enrols their own authenticator. Each change is audited in its transaction.
 * An administrator cannot lock themself out (disable their account or drop their own ADMIN role).
 */
@Service
public class StaffAdministration {

	private static final String USERNAME = "^[a-z0-9._-]{3,64}$";
	private static final Set<Role> STAFF_ROLES = EnumSet.complementOf(EnumSet.of(Role.CITIZEN));

	private final JdbcClient jdbc;
	private final JdbcStaffAccounts accounts;
	private final PasswordEncoder passwords;
	private final Agencies agencies;
	private final AuditLog audit;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();
	private final CredentialVersions versions;

	StaffAdministration(JdbcClient jdbc, JdbcStaffAccounts accounts, PasswordEncoder passwords, Agencies agencies,
			AuditLog audit, Clock clock, CredentialVersions versions) {
		this.versions = versions;
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.passwords = passwords;
		this.agencies = agencies;
		this.audit = audit;
		this.clock = clock;
	}

	/** What an administrator enters for an account. */
	public record AccountForm(String username, String fullName, @Nullable String unitCode, Set<Role> roles,
			boolean enabled) {
	}

	@Transactional(readOnly = true)
	public List<StaffAccount> all() {
		return jdbc.sql("select username from staff_account order by username")
			.query(String.class)
			.list()
			.stream()
			.map(u -> accounts.find(u).orElseThrow())
			.toList();
	}

	@Transactional
	public void create(AccountForm form, String password, String actor) {
		InvalidFields.Collector errors = check(form);
		if (!form.username().matches(USERNAME)) {
			errors.add("username", "staff.username.invalid");
		}
		else if (accounts.exists(form.username())) {
			errors.add("username", "staff.username.taken");
		}
		PasswordPolicy.weaknesses(form.username(), password).forEach(w -> errors.add("password", w.messageKey(), PasswordPolicy.MIN_LENGTH));
		errors.throwIfAny();
		accounts.create(form.username(), form.fullName().strip(), Texts.strippedOrNull(form.unitCode()), passwords.encode(password),
				form.roles(), false);
		audit.record(new AuditEntry(actor, "staff.created", "account", form.username(),
				Map.of("unit", String.valueOf(Texts.strippedOrNull(form.unitCode())), "roles", names(form.roles()))));
	}

	@Transactional
	public void update(AccountForm form, String actor) {
		StaffAccount before = accounts.find(form.username()).orElseThrow(() -> new UnknownAccount(form.username()));
		InvalidFields.Collector errors = check(form);
		if (form.username().equals(actor) && (!form.enabled() || !form.roles().contains(Role.ADMIN))) {
			errors.add("roles", "staff.self-lockout");
		}
		errors.throwIfAny();
		jdbc.sql("update staff_account set full_name = ?, unit_code = ?, enabled = ? where username = ?")
			.params(form.fullName().strip(), Texts.strippedOrNull(form.unitCode()), form.enabled(), form.username())
			.update();
		jdbc.sql("delete from staff_role where username = ?").param(form.username()).update();
		for (Role role : form.roles()) {
			jdbc.sql("insert into staff_role (username, role) values (?, ?)").params(form.username(), role.name()).update();
		}
		// sessions and tokens carry the enabled account's roles and unit: a change of any ends them
		if (before.enabled() && !form.enabled() || !before.roles().equals(form.roles())
				|| !java.util.Objects.equals(before.unitCode(), Texts.strippedOrNull(form.unitCode()))) {
			versions.revoke(form.username());
		}
		audit.record(new AuditEntry(actor, "staff.updated", "account", form.username(),
				Map.of("unit", String.valueOf(Texts.strippedOrNull(form.unitCode())), "roles", names(form.roles()), "enabled",
						form.enabled(), "rolesBefore", names(before.roles()), "enabledBefore", before.enabled())));
	}

	@Transactional
	public void resetPassword(String username, String password, String actor) {
		accounts.find(username).orElseThrow(() -> new UnknownAccount(username));
		InvalidFields.Collector errors = new InvalidFields.Collector();
		PasswordPolicy.weaknesses(username, password).forEach(w -> errors.add("password", w.messageKey(), PasswordPolicy.MIN_LENGTH));
		errors.throwIfAny();
		jdbc.sql("update staff_account set password_hash = ? where username = ?")
			.params(passwords.encode(password), username)
			.update();
		versions.revoke(username);
		audit.record(AuditEntry.of(actor, "staff.password-reset", "account", username));
	}

	@Transactional
	public void resetTwoFactor(String username, String actor) {
		accounts.find(username).orElseThrow(() -> new UnknownAccount(username));
		jdbc.sql("update staff_account set totp_secret = null where username = ?").param(username).update();
		versions.revoke(username);
		audit.record(AuditEntry.of(actor, "staff.two-factor-reset", "account", username));
	}

	/** A fresh authenticator secret (160 bits, base32) for enrolment; stored only once confirmed. */
	public String newTotpSecret() {
		byte[] bytes = new byte[20];
		random.nextBytes(bytes);
		return Totp.encodeBase32(bytes);
	}

	/** Turns two-factor on once the staff member proves their authenticator shows the right code. */
	@Transactional
	public void enrolTwoFactor(String username, String secret, String code) {
		if (!Totp.verify(secret, code == null ? "" : code.strip(), clock.instant())) {
			new InvalidFields.Collector().add("code", "staff.totp.wrong-code").throwIfAny();
		}
		jdbc.sql("update staff_account set totp_secret = ? where username = ?").params(secret, username).update();
		audit.record(AuditEntry.of(username, "staff.two-factor-enrolled", "account", username));
	}

	/** The otpauth URI authenticator apps read (RFC 6238 key URI format). */
	public static String otpauthUri(String username, String secret) {
		return "otpauth://totp/MotCua%20C%C3%A0%20Mau:" + username + "?secret=" + secret
				+ "&issuer=MotCua&algorithm=SHA1&digits=6&period=30";
	}

	private InvalidFields.Collector check(AccountForm form) {
		InvalidFields.Collector errors = new InvalidFields.Collector();
		if (form.fullName() == null || form.fullName().isBlank() || form.fullName().length() > 200) {
			errors.add("fullName", "staff.full-name.required");
		}
		if (form.roles().isEmpty() || !STAFF_ROLES.containsAll(form.roles())) {
			errors.add("roles", "staff.roles.required");
		}
		String unit = Texts.strippedOrNull(form.unitCode());
		if (unit != null && agencies.find(unit).isEmpty()) {
			errors.add("unitCode", "staff.unit.unknown");
		}
		if (unit == null && form.roles().stream().anyMatch(r -> r != Role.ADMIN && r != Role.PROVINCE_LEADER)) {
			errors.add("unitCode", "staff.unit.required");
		}
		return errors;
	}

	private static String names(Set<Role> roles) {
		return String.join(",", new TreeSet<>(roles.stream().map(Enum::name).toList()));
	}

	static final class UnknownAccount extends DomainProblem {

		UnknownAccount(String username) {
			super(HttpStatus.NOT_FOUND, "not-found", "Không có tài khoản " + username);
		}
	}
}
