package vn.motcua.registry;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import vn.motcua.platform.MotCuaProperties;
import vn.motcua.platform.NavigationItem;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegistryProperties.class)
class RegistryConfiguration {

	private static final Logger log = LoggerFactory.getLogger(RegistryConfiguration.class);

	@Bean
	RegistryLookups registryLookups(RegistryProperties settings, MotCuaProperties motcua, Environment environment,
			JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
			io.micrometer.core.instrument.MeterRegistry meters) {
		Supplier<Optional<URI>> base;
		if (settings.baseUrl() != null && !settings.baseUrl().isBlank()) {
			URI configured = URI.create(settings.baseUrl().replaceAll("/+$", ""));
			base = () -> Optional.of(configured);
		}
		else if (motcua.demo()) {
			// the bundled sandbox on this very server, whose port is known only once it listens
			base = () -> Optional.ofNullable(environment.getProperty("local.server.port"))
				.map(port -> URI.create("http://127.0.0.1:" + port + "/sandbox/registry"));
		}
		else {
			log.warn("No population registry configured (MOTCUA_REGISTRY_BASE_URL): every check answers UNAVAILABLE");
			base = Optional::empty;
		}
		RegistryProperties effective = settings.apiKey() == null && motcua.demo()
				? new RegistryProperties(settings.baseUrl(), "sandbox-registry-key", settings.connectTimeout(),
						settings.timeout(), settings.retries(), settings.backoff(), settings.breakerThreshold(),
						settings.breakerOpenFor())
				: settings;
		CircuitBreaker breaker = new CircuitBreaker(clock, effective.breakerThresholdOrDefault(),
				effective.breakerOpenForOrDefault());
		return new JdbcRegistryLookups(new HttpPopulationRegistry(base, effective, breaker), jdbc, transactions,
				clock, meters);
	}

	@Bean
	NavigationItem registryNavigation() {
		return new NavigationItem("nav.registry", "/admin/registry", java.util.Set.of("ADMIN"), 830,
				NavigationItem.Group.MONITOR);
	}
}
