package vn.motcua.sync;

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

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import vn.motcua.platform.MotCuaProperties;

/** The national portal: the one configured, the bundled sandbox in demo mode, none in production without one. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SyncSettings.class)
class SyncConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SyncConfiguration.class);

	@Bean
	SyncWorker syncWorker(Deliveries deliveries, SyncSettings settings, MotCuaProperties motcua, Environment environment,
			Clock clock, MeterRegistry meters, JdbcClient jdbc) {
		Supplier<Optional<URI>> url;
		SyncSettings effective = settings;
		if (settings.url() != null && !settings.url().isBlank()) {
			URI configured = URI.create(settings.url().strip().replaceAll("/+$", ""));
			url = () -> Optional.of(configured);
		}
		else if (motcua.demo()) {
			url = () -> Optional.ofNullable(environment.getProperty("local.server.port"))
				.map(port -> URI.create("http://127.0.0.1:" + port + "/sandbox/dvcqg"));
			effective = new SyncSettings(null, "motcua-camau", "sandbox-password", null, null, settings.worker(), settings.poll(),
					settings.batch(), settings.senders(), settings.lease(), settings.firstRetry(), settings.longestRetry(),
					settings.giveUpAfter(), settings.connectTimeout(), settings.timeout());
		}
		else {
			log.warn("No national portal configured (MOTCUA_DVCQG_URL): deliveries wait in the outbox");
			url = Optional::empty;
		}
		Gauge.builder("motcua.dvcqg.pending", jdbc,
				j -> j.sql("select count(*) from sync_delivery where status = 'PENDING'").query(Long.class).single())
			.register(meters);
		Gauge.builder("motcua.dvcqg.failed", jdbc,
				j -> j.sql("select count(*) from sync_delivery where status = 'FAILED'").query(Long.class).single())
			.register(meters);
		return new SyncWorker(deliveries, new NationalPortal(url, effective), effective, clock, meters);
	}
}
