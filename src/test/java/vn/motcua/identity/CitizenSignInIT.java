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

	/** At the provider: its sign-in page, the chosen person, then back through MotCua's callback. */
	private static HttpResponse<String> signInAtProvider(WebSession web, String authorize, String idNumber, int level) {
		String login = WebSession.location(web.get(authorize));
		HttpResponse<String> signedIn = web.post(login, WebSession.csrf(web.get(login).body()),
				"idNumber=" + idNumber + "&level=" + level);
		return web.follow(signedIn, 5);
	}
}
