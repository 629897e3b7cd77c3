package vn.motcua.sync;

import java.net.URI;
import java.time.Clock;
import java.time.LocalTime;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import vn.motcua.platform.MotCuaProperties;
import vn.motcua.platform.Zones;

/** The national portal: the one configured, the bundled sandbox in demo mode, none in production without one. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SyncSettings.class)
class SyncConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SyncConfiguration.class);

	@Bean
	NationalPortal nationalPortal(SyncSettings settings, MotCuaProperties motcua, Environment environment) {
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
					settings.giveUpAfter(), settings.connectTimeout(), settings.timeout(), settings.provinceCode(),
					settings.catalogPullAt());
		}
		else {
			log.warn("No national portal configured (MOTCUA_DVCQG_URL): deliveries wait in the outbox");
			url = Optional::empty;
		}
		return new NationalPortal(url, effective);
	}

	@Bean
	SyncWorker syncWorker(Deliveries deliveries, NationalPortal portal, SyncSettings settings, Clock clock,
			MeterRegistry meters, JdbcClient jdbc) {
		Gauge.builder("motcua.dvcqg.pending", jdbc,
				j -> j.sql("select count(*) from sync_delivery where status = 'PENDING'").query(Long.class).single())
			.register(meters);
		Gauge.builder("motcua.dvcqg.failed", jdbc,
				j -> j.sql("select count(*) from sync_delivery where status = 'FAILED'").query(Long.class).single())
			.register(meters);
		return new SyncWorker(deliveries, portal, settings, clock, meters);
	}

	/** The nightly national catalog pull, on one instance of the cluster (db-scheduler); off when the time is blank. */
	@Bean
	@ConditionalOnExpression("!'${motcua.dvcqg.catalog-pull-at:02:30}'.isBlank()")
	RecurringTask<Void> nationalCatalogPull(CatalogPull pull, SyncSettings settings) {
		return Tasks.recurring("dvcqg-catalog-pull",
				Schedules.daily(Zones.VIETNAM, LocalTime.parse(settings.catalogPullAt().strip())))
			.execute((instance, context) -> pull.scheduled());
	}

	@Bean
	vn.motcua.platform.NavigationItem syncNavigation() {
		return new vn.motcua.platform.NavigationItem("nav.sync", "/admin/sync", java.util.Set.of("ADMIN"), 870,
				vn.motcua.platform.NavigationItem.Group.MONITOR);
	}
}
