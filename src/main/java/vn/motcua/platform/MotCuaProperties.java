package vn.motcua.platform;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Deployment settings under {@code motcua.*}; every one can come from the environment
 * ({@code MOTCUA_DB_URL} binds to {@code motcua.db.url}, and so on).
 *
 * @param mode demo (default) or production
 * @param dataDir where the embedded database and stored files live
 * @param db the database: an external server when {@code url} is set, else the embedded one
 */
@ConfigurationProperties("motcua")
public record MotCuaProperties(@DefaultValue("demo") RunMode mode, @DefaultValue("./data") Path dataDir,
		@DefaultValue Db db) {

	/**
	 * @param url JDBC URL of an external PostgreSQL; absent means embedded
	 * @param embeddedDatabase the database created in the embedded server
	 * @param embeddedClean start the embedded server on an empty data directory (tests)
	 * @param connectionTimeout how long a request waits for a free connection before it is answered 503
	 * @param statementTimeout how long one statement of a request may run
	 */
	public record Db(@Nullable String url, @Nullable String user, @Nullable String password,
			@DefaultValue("motcua") String embeddedDatabase, @DefaultValue("false") boolean embeddedClean,
			@DefaultValue("PT1.5S") java.time.Duration connectionTimeout,
			@DefaultValue("PT30S") java.time.Duration statementTimeout) {
	}

	public boolean demo() {
		return mode == RunMode.DEMO;
	}
}
