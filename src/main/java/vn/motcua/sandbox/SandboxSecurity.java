package vn.motcua.sandbox;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

import vn.motcua.platform.DemoMode;

/**
 * The population sandbox is another organisation's system that happens to run in our process: it checks
 * its own API key, keeps no session and takes no CSRF token, like the real platform.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@DemoMode
class SandboxSecurity {

	/** Pages that post to themselves and load only this server's scripts and styles. */
	private static final String PAGES = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
			+ " form-action 'self'; frame-ancestors 'none'";

	@Bean
	@Order(0)
	SecurityFilterChain registrySandboxChain(HttpSecurity http) {
		return open(http, "default-src 'none'; frame-ancestors 'none'", "/sandbox/registry/**", "/sandbox/tsa",
				"/sandbox/dvcqg/auth", "/sandbox/dvcqg/service", "/sandbox/dvcqg/received", "/sandbox/dvcqg/outage",
				"/sandbox/dvcqg/procedures", "/sandbox/dvcqg/procedures/**");
	}

	/**
	 * The payment sandbox likewise: its merchant API is called server to server, and its pay page belongs to
	 * "the gateway", which posts to itself and sends the browser back to MotCua's return address.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain vnpaySandboxChain(HttpSecurity http) {
		return open(http, PAGES, "/sandbox/vnpay/**");
	}

	/**
	 * The message carriers' sandboxes: their gateway APIs are called server to server with their own keys, and
	 * their mailboxes are open to a demo's testers, like the population sandbox.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain messageSandboxChain(HttpSecurity http) {
		return open(http, PAGES, "/sandbox/mail/**", "/sandbox/sms/**", "/sandbox/zalo/**", "/sandbox/mail",
				"/sandbox/sms", "/sandbox/zalo", "/sandbox/s3/**", "/sandbox/dvcqg");
	}

	/** Another organisation's system: no MotCua sign-in, no session, no CSRF token, its own content policy. */
	private static SecurityFilterChain open(HttpSecurity http, String contentSecurityPolicy, String... paths) {
		http.securityMatcher(paths)
			.authorizeHttpRequests(a -> a.anyRequest().permitAll())
			.csrf(c -> c.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(contentSecurityPolicy)));
		return http.build();
	}
}
