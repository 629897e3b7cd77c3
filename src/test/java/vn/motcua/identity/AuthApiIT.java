package vn.motcua.identity;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import vn.motcua.Api;
import vn.motcua.MotCuaIntegrationTest;
import vn.motcua.TestClock;

import static org.assertj.core.api.Assertions.assertThat;

@MotCuaIntegrationTest
class AuthApiIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	TestClock clock;

	Api api;


	@Test
	void everyDemoAccountOfTheContractSignsInWithItsRoleAndUnit() {
		Map<String, List<String>> expected = Map.of("admin", List.of("ADMIN"), "officer", List.of("ONE_STOP_OFFICER"),
				"specialist", List.of("SPECIALIST"), "leader", List.of("DEPARTMENT_LEADER"), "province",
				List.of("PROVINCE_LEADER"));
		expected.forEach((user, roles) -> {
			Api.Response token = api.tokenRequest(user, user);
			assertThat(token.status()).as(user).isEqualTo(200);
			assertThat(token.json().get("token_type").asString()).isEqualTo("Bearer");
			assertThat(token.json().get("expires_in").asLong()).isEqualTo(1800);
			Api.Response me = api.get("/api/v1/me", token.json().get("access_token").asString());
			assertThat(me.status()).isEqualTo(200);
			assertThat(me.json().get("username").asString()).isEqualTo(user);
			assertThat(me.json().get("roles").values().stream().map(n -> n.asString()).toList()).isEqualTo(roles);
		});
		assertThat(api.get("/api/v1/me", api.token("officer")).json().get("unitCode").asString()).isEqualTo("TTPVHCC");
		String specialistUnit = api.get("/api/v1/me", api.token("specialist")).json().get("unitCode").asString();
		assertThat(api.get("/api/v1/me", api.token("leader")).json().get("unitCode").asString())
			.isEqualTo(specialistUnit);
	}

	@Test
	void wrongPasswordAndUnknownAccountAreTheSame401() {
		Api.Response wrong = api.tokenRequest("specialist.stp", "nope");
		Api.Response unknown = api.tokenRequest("nobody-here", "nope");
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(unknown.status()).isEqualTo(401);
		assertThat(wrong.contentType()).startsWith("application/problem+json");
		assertThat(wrong.json().get("type").asString()).endsWith("invalid-credentials");
		assertThat(unknown.json().get("type").asString()).isEqualTo(wrong.json().get("type").asString());
	}

	@Test
	void passwordsAreStoredAsArgon2Hashes() {
		String hash = jdbc.sql("select password_hash from staff_account where username = 'officer'")
			.query(String.class)
			.single();
		assertThat(hash).startsWith("{argon2}$argon2id$");
	}

	@Test
	void tenFailuresLockTheAccountForFifteenMinutesEvenForTheRightPassword() {
		createAccount("lockme", "Correct-horse-9");
		List<Integer> statuses = IntStream.range(0, 12).mapToObj(i -> api.tokenRequest("lockme", "bad" + i).status())
			.toList();
		assertThat(statuses.subList(0, 10)).containsOnly(401);
		assertThat(statuses.subList(10, 12)).containsOnly(429);
		Api.Response locked = api.tokenRequest("lockme", "Correct-horse-9");
		assertThat(locked.status()).isEqualTo(429);
		assertThat(locked.json().get("type").asString()).endsWith("account-locked");
		assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 900L);
		// other accounts are unaffected
		assertThat(api.tokenRequest("specialist", "specialist").status()).isEqualTo(200);

		clock.advance(Duration.ofMinutes(14));
		assertThat(api.tokenRequest("lockme", "Correct-horse-9").status()).isEqualTo(429);
		clock.advance(Duration.ofMinutes(2));
		assertThat(api.tokenRequest("lockme", "Correct-horse-9").status()).isEqualTo(200);
	}

	@Test
	void failuresSpreadOverMoreThanFifteenMinutesDoNotLock() {
		createAccount("slowtypist", "Correct-horse-9");
		for (int i = 0; i < 9; i++) {
			assertThat(api.tokenRequest("slowtypist", "bad").status()).isEqualTo(401);
		}
		clock.advance(Duration.ofMinutes(16));
		assertThat(api.tokenRequest("slowtypist", "bad").status()).isEqualTo(401);
		assertThat(api.tokenRequest("slowtypist", "Correct-horse-9").status()).isEqualTo(200);
	}

	@Test
	void twoFactorAccountsNeedTheOneTimeCode() {
		createAccount("twofactor", "Correct-horse-9");
		String secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
		jdbc.sql("update staff_account set totp_secret = ? where username = 'twofactor'").param(secret).update();

		Api.Response missing = api.tokenRequest("twofactor", "Correct-horse-9");
		assertThat(missing.status()).isEqualTo(401);
		assertThat(missing.json().get("type").asString()).endsWith("otp-required");

		String code = Totp.code(secret, clock.instant().getEpochSecond() / 30);
		Api.Response ok = api.postJson("/api/v1/auth/token",
				Map.of("username", "twofactor", "password", "Correct-horse-9", "otp", code), null);
		assertThat(ok.status()).isEqualTo(200);
		String wrongCode = code.equals("000000") ? "111111" : "000000";
		Api.Response bad = api.postJson("/api/v1/auth/token",
				Map.of("username", "twofactor", "password", "Correct-horse-9", "otp", wrongCode), null);
		assertThat(bad.status()).isEqualTo(401);
		assertThat(bad.json().get("type").asString()).endsWith("invalid-otp");
	}

	@Test
	void tokensExpireByTheInjectedClock() {
		Api.Response token = api.tokenRequest("province", "province");
		String value = token.json().get("access_token").asString();
		assertThat(api.get("/api/v1/me", value).status()).isEqualTo(200);
		clock.advance(Duration.ofMinutes(31));
		try {
			Api.Response expired = api.get("/api/v1/me", value);
			assertThat(expired.status()).isEqualTo(401);
			assertThat(expired.contentType()).startsWith("application/problem+json");
		}
		finally {
			clock.advance(Duration.ofMinutes(-31));
		}
	}

	@Test
	void aForgedTokenIsRefused() {
		String token = api.token("officer");
		String[] parts = token.split("\\.");
		String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
		assertThat(api.get("/api/v1/me", forged).status()).isEqualTo(401);
	}

	@Test
	void signInsAndFailuresAreAudited() {
		long before = auditCount("auth.sign-in-failed", "officer");
		api.tokenRequest("officer", "wrong");
		assertThat(auditCount("auth.sign-in-failed", "officer")).isEqualTo(before + 1);
		long signIns = auditCount("auth.sign-in", "officer");
		assertThat(api.tokenRequest("officer", "officer").status()).isEqualTo(200);
		assertThat(auditCount("auth.sign-in", "officer")).isEqualTo(signIns + 1);
	}

	@Test
	void malformedSignInRequestsAre400ProblemDocuments() {
		Api.Response notJson = api.post("/api/v1/auth/token", "{not json", null);
		assertThat(notJson.status()).isEqualTo(400);
		assertThat(notJson.contentType()).startsWith("application/problem+json");
		Api.Response blank = api.postJson("/api/v1/auth/token", Map.of("username", "", "password", "x"), null);
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.json().get("errors").get(0).get("field").asString()).isEqualTo("username");
	}

	private long auditCount(String action, String subject) {
		return jdbc.sql("select count(*) from audit_record where action = ? and subject_id = ?")
			.params(action, subject)
			.query(Long.class)
			.single();
	}

	private void createAccount(String username, String password) {
		jdbc.sql("delete from staff_account where username = ?").param(username).update();
		jdbc.sql("delete from sign_in_failure where username = ?").param(username).update();
		jdbc.sql("delete from account_lock where username = ?").param(username).update();
		jdbc.sql("insert into staff_account (username, full_name, unit_code, password_hash, created_at) values (?, ?, 'STP', ?, now())")
			.params(username, "Test " + username, passwords.encode(password))
			.update();
		jdbc.sql("insert into staff_role (username, role) values (?, 'SPECIALIST')").param(username).update();
	}

	@Test
	void theTokenCarriesRolesAndUnitSoRequestsNeedNoAccountLookup() {
		String token = new vn.motcua.Api(port).token("officer");
		String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
				java.nio.charset.StandardCharsets.UTF_8);
		assertThat(payload).contains("\"unit\":\"TTPVHCC\"", "\"roles\":[\"ONE_STOP_OFFICER\"]");
		String admin = new vn.motcua.Api(port).token("admin");
		assertThat(new String(java.util.Base64.getUrlDecoder().decode(admin.split("\\.")[1]),
				java.nio.charset.StandardCharsets.UTF_8)).contains("\"unit\":\"UBND_CM\"");
	}
}
