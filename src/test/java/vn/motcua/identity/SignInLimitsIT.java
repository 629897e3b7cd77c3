package vn.motcua.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.motcua.Api;
import vn.motcua.MotCuaIntegrationTest;
import vn.motcua.WebSession;
import vn.motcua.identity.StaffAdministration.AccountForm;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits of sign-in under pressure: concurrent guesses, the web form's count and message, revocation of
 * what a disabled account was issued, sessions that anonymous visits do not create, forwarded headers from
 * clients that are not a configured proxy.
 */
@MotCuaIntegrationTest
class SignInLimitsIT {

	private static final String PASSWORD = "Dung-mat-khau-2026";
	private static final AtomicInteger SEQ = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StaffAdministration administration;

	Api api;


	private String freshAccount() {
		String username = "gioihan." + System.nanoTime() % 1_000_000 + "." + SEQ.incrementAndGet();
		administration.create(new AccountForm(username, "Cán bộ thử giới hạn", "STP", EnumSet.of(Role.SPECIALIST), true),
				PASSWORD, "admin");
		return username;
	}

	private long audited(String action, String username) {
		return jdbc.sql("select count(*) from audit_record where action = ? and subject_id = ?")
			.params(action, username)
			.query(Long.class)
			.single();
	}

	@Test
	void thirtyConcurrentGuessesGetNoMoreEvaluationsThanTheLimit() throws Exception {
		String username = freshAccount();
		int guesses = 30;
		ExecutorService pool = Executors.newFixedThreadPool(guesses + 1);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> answers = new ArrayList<>();
		for (int i = 0; i <= guesses; i++) {
			String password = i == guesses ? PASSWORD : "sai-" + i;
			answers.add(pool.submit(() -> {
				start.await();
				return api.tokenRequest(username, password).status();
			}));
		}
		start.countDown();
		List<Integer> statuses = new ArrayList<>();
		for (Future<Integer> f : answers) {
			statuses.add(f.get());
		}
		pool.shutdown();
		long refusedGuesses = statuses.stream().filter(s -> s == 401).count();
		long accepted = statuses.stream().filter(s -> s == 200).count();
		long locked = statuses.stream().filter(s -> s == 429).count();
		// the rule bounds wrong passwords evaluated; the right one, once accepted, takes back its own count, so a
		// guess still waiting may then be evaluated: ten wrong and one right is the most the rule lets through
		assertThat(refusedGuesses).as("wrong passwords evaluated, of %s", statuses)
			.isLessThanOrEqualTo(SignInThrottle.MAX_FAILURES);
		assertThat(accepted).isLessThanOrEqualTo(1);
		assertThat(refusedGuesses + accepted + locked).isEqualTo(guesses + 1);
		assertThat(locked).isGreaterThanOrEqualTo(guesses - SignInThrottle.MAX_FAILURES);
		// each evaluated wrong guess is audited exactly once
		assertThat(audited("auth.sign-in-failed", username)).isEqualTo(refusedGuesses);
	}

	@Test
	void theWebFormCountsEachFailureOnceAndSaysWhenTheLockEnds() {
		String username = freshAccount();
		WebSession web = new WebSession(port);
		for (int i = 0; i < 5; i++) {
			assertThat(WebSession.location(web.signIn(username, "sai-" + i))).endsWith("/login?error");
		}
		assertThat(audited("auth.sign-in-failed", username)).isEqualTo(5);
		for (int i = 5; i < 9; i++) {
			assertThat(WebSession.location(web.signIn(username, "sai-" + i))).endsWith("/login?error");
		}
		// the tenth failure locks the account, and the page says so at once
		assertThat(WebSession.location(web.signIn(username, "sai-9"))).contains("/login?locked=");
		assertThat(audited("auth.sign-in-failed", username)).isEqualTo(10);
		HttpResponse<String> refused = web.signIn(username, PASSWORD);
		String location = WebSession.location(refused);
		assertThat(location).contains("/login?locked=");
		String page = web.get(location).body();
		assertThat(page).containsPattern("tài khoản tạm khóa đến \\d{2}:\\d{2} \\d{2}/\\d{2}/\\d{4}");
	}

	@Test
	void disablingAnAccountEndsItsSessionAndRefusesItsTokenWithinSeconds() throws Exception {
		String username = freshAccount();
		String token = api.tokenRequest(username, PASSWORD).json().get("access_token").asString();
		WebSession web = new WebSession(port);
		assertThat(WebSession.location(web.signIn(username, PASSWORD))).doesNotContain("error");
		assertThat(web.get("/staff").statusCode()).isEqualTo(200);
		assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);

		administration.update(new AccountForm(username, "Cán bộ thử giới hạn", "STP", EnumSet.of(Role.SPECIALIST), false),
				"admin");
		assertThat(web.get("/staff").statusCode()).as("the web session is gone at once").isEqualTo(302);
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		int status = 200;
		while (status == 200 && System.nanoTime() < deadline) {
			status = api.get("/api/v1/me", token).status();
			Thread.sleep(200);
		}
		assertThat(status).isEqualTo(401);
	}

	@Test
	void resettingThePasswordRefusesTokensIssuedBefore() throws Exception {
		String username = freshAccount();
		String token = api.tokenRequest(username, PASSWORD).json().get("access_token").asString();
		assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);
		administration.resetPassword(username, "Mat-khau-moi-hoan-toan-77", "admin");
		Thread.sleep(CredentialVersions.FRESH_FOR.toMillis() + 300);
		assertThat(api.get("/api/v1/me", token).status()).isEqualTo(401);
		String fresh = api.tokenRequest(username, "Mat-khau-moi-hoan-toan-77").json().get("access_token").asString();
		assertThat(api.get("/api/v1/me", fresh).status()).isEqualTo(200);
	}

	@Test
	void anonymousVisitsCreateNoSessionRows() throws Exception {
		long before = jdbc.sql("select count(*) from spring_session").query(Long.class).single();
		HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		for (int i = 0; i < 60; i++) {
			String path = List.of("/staff/dossiers", "/", "/procedures", "/login", "/admin/accounts").get(i % 5);
			HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(r.statusCode()).isLessThan(500);
			assertThat(r.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("MOTCUA_SESSION="));
		}
		assertThat(jdbc.sql("select count(*) from spring_session").query(Long.class).single()).isLessThanOrEqualTo(before);
	}

	@Test
	void forwardedHeadersFromAClientThatIsNoConfiguredProxyAreIgnored() throws Exception {
		HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/authorization/vneid"))
			.header("X-Forwarded-Host", "evil.example")
			.header("X-Forwarded-Proto", "https")
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
		String location = r.headers().firstValue("Location").orElseThrow();
		assertThat(java.net.URLDecoder.decode(location, java.nio.charset.StandardCharsets.UTF_8))
			.contains("redirect_uri=http://localhost:" + port + "/login/oauth2/code/vneid")
			.doesNotContain("evil.example");
	}

	@Autowired
	vn.motcua.TestClock clock;

	@Test
	void anExpiredTokenIsRefusedWithinSecondsOfItsExpiry() {
		String username = freshAccount();
		String token = api.tokenRequest(username, PASSWORD).json().get("access_token").asString();
		assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);
		clock.advance(Duration.ofMinutes(30).plusSeconds(5));
		try {
			assertThat(api.get("/api/v1/me", token).status()).isEqualTo(401);
		}
		finally {
			clock.advance(Duration.ofMinutes(-30).minusSeconds(5));
		}
	}
}
