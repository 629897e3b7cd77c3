package vn.motcua.identity;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcStaffAccounts implements StaffAccounts {

	private final JdbcClient jdbc;
	private final Clock clock;

	JdbcStaffAccounts(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<StaffAccount> find(String username) {
		return jdbc.sql("select username, full_name, unit_code, enabled, totp_secret from staff_account where username = ?")
			.param(username)
			.query((rs, i) -> new StaffAccount(rs.getString("username"), rs.getString("full_name"),
					rs.getString("unit_code"), roles(rs.getString("username")), rs.getBoolean("enabled"),
					rs.getString("totp_secret") != null))
			.optional();
	}

	@Override
	@Transactional(readOnly = true)
	public java.util.List<StaffAccount> withRole(Role role, java.util.Collection<String> units) {
		return jdbc.sql("""
				select a.username, a.full_name, a.unit_code, a.enabled, a.totp_secret
				from staff_account a join staff_role r using (username)
				where r.role = ? and a.enabled and a.unit_code = any(?) order by a.full_name, a.username""")
			.params(role.name(), units.toArray(String[]::new))
			.query((rs, i) -> new StaffAccount(rs.getString("username"), rs.getString("full_name"),
					rs.getString("unit_code"), roles(rs.getString("username")), true, rs.getString("totp_secret") != null))
			.list();
	}

	Optional<Credentials> credentials(String username) {
		return jdbc.sql("select password_hash, totp_secret, enabled from staff_account where username = ?")
			.param(username)
			.query((rs, i) -> new Credentials(rs.getString("password_hash"), rs.getString("totp_secret"),
					rs.getBoolean("enabled")))
			.optional();
	}

	boolean exists(String username) {
		return jdbc.sql("select exists (select 1 from staff_account where username = ?)")
			.param(username)
			.query(Boolean.class)
			.single();
	}

	boolean anyEnabledWithRole(Role role) {
		return jdbc.sql("""
				select exists (select 1 from staff_account a join staff_role r using (username)
				               where r.role = ? and a.enabled)""").param(role.name()).query(Boolean.class).single();
	}

	void create(String username, String fullName, @Nullable String unitCode, String passwordHash, Set<Role> roles,
			boolean demo) {
		jdbc.sql("""
				insert into staff_account (username, full_name, unit_code, password_hash, demo, created_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(username, fullName, unitCode, passwordHash, demo, java.sql.Timestamp.from(clock.instant()))
			.update();
		for (Role role : roles) {
			jdbc.sql("insert into staff_role (username, role) values (?, ?)").params(username, role.name()).update();
		}
	}

	/** Disables the demonstration accounts of a database that once ran in demo mode. */
	List<String> disableDemoAccounts() {
		return jdbc.sql("update staff_account set enabled = false where demo and enabled returning username")
			.query(String.class)
			.list();
	}

	private Set<Role> roles(String username) {
		List<String> names = jdbc.sql("select role from staff_role where username = ? order by role")
			.param(username)
			.query(String.class)
			.list();
		Set<Role> roles = EnumSet.noneOf(Role.class);
		names.forEach(n -> roles.add(Role.valueOf(n)));
		return roles;
	}

	record Credentials(@Nullable String passwordHash, @Nullable String totpSecret, boolean enabled) {
	}
}
