package vn.motcua.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditLog;
import vn.motcua.identifiers.EmailAddress;
import vn.motcua.identifiers.PhoneNumber;
import vn.motcua.platform.InvalidFields;

@Component
class JdbcStaffContacts implements StaffContacts {

	private static final String SELECT = """
			select a.username, a.full_name, a.unit_code, a.email, a.phone, a.digest,
			  coalesce(array_agg(r.role) filter (where r.role is not null), '{}') as roles
			from staff_account a left join staff_role r on r.username = a.username
			""";

	private final JdbcClient jdbc;
	private final AuditLog audit;

	JdbcStaffContacts(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Override
	public Optional<StaffContact> find(String username) {
		return jdbc.sql(SELECT + " where a.username = ? group by a.username").param(username).query(JdbcStaffContacts::row).optional();
	}

	@Override
	public List<StaffContact> ofUnit(String unitCode) {
		return jdbc.sql(SELECT + " where a.unit_code = ? and a.enabled group by a.username order by a.username")
			.param(unitCode)
			.query(JdbcStaffContacts::row)
			.list();
	}

	@Override
	public List<StaffContact> wantingDigest() {
		return jdbc.sql(SELECT + """
				 where a.enabled and a.digest and (a.email is not null or a.phone is not null)
				   and exists (select 1 from staff_role x where x.username = a.username
				               and x.role in ('SPECIALIST', 'DEPARTMENT_LEADER'))
				group by a.username order by a.username""")
			.query(JdbcStaffContacts::row)
			.list();
	}

	@Override
	@Transactional
	public StaffContact update(String username, @Nullable String email, @Nullable String phone, boolean digest,
			String actor) {
		StaffContact before = find(username).orElseThrow(() -> new StaffAdministration.UnknownAccount(username));
		String e = email == null || email.isBlank() ? null : email.strip();
		String p = phone == null || phone.isBlank() ? null : phone.strip();
		InvalidFields.Collector errors = new InvalidFields.Collector();
		if (e != null && !EmailAddress.isValid(e)) {
			errors.add("email", "identifiers.email");
		}
		String normalized = p == null ? null : PhoneNumber.normalize(p).orElse(null);
		if (p != null && normalized == null) {
			errors.add("phone", "identifiers.phone");
		}
		errors.throwIfAny();
		jdbc.sql("update staff_account set email = ?, phone = ?, digest = ? where username = ?")
			.params(e, normalized, digest, username)
			.update();
		Map<String, Object> details = new HashMap<>();
		details.put("digest", digest);
		details.put("emailChanged", !java.util.Objects.equals(before.email(), e));
		details.put("phoneChanged", !java.util.Objects.equals(before.phone(), normalized));
		audit.record(new AuditEntry(actor, "staff.contact-updated", "account", username, details));
		return find(username).orElseThrow();
	}

	private static StaffContact row(ResultSet rs, int n) throws SQLException {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Arrays.stream((String[]) rs.getArray("roles").getArray()).map(Role::valueOf).forEach(roles::add);
		return new StaffContact(rs.getString("username"), rs.getString("full_name"), rs.getString("unit_code"), roles,
				rs.getString("email"), rs.getString("phone"), rs.getBoolean("digest"));
	}
}
