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

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DatabaseConfiguration.class);

	@Bean
	@ConditionalOnProperty(name = "motcua.db.url")
	HikariDataSource externalDataSource(MotCuaProperties properties) {
		MotCuaProperties.Db db = properties.db();
		return pool(db.url(), db.user(), db.password(), db);
	}

	@Bean(destroyMethod = "release")
	@Conditional(NoExternalDatabase.class)
	EmbeddedPostgresServer embeddedPostgresServer(MotCuaProperties properties) {
		return EmbeddedPostgresServer.acquire(properties.dataDir().resolve("pg"), properties.db().embeddedClean());
	}

	@Bean
	@Conditional(NoExternalDatabase.class)
	HikariDataSource embeddedDataSource(EmbeddedPostgresServer server, MotCuaProperties properties) {
		return pool(server.jdbcUrl(properties.db().embeddedDatabase()), "postgres", null, properties.db());
	}

	/**
	 * A stalled database must give fast refusals, not hung requests (docs/adr/0006): a connection is waited
	 * for at most {@code connectionTimeout}, a statement runs at most {@code statementTimeout} (enforced by the
	 * server), and a reply that never comes is given up after the statement timeout and half a minute more.
	 */
	private static HikariDataSource pool(String url, String user, String password, MotCuaProperties.Db db) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url);
		config.setUsername(user);
		config.setPassword(password);
		config.setMaximumPoolSize(20);
		config.setPoolName("motcua");
		config.setConnectionTimeout(db.connectionTimeout().toMillis());
		config.setValidationTimeout(Math.max(250, Math.min(1000, db.connectionTimeout().toMillis() / 2)));
		// batches (imports) become multi-row inserts: several times fewer round trips
		config.addDataSourceProperty("reWriteBatchedInserts", "true");
		config.addDataSourceProperty("options", "-c statement_timeout=" + db.statementTimeout().toMillis());
		config.addDataSourceProperty("socketTimeout", String.valueOf(db.statementTimeout().plusSeconds(30).toSeconds()));
		config.addDataSourceProperty("connectTimeout", "5");
		config.addDataSourceProperty("loginTimeout", "5");
		config.addDataSourceProperty("tcpKeepAlive", "true");
		return new HikariDataSource(config);
	}

	/**
	 * Migrations run on a connection of their own, without the statement and socket timeouts of requests: an
	 * upgrade may compute over millions of rows (the KPI rollups took six minutes on ten million dossiers).
	 */
	@Bean
	org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer unboundedMigrations(
			HikariDataSource dataSource) {
		return configuration -> {
			org.springframework.jdbc.datasource.SimpleDriverDataSource direct =
					new org.springframework.jdbc.datasource.SimpleDriverDataSource(new org.postgresql.Driver(),
							dataSource.getJdbcUrl(), dataSource.getUsername(), dataSource.getPassword());
			configuration.dataSource(direct);
		};
	}

	/** MotCua's answers are durable only if the server's are: an operator's PostgreSQL is checked at start. */
	@Bean
	org.springframework.boot.ApplicationRunner durabilityCheck(HikariDataSource dataSource) {
		return args -> {
			try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement();
					java.sql.ResultSet rs = s.executeQuery("select name, setting from pg_settings"
							+ " where name in ('fsync', 'synchronous_commit', 'full_page_writes')")) {
				while (rs.next()) {
					if ("off".equals(rs.getString(2))) {
						log.warn("PostgreSQL runs with {} = off: a crash of the database server or its machine can lose"
								+ " dossiers MotCua has already acknowledged. Turn it on.", rs.getString(1));
					}
				}
			}
		};
	}

	static class NoExternalDatabase implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("motcua.db.url"));
		}
	}
}
