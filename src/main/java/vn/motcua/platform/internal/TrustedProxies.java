package vn.motcua.platform.internal;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * {@code X-Forwarded-For/-Proto/-Host} are believed only from the proxies named in
 * {@code MOTCUA_TRUSTED_PROXIES} (comma-separated addresses); by default from none, so that no client can pose
 * as another address or rewrite the addresses MotCua builds (a payment's return address). Tomcat's own default
 * trusts every private and loopback address.
 */
@Configuration(proxyBeanMethods = false)
class TrustedProxies {

	/** Matches no address. */
	static final String NONE = "(?!)";

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> trustedProxiesOnly(
			@Value("${motcua.trusted-proxies:}") String trusted) {
		String pattern = pattern(trusted);
		// after Boot's own customizer (order 0), which adds the valve
		class AfterBoot implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

			@Override
			public int getOrder() {
				return Ordered.LOWEST_PRECEDENCE;
			}

			@Override
			public void customize(TomcatServletWebServerFactory factory) {
				factory.getEngineValves()
					.stream()
					.filter(RemoteIpValve.class::isInstance)
					.map(RemoteIpValve.class::cast)
					.forEach(v -> {
						v.setInternalProxies(pattern);
						v.setTrustedProxies(NONE);
					});
			}
		}
		return new AfterBoot();
	}

	static String pattern(String trusted) {
		String alternatives = Arrays.stream(trusted.split(","))
			.map(String::strip)
			.filter(s -> !s.isEmpty())
			.map(Pattern::quote)
			.collect(Collectors.joining("|"));
		return alternatives.isEmpty() ? NONE : "^(" + alternatives + ")$";
	}
}
