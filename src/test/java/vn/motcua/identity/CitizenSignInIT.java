package vn.motcua.identity;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.motcua.MotCuaIntegrationTest;
import vn.motcua.WebSession;
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

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CitizenAccounts accounts;

	@Test
	void aLevelTwoCitizenSignsInWithPkceAndIsRecordedWithTheirLevel() {
		WebSession web = new WebSession(port);
		DemoCitizen citizen = DemoCitizens.all().stream().filter(c -> c.level() == 2 && c.taxCode() == null)
			.findFirst().orElseThrow();
		String authorize = WebSession.location(web.get("/oauth2/authorization/vneid"));
		assertThat(authorize).startsWith("http://127.0.0.1:" + port + "/sandbox/idp/oauth2/authorize")
			.contains("code_challenge_method=S256", "code_challenge=", "state=", "nonce=", "client_id=motcua");

		HttpResponse<String> account = signInAtProvider(web, authorize, citizen.person().idNumber(), 2);
		assertThat(account.statusCode()).isEqualTo(200);
		assertThat(account.body()).contains(citizen.person().fullName(), "Mức độ 2",
				citizen.person().permanentAddress(), "registry-verified");

		CitizenAccount stored = accounts.find(citizen.person().idNumber()).orElseThrow();
		assertThat(stored.assuranceLevel()).isEqualTo(2);
		assertThat(stored.dateOfBirth()).isEqualTo(citizen.person().dateOfBirth());
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'auth.citizen-sign-in' and subject_id = ?")
			.param(citizen.person().idNumber()).query(Long.class).single()).isEqualTo(1);
		// the prefill lookup is logged under the citizen's own name, and they can see it
		assertThat(web.get("/account/lookups").body()).contains("Công dân xem thông tin cá nhân để điền sẵn hồ sơ");
		// coming back to the page in the same session asks the registry no more
		long lookups = jdbc.sql("select count(*) from registry_lookup where id_number = ?")
			.param(citizen.person().idNumber()).query(Long.class).single();
		assertThat(web.get("/account").body()).contains(citizen.person().permanentAddress(), "registry-verified");
		assertThat(jdbc.sql("select count(*) from registry_lookup where id_number = ?")
			.param(citizen.person().idNumber()).query(Long.class).single()).isEqualTo(lookups);

		// staff pages stay closed to a citizen
		assertThat(web.get("/staff").statusCode()).isEqualTo(403);

		// sign-out goes through the provider's end-session endpoint and back home
		String endSession = WebSession.location(web.post("/logout", WebSession.csrf(account.body()), ""));
		assertThat(endSession).startsWith("http://127.0.0.1:" + port + "/sandbox/idp/connect/logout?id_token_hint=");
		assertThat(web.get(endSession).headers().firstValue("Location")).contains("http://localhost:" + port + "/?signedOut");
		assertThat(web.get("/account").statusCode()).isEqualTo(302);
		// the provider's session is over too: a new authorization asks for sign-in again
		HttpResponse<String> again = web.get(WebSession.location(web.get("/oauth2/authorization/vneid")));
		assertThat(WebSession.location(again)).isEqualTo("http://127.0.0.1:" + port + "/sandbox/idp/login");
	}

	@Test
	void aLevelOneCitizenIsToldBeforeFilingAProcedureThatNeedsLevelTwo() {
		WebSession web = new WebSession(port);
		DemoCitizen citizen = DemoCitizens.all().stream().filter(c -> c.level() == 1).findFirst().orElseThrow();
		String authorize = WebSession.location(web.get("/oauth2/authorization/vneid"));
		assertThat(signInAtProvider(web, authorize, citizen.person().idNumber(), 1).body()).contains("Mức độ 1");
		String code = jdbc.sql("select procedure_code from procedure_setting where min_assurance_level = 2 limit 1")
			.query(String.class).single();
		assertThat(web.get("/procedures/" + code).body()).contains("level-too-low", "mức độ 1")
			.doesNotContain("id=\"submit-online\"");
		String open = jdbc.sql("""
				select code from procedure p where online_level <> 'NONE' and not internal
				  and not exists (select 1 from procedure_setting s where s.procedure_code = p.code) limit 1""")
			.query(String.class).single();
		assertThat(web.get("/procedures/" + open).body()).contains("id=\"submit-online\"")
			.doesNotContain("level-too-low");
	}

	@Test
	void theProviderRefusesUnregisteredRedirectsAndUnknownPeople() {
		WebSession web = new WebSession(port);
		String authorize = WebSession.location(web.get("/oauth2/authorization/vneid"));
		String evil = authorize.replaceAll("redirect_uri=[^&]+", "redirect_uri=https://evil.example/cb");
		assertThat(web.get(evil).headers().firstValue("Location").orElse("")).doesNotStartWith("https://evil.example");
		String login = "http://127.0.0.1:" + port + "/sandbox/idp/login";
		HttpResponse<String> unknown = web.post(login, WebSession.csrf(web.get(login).body()),
				"idNumber=096085999999&level=2");
		assertThat(unknown.statusCode()).isEqualTo(200);
		assertThat(unknown.body()).contains("Không có công dân mang số định danh này");
	}

	@Test
	void theProviderIsAsStrictAsTheNationalOne_exactRedirectAndACodeBurntByAFailedPkceCheck() throws Exception {
		WebSession web = new WebSession(port);
		String authorize = WebSession.location(web.get("/oauth2/authorization/vneid"));
		// a loopback address on another port is not registered: refused, not redirected
		String otherPort = authorize.replaceAll("redirect_uri=[^&]+",
				"redirect_uri=" + java.net.URLEncoder.encode("http://127.0.0.1:" + (port + 1) + "/login/oauth2/code/vneid",
						java.nio.charset.StandardCharsets.UTF_8));
		HttpResponse<String> refused = web.get(otherPort);
		assertThat(refused.headers().firstValue("Location").orElse("")).doesNotContain(":" + (port + 1));

		// sign in at the provider, but stop before MotCua's callback
		String login = WebSession.location(web.get(authorize));
		HttpResponse<String> r = web.post(login, WebSession.csrf(web.get(login).body()), "idNumber="
				+ DemoCitizens.all().get(0).person().idNumber() + "&level=2");
		while (!WebSession.location(r).startsWith("http://localhost:" + port + "/login/oauth2/code/vneid")) {
			r = web.get(WebSession.location(r));
		}
		String callback = WebSession.location(r);
		String code = java.net.URLDecoder.decode(callback.replaceAll(".*[?&]code=([^&]+).*", "$1"),
				java.nio.charset.StandardCharsets.UTF_8);
		// someone holding the code but not the verifier tries it: refused, and the code is spent
		java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
		HttpResponse<String> stolen = http.send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/sandbox/idp/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Authorization", "Basic " + java.util.Base64.getEncoder()
				.encodeToString("motcua:sandbox-client-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code="
					+ java.net.URLEncoder.encode(code, java.nio.charset.StandardCharsets.UTF_8) + "&redirect_uri="
					+ java.net.URLEncoder.encode("http://localhost:" + port + "/login/oauth2/code/vneid",
							java.nio.charset.StandardCharsets.UTF_8)
					+ "&code_verifier=not-the-verifier-not-the-verifier-not-the-verifier"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(stolen.statusCode()).isEqualTo(400);
		assertThat(stolen.body()).contains("invalid_grant");
		// MotCua's own exchange with the right verifier now fails too: the citizen is told, nobody is signed in
		HttpResponse<String> back = web.get(callback);
		assertThat(WebSession.location(back)).endsWith("/login?citizenError");
		assertThat(web.get("/account").statusCode()).isEqualTo(302);
	}

	/** At the provider: its sign-in page, the chosen person, then back through MotCua's callback. */
	private static HttpResponse<String> signInAtProvider(WebSession web, String authorize, String idNumber, int level) {
		String login = WebSession.location(web.get(authorize));
		HttpResponse<String> signedIn = web.post(login, WebSession.csrf(web.get(login).body()),
				"idNumber=" + idNumber + "&level=" + level);
		return web.follow(signedIn, 5);
	}
}
