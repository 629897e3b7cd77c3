package vn.motcua.platform.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Run in a separate JVM by {@link EmbeddedPostgresServerIT}: starts the server under a data directory,
 * writes a row, says READY and waits to be killed.
 */
public final class EmbeddedPostgresChild {

	public static void main(String[] args) throws Exception {
		EmbeddedPostgresServer server = EmbeddedPostgresServer.acquire(Path.of(args[0]), false);
		try (Connection c = DriverManager.getConnection(server.jdbcUrl("childdb"), "postgres", null);
				Statement s = c.createStatement()) {
			s.execute("create table if not exists marker (note text)");
			s.execute("insert into marker values ('" + args[1] + "')");
		}
		System.out.println("READY");
		System.out.flush();
		Thread.sleep(600_000);
	}
}
