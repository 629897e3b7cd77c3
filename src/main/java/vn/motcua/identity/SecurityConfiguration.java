package vn.motcua.identity;

import java.time.Clock;
import java.util.List;
import java.util.Map;


import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import jakarta.servlet.http.HttpServletRequest;
import vn.motcua.platform.FormRedirectOrigin;
import vn.motcua.platform.MotCuaProperties;
import vn.motcua.platform.PublicPaths;

/**
 * Deny by default. Two chains: the API (bearer tokens; a browser session only with CSRF) and the web
 * pages (form sign-in, sessions in PostgreSQL, CSRF on every form). Modules open paths to the public by
 * declaring {@link PublicPaths} beans.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
class SecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	static final String[] STAFF_ROLES = { "ADMIN", "ONE_STOP_OFFICER", "SPECIALIST", "DEPARTMENT_LEADER",
			"PROVINCE_LEADER" };

	/**
	 * Strict: no inline script or style anywhere. htmx is configured (meta htmx-config) not to inject its
	 * indicator style.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
			+ " img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none';"
			+ " base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	/**
	 * No observation around each security filter, authentication and authorization: together they cost more
	 * per API call than the dossier logic (measured by the dossier load benchmark); the HTTP server
	 * observation still times every request.
	 */
	@Bean
	org.springframework.security.config.observation.SecurityObservationSettings securityObservations() {
		return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
	}

	/** The scrape credential runs inside the API's security chain only, not as a servlet filter of its own. */
	@Bean
	org.springframework.boot.web.servlet.FilterRegistrationBean<ScrapeCredential> scrapeCredentialRegistration(
			ScrapeCredential scrape) {
		org.springframework.boot.web.servlet.FilterRegistrationBean<ScrapeCredential> r =
				new org.springframework.boot.web.servlet.FilterRegistrationBean<>(scrape);
		r.setEnabled(false);
		return r;
	}

	@Bean
	RateLimitFilter rateLimitFilter(Clock clock,
			@Value("${motcua.rate-limit.account-per-second:50}") double accountPerSecond,
			@Value("${motcua.rate-limit.account-burst:500}") double accountBurst,
			@Value("${motcua.rate-limit.anonymous-per-second:20}") double anonymousPerSecond,
			@Value("${motcua.rate-limit.anonymous-burst:300}") double anonymousBurst) {
		return new RateLimitFilter(clock,
				new RateLimitFilter.RateLimits(accountPerSecond, accountBurst, anonymousPerSecond, anonymousBurst));
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, List<PublicPaths> publicPaths, RateLimitFilter rateLimit,
			ScrapeCredential scrape) {
		ProblemSecurityHandlers problems = new ProblemSecurityHandlers();
		JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
		authorities.setAuthoritiesClaimName(ApiTokens.ROLES_CLAIM);
		authorities.setAuthorityPrefix("ROLE_");
		JwtAuthenticationConverter jwtAuthentication = new JwtAuthenticationConverter();
		jwtAuthentication.setJwtGrantedAuthoritiesConverter(authorities);
		http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**")
			.authorizeHttpRequests(a -> {
				a.requestMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll();
				a.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll();
				a.requestMatchers("/v3/api-docs", "/v3/api-docs/**").permitAll();
				a.requestMatchers("/actuator/prometheus").hasAnyRole(java.util.stream.Stream
					.concat(java.util.Arrays.stream(STAFF_ROLES), java.util.stream.Stream.of(ScrapeCredential.ROLE))
					.toArray(String[]::new));
				a.requestMatchers("/actuator/**").hasAnyRole(STAFF_ROLES);
				permit(a, publicPaths);
				a.anyRequest().authenticated();
			})
			.oauth2ResourceServer(o -> o.jwt(j -> j.jwtAuthenticationConverter(jwtAuthentication))
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			// CSRF guards only what ambient cookies could forge: unsafe calls riding on a browser session.
			.csrf(c -> c.requireCsrfProtectionMatcher(SecurityConfiguration::unsafeWithSessionCookie)
				// the same cookie as the pages, sent back raw in X-XSRF-TOKEN by scripts of those pages
				.csrfTokenRepository(new CookieCsrfTokenRepository())
				.csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			// an API client is never sent to a login page and back, nor signs out here
			.requestCache(c -> c.disable())
			.logout(l -> l.disable())
			.headers(SecurityConfiguration::apiHeaders)
			.addFilterBefore(scrape, BearerTokenAuthenticationFilter.class)
			.addFilterAfter(rateLimit, BearerTokenAuthenticationFilter.class);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webChain(HttpSecurity http, List<PublicPaths> publicPaths,
			StaffAuthenticator staffAuthenticator, CitizenClientRegistrations registrations,
			CitizenSignIn citizenSignIn, MotCuaProperties properties, JdbcStaffAccounts staffAccounts,
			org.springframework.beans.factory.ObjectProvider<FormRedirectOrigin> formRedirectOrigins) {
		List<FormRedirectOrigin> formRedirects = formRedirectOrigins.orderedStream().toList();
		DefaultOAuth2AuthorizationRequestResolver withPkce = new DefaultOAuth2AuthorizationRequestResolver(
				registrations, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
		withPkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
		// sign-out ends the e-ID provider's session too (RP-initiated logout), then comes back home
		OidcClientInitiatedLogoutSuccessHandler signOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
		signOut.setPostLogoutRedirectUri(registrations.base() + "/?signedOut");
		signOut.setDefaultTargetUrl("/?signedOut");
		ExceptionMappingAuthenticationFailureHandler failures = new ExceptionMappingAuthenticationFailureHandler();
		failures.setDefaultFailureUrl("/login?error");
		failures.setExceptionMappings(Map.of(StaffAuthenticationProvider.OtpMissing.class.getName(), "/login?otp"));
		// a lock is told with its end, which the mapping above cannot put in the address
		org.springframework.security.web.authentication.AuthenticationFailureHandler failureHandler =
				(request, response, e) -> {
					if (e instanceof StaffAuthenticationProvider.AccountLocked locked) {
						response.sendRedirect(request.getContextPath() + "/login?locked=" + locked.until().getEpochSecond());
					}
					else {
						failures.onAuthenticationFailure(request, response, e);
					}
				};
		http.authorizeHttpRequests(a -> {
			a.requestMatchers("/", "/login", "/sign-in", "/error", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico",
					"/swagger-ui.html", "/swagger-ui/**", "/problems/**")
				.permitAll();
			permit(a, publicPaths);
			a.requestMatchers("/admin/**").hasRole("ADMIN");
			a.requestMatchers("/staff/**").hasAnyRole(STAFF_ROLES);
			a.requestMatchers("/account/**", "/account").hasRole("CITIZEN");
			a.anyRequest().authenticated();
		})
			// not a bean: as one it would also sit in the global parent manager, which runs again after a local
			// failure, so that every wrong password was checked (and counted) twice
			.authenticationProvider(new StaffAuthenticationProvider(staffAuthenticator))
			// where to go back after sign-in rides in a cookie: an anonymous visit costs no session row
			.requestCache(c -> c.requestCache(new org.springframework.security.web.savedrequest.CookieRequestCache()))
			.formLogin(f -> f.loginPage("/login")
				.authenticationDetailsSource(StaffAuthenticationProvider.OtpDetails::new)
				.defaultSuccessUrl("/staff", false)
				.failureHandler(failureHandler))
			.oauth2Login(o -> o.loginPage("/login")
				.clientRegistrationRepository(registrations)
				.authorizationEndpoint(a -> a.authorizationRequestResolver(withPkce))
				.userInfoEndpoint(u -> u.oidcUserService(citizenSignIn))
				.defaultSuccessUrl("/account", false)
				.failureHandler((request, response, e) -> {
					log.warn("e-ID sign-in failed: {}", e.getMessage());
					response.sendRedirect(request.getContextPath() + "/login?citizenError");
				}))
			// a citizen sent to sign in (filing, their dossiers) lands on the e-ID page; staff pages on the staff one
			.exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> {
				String path = request.getRequestURI().substring(request.getContextPath().length());
				boolean staffPage = path.startsWith("/staff") || path.startsWith("/admin");
				new org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint(
						staffPage || !registrations.configured() ? "/login" : "/sign-in").commence(request, response, ex);
			}))
			.logout(l -> l.logoutUrl("/logout").logoutSuccessHandler(signOut))
			.addFilterAfter(properties.demo() ? (req, res, chain) -> chain.doFilter(req, res)
					: new AdminTwoFactorGate(staffAccounts), AuthorizationFilter.class)
			// the token lives in a cookie, so anonymous visitors cost no session row
			.csrf(c -> c.csrfTokenRepository(new CookieCsrfTokenRepository()))
			.headers(h -> headers(h).addHeaderWriter((request, response) -> response.setHeader("Content-Security-Policy",
						webPolicy(registrations.issuerOrigin(), formRedirects))));
		return http.build();
	}

	private static void permit(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a,
			List<PublicPaths> publicPaths) {
		for (PublicPaths p : publicPaths) {
			String[] patterns = p.patterns().toArray(String[]::new);
			if (p.method() == null) {
				a.requestMatchers(patterns).permitAll();
			}
			else {
				a.requestMatchers(p.method(), patterns).permitAll();
			}
		}
	}

	/**
	 * Sign-out is a form whose answer redirects to the e-ID provider, and paying online one that redirects to
	 * the gateway, so their origins join form-action.
	 */
	static String webPolicy(@Nullable String issuerOrigin, List<FormRedirectOrigin> others) {
		StringBuilder allowed = new StringBuilder("form-action 'self'");
		if (issuerOrigin != null) {
			allowed.append(' ').append(issuerOrigin);
		}
		others.stream().map(FormRedirectOrigin::origin).filter(o -> !o.equals("'self'")).distinct().forEach(o -> allowed.append(' ').append(o));
		return CONTENT_SECURITY_POLICY.replace("form-action 'self'", allowed.toString());
	}

	private static void apiHeaders(HeadersConfigurer<HttpSecurity> h) {
		headers(h).contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY));
	}

	private static HeadersConfigurer<HttpSecurity> headers(HeadersConfigurer<HttpSecurity> h) {
		return h.frameOptions(f -> f.deny())
			.referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=(), payment=()"));
	}

	private static boolean unsafeWithSessionCookie(HttpServletRequest request) {
		String method = request.getMethod();
		boolean safe = "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)
				|| "TRACE".equals(method);
		String authorization = request.getHeader("Authorization");
		boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
		return !safe && !bearer && request.getRequestedSessionId() != null;
	}
}
