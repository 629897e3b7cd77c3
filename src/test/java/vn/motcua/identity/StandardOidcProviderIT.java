package vn.motcua.identity;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.nimbusds.jwt.SignedJWT;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import vn.motcua.MotCuaIntegrationTest;
import vn.motcua.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * e-ID sign-in against a provider that is not ours: navikt's mock-oauth2-server, a standard OpenID Connect
 * provider signing its ID tokens with ES256 and sending only standard claims ({@code sub}, {@code name},
 * {@code birthdate}, {@code acr}). MotCua is pointed at it by configuration alone: issuer, client, and the level
 * its {@code acr} means.
 */
@MotCuaIntegrationTest
class StandardOidcProviderIT {

	static final MockOAuth2Server provider = new MockOAuth2Server(new OAuth2Config(false, null, null, false,
			new OAuth2TokenProvider(new KeyProvider(List.of(), "ES256"))));

	static {
		provider.start();
	}

	@DynamicPropertySource
	static void pointAtTheProvider(DynamicPropertyRegistry registry) {
		registry.add("motcua.oidc.issuer-uri", () -> provider.issuerUrl("idp").toString());
		registry.add("motcua.oidc.client-id", () -> "motcua-test");
		registry.add("motcua.oidc.client-secret", () -> "test-secret");
		registry.add("motcua.oidc.level2-values", () -> "http://eidas.europa.eu/LoA/substantial");
	}

	@AfterAll
	static void stop() {
		provider.shutdown();
	}

	@LocalServerPort
	int port;

	@Autowired
	CitizenAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void standardClaimsSignACitizenInWithNameBirthDateAndLevel() {
		provider.enqueueCallback(new DefaultOAuth2TokenCallback("idp", "096085007721", "JWT", List.of("motcua-test"),
				Map.of("name", "Phạm Minh Châu", "birthdate", "1985-07-21", "acr",
						"http://eidas.europa.eu/LoA/substantial"), 3600));
		WebSession web = new WebSession(port);
		String authorize = WebSession.location(web.get("/oauth2/authorization/vneid"));
		assertThat(authorize).startsWith(provider.authorizationEndpointUrl("idp").toString())
			.contains("code_challenge_method=S256", "client_id=motcua-test", "scope=openid%20profile");

		HttpResponse<String> account = web.follow(web.get(authorize), 5);
		assertThat(account.statusCode()).isEqualTo(200);
		assertThat(account.body()).contains("Phạm Minh Châu", "Mức độ 2");
		CitizenAccount stored = accounts.find("096085007721").orElseThrow();
		assertThat(stored.fullName()).isEqualTo("Phạm Minh Châu");
		assertThat(stored.dateOfBirth()).isEqualTo(java.time.LocalDate.of(1985, 7, 21));
		assertThat(stored.assuranceLevel()).isEqualTo(2);
		// the token exchange really was ES256
		SignedJWT sample = provider.issueToken("idp", "x", new DefaultOAuth2TokenCallback("idp", "x"));
		assertThat(sample.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
	}

	@Test
	void aProviderThatSendsNoIdNumberIsAFailedSignInTheVisitorIsToldAbout() {
		provider.enqueueCallback(new DefaultOAuth2TokenCallback("idp", "opaque-subject-7f3a", "JWT",
				List.of("motcua-test"), Map.of("name", "Không Có Số"), 3600));
		WebSession web = new WebSession(port);
		HttpResponse<String> back = web.get(WebSession.location(web.get(WebSession.location(web.get("/oauth2/authorization/vneid")))));
		assertThat(back.statusCode()).isEqualTo(302);
		assertThat(WebSession.location(back)).endsWith("/login?citizenError");
		assertThat(web.get("/login?citizenError").body()).contains("alert-danger");
		assertThat(jdbc.sql("select count(*) from citizen_account where full_name = 'Không Có Số'").query(Long.class)
			.single()).isZero();
	}

	@Test
	void theRedirectAddressIsThePublicBaseUrlWhenOneIsConfigured() {
		CitizenClientRegistrations registrations = new CitizenClientRegistrations(
				new OidcProperties(provider.issuerUrl("idp").toString(), "c", "s", List.of("openid", "profile", "email"),
						List.of("ES256"), OidcProperties.defaults().claims(), List.of("2")),
				new vn.motcua.platform.MotCuaProperties(vn.motcua.platform.RunMode.PRODUCTION, java.nio.file.Path.of("x"),
						new vn.motcua.platform.MotCuaProperties.Db(null, null, null, "motcua", false,
								java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(30))),
				new org.springframework.mock.env.MockEnvironment().withProperty("motcua.public-base-url",
						"https://dichvucong.camau.gov.vn/"));
		var registration = registrations.findByRegistrationId("vneid");
		assertThat(registration.getRedirectUri()).isEqualTo("https://dichvucong.camau.gov.vn/login/oauth2/code/{registrationId}");
		assertThat(registration.getScopes()).isEqualTo(Set.of("openid", "profile", "email"));
	}
}
