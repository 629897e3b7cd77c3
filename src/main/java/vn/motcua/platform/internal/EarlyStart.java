package vn.motcua.platform.internal;

import java.nio.file.Path;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * As soon as the configuration is known, and before the Spring context is built, starts the embedded
 * PostgreSQL in the background when no external database is configured: a province's first start is then
 * bounded by the slower of the two, not their sum. Registered in {@code META-INF/spring.factories}.
 */
public class EarlyStart implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		ConfigurableEnvironment env = event.getEnvironment();
		if (StringUtils.hasText(env.getProperty("motcua.db.url"))) {
			return;
		}
		Path dataDir = Path.of(env.getProperty("motcua.data-dir", "./data"));
		boolean clean = Boolean.parseBoolean(env.getProperty("motcua.db.embedded-clean", "false"));
		EmbeddedPostgresServer.startEarly(dataDir.resolve("pg"), clean);
	}
}
