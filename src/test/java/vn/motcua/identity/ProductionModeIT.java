package vn.motcua.identity;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import vn.motcua.Api;
import vn.motcua.MotCuaApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Production mode refuses to start without strong secrets and a first administrator, and seeds no
 * password. Each start uses its own database on the shared embedded server.
 */
class ProductionModeIT {

	static final String SECRET = "pX7#kQ2!vL9$mZ4&wR8*tY3^bN6@cH1%";

	@Test
	void refusesToStartWithoutATokenSecret() {
		assertThatThrownBy(() -> start("prod_nosecret", Map.of("motcua.admin.username", "quantri",
				"motcua.admin.password", "Str0ng!Passw0rd#2026")))
			.hasStackTraceContaining("MOTCUA_TOKEN_SECRET is missing");
	}

	@Test
	void refusesToStartWithAWeakTokenSecret() {
		assertThatThrownBy(() -> start("prod_weaksecret", Map.of("motcua.token-secret", "changeme-changeme-changeme-12345",
				"motcua.admin.username", "quantri", "motcua.admin.password", "Str0ng!Passw0rd#2026")))
			.hasStackTraceContaining("too easy to guess");
	}

	@Test
	void refusesToStartWithoutThePaymentGatewaysTerminal() {
		assertThatThrownBy(() -> start("prod_novnpay", Map.of("motcua.token-secret", SECRET, "motcua.admin.username",
				"quantri", "motcua.admin.password", "Str0ng!Passw0rd#2026", "no-vnpay", true)))
			.hasStackTraceContaining("MOTCUA_VNPAY_TMN_CODE");
	}

	@Test
	void refusesToStartWithoutAFirstAdministrator() {
		assertThatThrownBy(() -> start("prod_noadmin", Map.of("motcua.token-secret", SECRET)))
			.hasStackTraceContaining("no administrator exists");
	}

	@Test
	void refusesAWeakFirstAdministratorPassword() {
		assertThatThrownBy(() -> start("prod_weakadmin", Map.of("motcua.token-secret", SECRET,
				"motcua.admin.username", "quantri", "motcua.admin.password", "quantri123")))
			.hasStackTraceContaining("MOTCUA_ADMIN_PASSWORD is weak");
	}

	@Test
	void startsWithTheBootstrapAdministratorAndNoDemoAccounts() {
		try (ConfigurableApplicationContext app = start("prod_ok", Map.of("motcua.token-secret", SECRET,
				"motcua.admin.username", "quantri", "motcua.admin.password", "Str0ng!Passw0rd#2026"))) {
			Api api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
			assertThat(api.get("/login").header("Content-Security-Policy"))
				.as("paying online redirects the citizen's form to the gateway").contains("form-action 'self' https://pay.example.vn");
			// an administrator must turn on two-factor before the API serves them
			Api.Response unenrolled = api.tokenRequest("quantri", "Str0ng!Passw0rd#2026");
			assertThat(unenrolled.status()).isEqualTo(403);
			assertThat(unenrolled.json().get("type").asString()).endsWith("otp-enrolment-required");
			StaffAdministration administration = app.getBean(StaffAdministration.class);
			String secret = administration.newTotpSecret();
			long step = app.getBean(java.time.Clock.class).instant().getEpochSecond() / 30;
			administration.enrolTwoFactor("quantri", secret, Totp.code(secret, step));
			assertThat(api.tokenRequest("quantri", "Str0ng!Passw0rd#2026").status()).as("OTP now required").isEqualTo(401);
			assertThat(api.postJson("/api/v1/auth/token", Map.of("username", "quantri", "password",
					"Str0ng!Passw0rd#2026", "otp", Totp.code(secret, step)), null).status()).isEqualTo(200);
			for (String demo : new String[] { "admin", "officer", "specialist", "leader", "province" }) {
				assertThat(api.tokenRequest(demo, demo).status()).as(demo).isEqualTo(401);
			}
			assertThat(api.get("/api/v1/agencies").json().size()).isZero();
			assertThat(api.get("/").body()).doesNotContain("Bản trình diễn");
		}
	}

	@Test
	void aDatabaseThatOnceRanDemoModeLosesItsDemoAccountsInProduction() {
		start("prod_fromdemo", Map.of("motcua.mode", "demo")).close();
		try (ConfigurableApplicationContext app = start("prod_fromdemo", Map.of("motcua.token-secret", SECRET,
				"motcua.admin.username", "quantri", "motcua.admin.password", "Str0ng!Passw0rd#2026"))) {
			Api api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
			assertThat(api.tokenRequest("admin", "admin").status()).isEqualTo(401);
			assertThat(api.tokenRequest("quantri", "Str0ng!Passw0rd#2026").json().get("type").asString())
				.endsWith("otp-enrolment-required");
		}
	}

	private static ConfigurableApplicationContext start(String database, Map<String, Object> properties) {
		Map<String, Object> all = new HashMap<>(properties);
		all.put("motcua.db.embedded-database", database);
		all.put("server.port", "0");
		all.put("db-scheduler.enabled", "false");
		all.putIfAbsent("motcua.mode", "production");
		if (!all.containsKey("no-vnpay")) {
			all.putIfAbsent("motcua.vnpay.tmn-code", "CAMAU001");
			all.putIfAbsent("motcua.vnpay.hash-secret", "a-secret-the-gateway-issued-0123456789");
			all.putIfAbsent("motcua.vnpay.url", "https://pay.example.vn/vpcpay.html");
		}
		all.remove("no-vnpay");
		// as command-line arguments, which outrank application.yml like an operator's flags do
		return new SpringApplicationBuilder(MotCuaApplication.class)
			.run(all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
	}
}
