package vn.motcua.identity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.motcua.MotCuaIntegrationTest;
import vn.motcua.sandbox.DemoCitizens;
import vn.motcua.sandbox.DemoCitizens.DemoCitizen;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The e-ID flow over plain HTTP, as a browser without JavaScript does it: MotCua redirects to the sandbox
 * provider with PKCE, state and nonce; the tester signs in there; MotCua receives the code, checks the ID
 * token and lands the citizen on their account; sign-out ends both sessions.
 */
@MotCuaIntegrationTest
class CitizenSignInIT {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CitizenAccounts accounts;

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	@Test
	void aLevelTwoCitizenSignsInWithPkceAndIsRecordedWithTheirLevel() throws Exception {
		DemoCitizen citizen = DemoCitizens.all().stream().filter(c -> c.level() == 2 && c.taxCode() == null)
			.findFirst().orElseThrow();
		HttpResponse<String> start = get("http://localhost:" + port + "/oauth2/authorization/vneid");
		String authorize = start.headers().firstValue("Location").orElseThrow();
		assertThat(authorize).startsWith("http://127.0.0.1:" + port + "/sandbox/idp/oauth2/authorize")
			.contains("code_challenge_method=S256", "code_challenge=", "state=", "nonce=", "client_id=motcua");

		HttpResponse<String> account = signInAtProvider(authorize, citizen.person().idNumber(), 2, null);
		assertThat(account.statusCode()).isEqualTo(200);
		assertThat(account.body()).contains(citizen.person().fullName(), "Mức độ 2",
				citizen.person().permanentAddress(), "registry-verified");

		CitizenAccount stored = accounts.find(citizen.person().idNumber()).orElseThrow();
		assertThat(stored.assuranceLevel()).isEqualTo(2);
		assertThat(stored.dateOfBirth()).isEqualTo(citizen.person().dateOfBirth());
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'auth.citizen-sign-in' and subject_id = ?")
			.param(citizen.person().idNumber()).query(Long.class).single()).isEqualTo(1);
		// the prefill lookup is logged under the citizen's own name, and they can see it
		HttpResponse<String> lookups = get("http://localhost:" + port + "/account/lookups");
		assertThat(lookups.body()).contains("Công dân xem thông tin cá nhân để điền sẵn hồ sơ");

		// staff pages stay closed to a citizen
		assertThat(get("http://localhost:" + port + "/staff").statusCode()).isEqualTo(403);

		// sign-out goes through the provider's end-session endpoint and back home
		String csrf = csrf(account.body());
		HttpResponse<String> out = post("http://localhost:" + port + "/logout", "_csrf=" + enc(csrf));
		String endSession = out.headers().firstValue("Location").orElseThrow();
		assertThat(endSession).startsWith("http://127.0.0.1:" + port + "/sandbox/idp/connect/logout?id_token_hint=");
		HttpResponse<String> back = get(endSession);
		assertThat(back.headers().firstValue("Location")).contains("http://localhost:" + port + "/?signedOut");
		assertThat(get("http://localhost:" + port + "/account").statusCode()).isEqualTo(302);
		// the provider's session is over too: a new authorization asks for sign-in again
		HttpResponse<String> again = get(get("http://localhost:" + port + "/oauth2/authorization/vneid").headers()
			.firstValue("Location").orElseThrow());
		assertThat(again.headers().firstValue("Location")).contains("http://127.0.0.1:" + port + "/sandbox/idp/login");
	}

	@Test
	void aLevelOneCitizenIsToldBeforeFilingAProcedureThatNeedsLevelTwo() throws Exception {
		DemoCitizen citizen = DemoCitizens.all().stream().filter(c -> c.level() == 1).findFirst().orElseThrow();
		String authorize = get("http://localhost:" + port + "/oauth2/authorization/vneid").headers()
			.firstValue("Location").orElseThrow();
		assertThat(signInAtProvider(authorize, citizen.person().idNumber(), 1, null).body()).contains("Mức độ 1");
		String code = jdbc.sql("select procedure_code from procedure_setting where min_assurance_level = 2 limit 1")
			.query(String.class).single();
		String page = get("http://localhost:" + port + "/procedures/" + code).body();
		assertThat(page).contains("level-too-low", "mức độ 1").doesNotContain("id=\"submit-online\"");
		String open = jdbc.sql("""
				select code from procedure p where online_level <> 'NONE' and not internal
				  and not exists (select 1 from procedure_setting s where s.procedure_code = p.code) limit 1""")
			.query(String.class).single();
		assertThat(get("http://localhost:" + port + "/procedures/" + open).body()).contains("id=\"submit-online\"")
			.doesNotContain("level-too-low");
	}

	@Test
	void theProviderRefusesUnregisteredRedirectsAndUnknownPeople() throws Exception {
		String authorize = get("http://localhost:" + port + "/oauth2/authorization/vneid").headers()
			.firstValue("Location").orElseThrow();
		String evil = authorize.replaceAll("redirect_uri=[^&]+", "redirect_uri=https://evil.example/cb");
		HttpResponse<String> refused = get(evil);
		assertThat(refused.headers().firstValue("Location").orElse("")).doesNotStartWith("https://evil.example");
		HttpResponse<String> loginPage = get("http://127.0.0.1:" + port + "/sandbox/idp/login");
		HttpResponse<String> unknown = post("http://127.0.0.1:" + port + "/sandbox/idp/login",
				"_csrf=" + enc(csrf(loginPage.body())) + "&idNumber=096085999999&level=2");
		assertThat(unknown.statusCode()).isEqualTo(200);
		assertThat(unknown.body()).contains("Không có công dân mang số định danh này");
	}

	private HttpResponse<String> signInAtProvider(String authorize, String idNumber, int level, String taxCode)
			throws Exception {
		HttpResponse<String> toLogin = get(authorize);
		String loginUrl = toLogin.headers().firstValue("Location").orElseThrow();
		HttpResponse<String> loginPage = get(loginUrl);
		String body = "_csrf=" + enc(csrf(loginPage.body())) + "&idNumber=" + idNumber + "&level=" + level
				+ (taxCode == null ? "" : "&taxCode=" + taxCode);
		HttpResponse<String> r = post(loginUrl, body);
		// back to the authorization endpoint, then to MotCua's callback, then to the account page
		for (int hops = 0; hops < 5 && r.statusCode() == 302; hops++) {
			r = get(r.headers().firstValue("Location").orElseThrow());
		}
		return r;
	}

	private static String csrf(String html) {
		Matcher m = CSRF.matcher(html);
		assertThat(m.find()).as("a CSRF field in the page").isTrue();
		return m.group(1);
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	private HttpResponse<String> get(String url) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String url, String form) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}
}
