package vn.motcua.sandbox;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2RefreshTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import vn.motcua.identifiers.Sex;
import vn.motcua.platform.DemoMode;
import vn.motcua.sandbox.SyntheticPopulation.Person;

/**
 * The sandbox of the national e-ID sign-in (VNeID through the national portal's SSO): a Spring Authorization
 * Server whose issuer is {@code {host}/sandbox/idp}, with discovery, authorization code + PKCE, RS256 ID
 * tokens carrying the national claim names ({@code SoDinhDanh}, {@code HoVaTen}, {@code NgayThangNamSinh},
 * {@code loAs}, {@code acr}, business claims), userinfo and RP-initiated logout. Its session state lives under
 * its own keys so that it never mixes with MotCua's own sign-in in the same browser.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@DemoMode
public class SandboxIdentityProvider {

	public static final String PREFIX = "/sandbox/idp";
	static final String CLIENT_ID = "motcua";
	static final String CLIENT_SECRET = "sandbox-client-secret";
	private static final DateTimeFormatter NATIONAL_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

	/** The provider's own session keys: its signed-in citizen and the request waiting for sign-in. */
	public record IdpSession(HttpSessionSecurityContextRepository contexts, HttpSessionRequestCache requests) {
	}

	@Bean
	IdpSession sandboxIdpSession() {
		HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
		contexts.setSpringSecurityContextKey("MOTCUA_SANDBOX_IDP_CONTEXT");
		HttpSessionRequestCache requests = new HttpSessionRequestCache();
		requests.setSessionAttrName("MOTCUA_SANDBOX_IDP_REQUEST");
		requests.setMatchingRequestParameterName(null);
		return new IdpSession(contexts, requests);
	}

	@Bean
	@Order(-2)
	SecurityFilterChain sandboxIdpEndpoints(HttpSecurity http, IdpSession session, Environment environment,
			PasswordEncoder passwords) {
		JWKSource<SecurityContext> keys = keys();
		OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
		RequestMatcher endpoints = new AndRequestMatcher(PathPatternRequestMatcher.pathPattern(PREFIX + "/**"),
				server.getEndpointsMatcher());
		OAuth2AuthorizationService authorizations = new InMemoryOAuth2AuthorizationService();
		// the key set is this provider's alone, not a bean other modules' token handling could pick up
		http.setSharedObject(JWKSource.class, keys);
		http.securityMatcher(endpoints)
			.with(server, as -> as.registeredClientRepository(new Clients(environment, passwords))
				.authorizationService(authorizations)
				.authorizationServerSettings(AuthorizationServerSettings.builder().multipleIssuersAllowed(true).build())
				.tokenGenerator(tokens(keys))
				.authorizationEndpoint(a -> a.authenticationProviders(providers -> providers.forEach(p -> {
					if (p instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider codes) {
						codes.setAuthenticationValidator(SandboxIdentityProvider::validateRedirect);
					}
				})))
				// a failed token request (wrong PKCE verifier, wrong client) burns the code, as the national SSO does
				.clientAuthentication(c -> c.errorResponseHandler(burnCode(authorizations)))
				.tokenEndpoint(t -> t.errorResponseHandler(burnCode(authorizations)))
				.oidc(oidc -> oidc.userInfoEndpoint(u -> u.userInfoMapper(c -> userInfo(c.getAuthorization())))))
			.authorizeHttpRequests(a -> a.anyRequest().authenticated())
			.oauth2ResourceServer(rs -> rs.jwt(j -> j.decoder(decoder(keys))))
			.securityContext(c -> c.securityContextRepository(session.contexts()))
			.requestCache(c -> c.requestCache(session.requests()))
			.exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(PREFIX + "/login")))
			.csrf(c -> c.ignoringRequestMatchers(endpoints));
		return http.build();
	}

	@Bean
	@Order(-1)
	SecurityFilterChain sandboxIdpPages(HttpSecurity http, IdpSession session) {
		http.securityMatcher(PREFIX + "/**")
			.authorizeHttpRequests(a -> a.anyRequest().permitAll())
			.securityContext(c -> c.securityContextRepository(session.contexts()))
			.requestCache(c -> c.requestCache(session.requests()))
			.csrf(c -> c.csrfTokenRepository(new CookieCsrfTokenRepository()));
		return http.build();
	}

	/**
	 * The national SSO checks redirect URIs exactly. Spring's default lets a loopback address through on any
	 * port (RFC 8252's rule for native apps) and refuses {@code localhost}; here only a registered URI, character
	 * for character, is accepted, and a refusal is shown, never redirected.
	 */
	private static void validateRedirect(
			org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext context) {
		OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
		String requested = request.getRedirectUri();
		if (requested == null || !context.getRegisteredClient().getRedirectUris().contains(requested)) {
			OAuth2AuthorizationCodeRequestAuthenticationToken withoutRedirect = new OAuth2AuthorizationCodeRequestAuthenticationToken(
					request.getAuthorizationUri(), request.getClientId(), (Authentication) request.getPrincipal(), null,
					request.getState(), request.getScopes(), request.getAdditionalParameters());
			throw new org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException(
					new org.springframework.security.oauth2.core.OAuth2Error("invalid_request",
							"OAuth 2.0 Parameter: redirect_uri (not registered)", null),
					withoutRedirect);
		}
		OAuth2AuthorizationCodeRequestAuthenticationValidator.DEFAULT_SCOPE_VALIDATOR.accept(context);
	}

	/** Answers a token-endpoint failure as usual, after removing the authorization its code belongs to. */
	private static org.springframework.security.web.authentication.AuthenticationFailureHandler burnCode(
			OAuth2AuthorizationService authorizations) {
		var standard = new org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ErrorAuthenticationFailureHandler();
		return (request, response, e) -> {
			String code = request.getParameter("code");
			if (code != null && "authorization_code".equals(request.getParameter("grant_type"))) {
				OAuth2Authorization authorization = authorizations.findByToken(code,
						new org.springframework.security.oauth2.server.authorization.OAuth2TokenType("code"));
				if (authorization != null) {
					authorizations.remove(authorization);
				}
			}
			standard.onAuthenticationFailure(request, response, e);
		};
	}

	private static OAuth2TokenGenerator<?> tokens(JWKSource<SecurityContext> keys) {
		JwtGenerator jwt = new JwtGenerator(new NimbusJwtEncoder(keys));
		jwt.setJwtCustomizer(SandboxIdentityProvider::nationalClaims);
		return new DelegatingOAuth2TokenGenerator(jwt, new OAuth2RefreshTokenGenerator());
	}

	private static void nationalClaims(JwtEncodingContext context) {
		Authentication principal = context.getPrincipal();
		if (!(principal.getPrincipal() instanceof SandboxCitizen citizen)) {
			return;
		}
		if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
			claims(citizen).forEach((k, v) -> context.getClaims().claim(k, v));
		}
		context.getClaims().claim("preferred_username", citizen.idNumber());
	}

	static Map<String, Object> claims(SandboxCitizen citizen) {
		Person p = SyntheticPopulation.byIdNumber(citizen.idNumber()).orElseThrow();
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("SoDinhDanh", p.idNumber());
		claims.put("HoVaTen", p.fullName());
		claims.put("NgayThangNamSinh", NATIONAL_DATE.format(p.dateOfBirth()));
		claims.put("GioiTinh", p.sex() == Sex.MALE ? 1 : 2);
		claims.put("ThuongTru", p.permanentAddress());
		claims.put("loAs", "LoA" + citizen.level());
		claims.put("acr", Integer.toString(citizen.level()));
		claims.put("loginIdp", "BCA");
		claims.put("LoaiTaiKhoan", citizen.taxCode() == null ? "1" : "2");
		if (citizen.taxCode() != null) {
			claims.put("MaSoDoanhNghiep", citizen.taxCode());
			claims.put("TenDoanhNghiep", citizen.businessName());
			claims.put("DiaChi", "Khóm 5, phường An Xuyên, tỉnh Cà Mau");
		}
		return claims;
	}

	private static OidcUserInfo userInfo(OAuth2Authorization authorization) {
		Authentication principal = authorization.getAttribute(java.security.Principal.class.getName());
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("sub", authorization.getPrincipalName());
		if (principal != null && principal.getPrincipal() instanceof SandboxCitizen citizen) {
			claims.putAll(claims(citizen));
		}
		return new OidcUserInfo(claims);
	}

	private static JwtDecoder decoder(JWKSource<SecurityContext> keys) {
		return NimbusJwtDecoder.withJwkSource(keys).build();
	}

	private static JWKSource<SecurityContext> keys() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
				.keyID(UUID.randomUUID().toString())
				.build();
			return new ImmutableJWKSet<>(new JWKSet(key));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * The one client, MotCua itself, registered with the redirect URIs of this server's port (known only
	 * once it listens) on localhost and 127.0.0.1, plus any given in {@code motcua.sandbox.idp-redirect-base}.
	 */
	static final class Clients implements RegisteredClientRepository {

		private final Environment environment;
		private final PasswordEncoder passwords;
		private volatile @Nullable RegisteredClient client;

		Clients(Environment environment, PasswordEncoder passwords) {
			this.environment = environment;
			this.passwords = passwords;
		}

		@Override
		public void save(RegisteredClient registeredClient) {
			throw new UnsupportedOperationException("the sandbox has one fixed client");
		}

		@Override
		public @Nullable RegisteredClient findById(String id) {
			RegisteredClient c = client();
			return c.getId().equals(id) ? c : null;
		}

		@Override
		public @Nullable RegisteredClient findByClientId(String clientId) {
			RegisteredClient c = client();
			return c.getClientId().equals(clientId) ? c : null;
		}

		private RegisteredClient client() {
			RegisteredClient c = client;
			if (c == null) {
				List<String> bases = new ArrayList<>();
				String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
				bases.add("http://localhost:" + port);
				bases.add("http://127.0.0.1:" + port);
				String extra = environment.getProperty("motcua.sandbox.idp-redirect-base");
				if (extra != null && !extra.isBlank()) {
					bases.add(extra.replaceAll("/+$", ""));
				}
				c = RegisteredClient.withId("motcua-sandbox-client")
					.clientId(CLIENT_ID)
					.clientSecret(passwords.encode(CLIENT_SECRET))
					.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
					.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
					.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
					.redirectUris(uris -> bases.forEach(b -> uris.add(b + "/login/oauth2/code/vneid")))
					.postLogoutRedirectUris(uris -> bases.forEach(b -> uris.add(b + "/?signedOut")))
					.scope(OidcScopes.OPENID)
					.scope(OidcScopes.PROFILE)
					.clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).requireProofKey(true).build())
					.tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(10)).build())
					.build();
				client = c;
			}
			return c;
		}
	}
}
