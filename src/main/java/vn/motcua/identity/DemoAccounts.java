package vn.motcua.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditLog;
import vn.motcua.platform.DemoMode;
import vn.motcua.platform.DemoSeed;

/**
 * The demonstration staff of docs/api.md (password = user name), created once and flagged {@code demo} so a
 * later production start disables them.
 */
@Component
@DemoMode
@Order(200)
class DemoAccounts implements DemoSeed {

	record Demo(String username, String fullName, @Nullable String unitCode, Set<Role> roles) {
	}

	static final List<Demo> ACCOUNTS = List.of(
			new Demo("admin", "Quản trị hệ thống", "UBND_CM", EnumSet.of(Role.ADMIN)),
			new Demo("officer", "Nguyễn Thị Mai (một cửa tỉnh)", "TTPVHCC", EnumSet.of(Role.ONE_STOP_OFFICER)),
			new Demo("specialist", "Trần Văn Bình (chuyên viên Sở Xây dựng)", "SXD", EnumSet.of(Role.SPECIALIST)),
			new Demo("leader", "Lê Hoàng Nam (lãnh đạo Sở Xây dựng)", "SXD", EnumSet.of(Role.DEPARTMENT_LEADER)),
			new Demo("province", "Phạm Minh Tuấn (lãnh đạo UBND tỉnh)", "UBND_CM", EnumSet.of(Role.PROVINCE_LEADER)),
			new Demo("officer.anxuyen", "Võ Thị Hồng (một cửa phường An Xuyên)", "P_ANXUYEN",
					EnumSet.of(Role.ONE_STOP_OFFICER)),
			new Demo("specialist.stp", "Đặng Quốc Huy (chuyên viên Sở Tư pháp)", "STP", EnumSet.of(Role.SPECIALIST)),
			new Demo("leader.stp", "Huỳnh Thanh Tâm (lãnh đạo Sở Tư pháp)", "STP", EnumSet.of(Role.DEPARTMENT_LEADER)),
			// the demo internal process of construction permits runs through this division and consults land
			new Demo("specialist.qlxd", "Ngô Minh Khoa (chuyên viên Phòng Quản lý xây dựng)", "SXD_QLXD",
					EnumSet.of(Role.SPECIALIST)),
			new Demo("leader.qlxd", "Trương Thị Lan (trưởng Phòng Quản lý xây dựng)", "SXD_QLXD",
					EnumSet.of(Role.DEPARTMENT_LEADER)),
			new Demo("specialist.snnmt", "Phan Văn Lợi (chuyên viên Sở Nông nghiệp và Môi trường)", "SNNMT",
					EnumSet.of(Role.SPECIALIST)));

	private final JdbcStaffAccounts accounts;
	private final PasswordEncoder passwords;
	private final TransactionTemplate tx;
	private final AuditLog audit;
	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	DemoAccounts(JdbcStaffAccounts accounts, PasswordEncoder passwords, TransactionTemplate tx, AuditLog audit,
			org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.passwords = passwords;
		this.tx = tx;
		this.audit = audit;
	}

	@Override
	public void seed() {
		for (Demo d : ACCOUNTS) {
			if (accounts.exists(d.username())) {
				continue;
			}
			String hash = passwords.encode(d.username()); // outside the transaction: hashing is slow on purpose
			tx.executeWithoutResult(s -> {
				accounts.create(d.username(), d.fullName(), d.unitCode(), hash, d.roles(), true);
				// addresses the sandboxes show: the morning digest and consultations reach demo staff too
				jdbc.sql("update staff_account set email = ?, phone = ? where username = ?")
					.params(d.username() + "@demo.motcua.vn", demoPhone(d.username()), d.username())
					.update();
				audit.record(AuditEntry.of("system", "account.created", "account", d.username())
					.with(Map.of("roles", d.roles().stream().map(Enum::name).sorted().toList(), "demo", true)));
			});
		}
	}

	/** A Viettel-range number per demo account, stable across restarts. */
	static String demoPhone(String username) {
		return "0869" + String.format("%06d", Math.floorMod(username.hashCode(), 1_000_000));
	}
}
