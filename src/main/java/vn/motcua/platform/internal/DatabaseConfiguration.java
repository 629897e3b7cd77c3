package vn.motcua.platform.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import vn.motcua.platform.MotCuaProperties;

/**
 * The database: an external PostgreSQL when {@code MOTCUA_DB_URL} is set, else the embedded server
 * under {@code ./data/pg}.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean
	@ConditionalOnProperty(name = "motcua.db.url")
	HikariDataSource externalDataSource(MotCuaProperties properties) {
		MotCuaProperties.Db db = properties.db();
		return pool(db.url(), db.user(), db.password());
	}

	@Bean(destroyMethod = "release")
	@Conditional(NoExternalDatabase.class)
	EmbeddedPostgresServer embeddedPostgresServer(MotCuaProperties properties) {
		return EmbeddedPostgresServer.acquire(properties.dataDir().resolve("pg"), properties.db().embeddedClean());
	}

	@Bean
	@Conditional(NoExternalDatabase.class)
	HikariDataSource embeddedDataSource(EmbeddedPostgresServer server, MotCuaProperties properties) {
		return pool(server.jdbcUrl(properties.db().embeddedDatabase()), "postgres", null);
	}

	private static HikariDataSource pool(String url, String user, String password) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url);
		config.setUsername(user);
		config.setPassword(password);
		config.setMaximumPoolSize(20);
		config.setPoolName("motcua");
		// batches (imports) become multi-row inserts: several times fewer round trips
		config.addDataSourceProperty("reWriteBatchedInserts", "true");
		return new HikariDataSource(config);
	}

	static class NoExternalDatabase implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("motcua.db.url"));
		}
	}
}
