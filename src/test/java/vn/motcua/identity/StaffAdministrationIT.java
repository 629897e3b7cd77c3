package vn.motcua.identity;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.motcua.Api;
import vn.motcua.MotCuaIntegrationTest;
import vn.motcua.TestClock;
import vn.motcua.identity.StaffAdministration.AccountForm;
import vn.motcua.platform.InvalidFields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MotCuaIntegrationTest
class StaffAdministrationIT {

	@LocalServerPort
	int port;

	@Autowired
	StaffAdministration administration;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Test
	void anAdministratorCreatesChangesAndResetsAnAccountAndEveryStepIsAudited() {
		administration.create(new AccountForm("cb.motcua1", "Lê Thị Hoa", "TTPVHCC", Set.of(Role.ONE_STOP_OFFICER), true),
				"Hoa-mot-cua-2026", "admin");
		Api api = new Api(port);
		assertThat(api.tokenRequest("cb.motcua1", "Hoa-mot-cua-2026").status()).isEqualTo(200);

		administration.update(new AccountForm("cb.motcua1", "Lê Thị Hoa", "SXD", EnumSet.of(Role.SPECIALIST), false),
				"admin");
		StaffAccount changed = accounts.find("cb.motcua1").orElseThrow();
		assertThat(changed.unitCode()).isEqualTo("SXD");
		assertThat(changed.roles()).containsExactly(Role.SPECIALIST);
		assertThat(api.tokenRequest("cb.motcua1", "Hoa-mot-cua-2026").status()).as("disabled").isEqualTo(401);

		administration.update(new AccountForm("cb.motcua1", "Lê Thị Hoa", "SXD", EnumSet.of(Role.SPECIALIST), true),
				"admin");
		administration.resetPassword("cb.motcua1", "Mat-khau-moi-2026", "admin");
		assertThat(api.tokenRequest("cb.motcua1", "Mat-khau-moi-2026").status()).isEqualTo(200);

		assertThat(jdbc.sql("select action from audit_record where subject_id = 'cb.motcua1' order by id")
			.query(String.class).list()).containsSubsequence("staff.created", "staff.updated", "staff.updated",
					"staff.password-reset");
	}

	@Test
	void mistakesAreReportedTogetherAndNothingIsWritten() {
		assertThatThrownBy(() -> administration.create(
				new AccountForm("Bad Name", " ", "NOPE", Set.of(Role.SPECIALIST), true), "password", "admin"))
			.isInstanceOfSatisfying(InvalidFields.class, e -> assertThat(e.errors())
				.extracting(InvalidFields.Error::field)
				.contains("username", "fullName", "unitCode", "password"));
		assertThatThrownBy(() -> administration.create(
				new AccountForm("officer", "Trùng tên", "TTPVHCC", Set.of(Role.ONE_STOP_OFFICER), true),
				"Rat-manh-2026-xyz", "admin"))
			.isInstanceOfSatisfying(InvalidFields.class,
					e -> assertThat(e.errors()).extracting(InvalidFields.Error::messageKey).contains("staff.username.taken"));
		assertThatThrownBy(() -> administration.create(
				new AccountForm("cb.nounit", "Không đơn vị", null, Set.of(Role.SPECIALIST), true), "Rat-manh-2026-xyz",
				"admin"))
			.isInstanceOf(InvalidFields.class);
		assertThat(accounts.find("cb.nounit")).isEmpty();
	}

	@Test
	void anAdministratorCannotLockThemselfOut() {
		assertThatThrownBy(() -> administration.update(
				new AccountForm("admin", "Quản trị", "UBND_CM", Set.of(Role.PROVINCE_LEADER), true), "admin"))
			.isInstanceOf(InvalidFields.class);
		assertThatThrownBy(() -> administration.update(
				new AccountForm("admin", "Quản trị", "UBND_CM", Set.of(Role.ADMIN), false), "admin"))
			.isInstanceOf(InvalidFields.class);
		assertThat(accounts.find("admin").orElseThrow().enabled()).isTrue();
	}

	@Test
	void twoFactorIsEnrolledWithAProvenCodeAndResetByAnAdministrator() {
		administration.create(new AccountForm("cb.totp", "Trần Văn Bảo", "STP", Set.of(Role.SPECIALIST), true),
				"Bao-tu-phap-2026", "admin");
		String secret = administration.newTotpSecret();
		assertThat(secret).matches("[A-Z2-7]{32}");
		long step = clock.instant().getEpochSecond() / 30;
		String wrong = Totp.code(secret, step + 10);
		assertThatThrownBy(() -> administration.enrolTwoFactor("cb.totp", secret, wrong))
			.isInstanceOf(InvalidFields.class);
		assertThat(accounts.find("cb.totp").orElseThrow().twoFactor()).isFalse();
		administration.enrolTwoFactor("cb.totp", secret, Totp.code(secret, step));
		assertThat(accounts.find("cb.totp").orElseThrow().twoFactor()).isTrue();
		Api api = new Api(port);
		assertThat(api.tokenRequest("cb.totp", "Bao-tu-phap-2026").json().get("type").asString())
			.endsWith("otp-required");
		administration.resetTwoFactor("cb.totp", "admin");
		assertThat(api.tokenRequest("cb.totp", "Bao-tu-phap-2026").status()).isEqualTo(200);
		assertThat(StaffAdministration.otpauthUri("cb.totp", secret)).startsWith("otpauth://totp/")
			.contains("secret=" + secret, "issuer=MotCua");
	}
}
