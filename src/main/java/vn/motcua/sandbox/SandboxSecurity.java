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

	@Bean
	@Order(0)
	SecurityFilterChain registrySandboxChain(HttpSecurity http) {
		http.securityMatcher("/sandbox/registry/**")
			.authorizeHttpRequests(a -> a.anyRequest().permitAll())
			.csrf(c -> c.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
		return http.build();
	}

	/**
	 * The payment sandbox likewise: its merchant API is called server to server, and its pay page belongs to
	 * "the gateway", which posts to itself and sends the browser back to MotCua's return address.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain vnpaySandboxChain(HttpSecurity http) {
		http.securityMatcher("/sandbox/vnpay/**")
			.authorizeHttpRequests(a -> a.anyRequest().permitAll())
			.csrf(c -> c.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; script-src 'self';"
					+ " style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'")));
		return http.build();
	}
}
