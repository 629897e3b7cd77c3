package vn.motcua.platform.internal;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded server as an operator meets it: data survives restarts, a second live instance on the same
 * data directory is refused, and a JVM killed with {@code kill -9} leaves a server the next start stops.
 */
class EmbeddedPostgresServerIT {

	@Test
	void survivesKillMinus9OfItsJvmAndKeepsTheData() throws Exception {
		Path root = Files.createTempDirectory(Path.of("target"), "pg-kill-").toAbsolutePath();
		Process child = startChild(root, "before-kill");
		try {
			assertThatThrownBy(() -> EmbeddedPostgresServer.acquire(root.resolve("pg"), false))
				.hasMessageContaining("used by another running MotCua");

			long postmaster = Long.parseLong(Files.readAllLines(root.resolve("pg/pgdata/postmaster.pid")).get(0).trim());
			child.destroyForcibly(); // SIGKILL: no shutdown hook runs
			assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
			assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).contains(true);

			EmbeddedPostgresServer server = EmbeddedPostgresServer.acquire(root.resolve("pg"), false);
			try {
				assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false)).isFalse();
				assertThat(markers(server.jdbcUrl("childdb"))).containsExactly("before-kill");
			}
			finally {
				server.release();
			}
		}
		finally {
			child.destroyForcibly();
		}
	}

	@Test
	void aSecondStartReusesTheFirstOnesData() throws Exception {
		Path root = Files.createTempDirectory(Path.of("target"), "pg-restart-").toAbsolutePath().resolve("pg");
		EmbeddedPostgresServer first = EmbeddedPostgresServer.acquire(root, false);
		try (Connection c = DriverManager.getConnection(first.jdbcUrl("restartdb"), "postgres", null);
				Statement s = c.createStatement()) {
			s.execute("create table marker (note text)");
			s.execute("insert into marker values ('kept')");
		}
		first.release();
		EmbeddedPostgresServer second = EmbeddedPostgresServer.acquire(root, false);
		try {
			assertThat(markers(second.jdbcUrl("restartdb"))).containsExactly("kept");
		}
		finally {
			second.release();
		}
	}

	private static List<String> markers(String url) throws Exception {
		List<String> notes = new ArrayList<>();
		try (Connection c = DriverManager.getConnection(url, "postgres", null); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("select note from marker")) {
			while (rs.next()) {
				notes.add(rs.getString(1));
			}
		}
		return notes;
	}

	private static Process startChild(Path root, String note) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				"-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"), EmbeddedPostgresChild.class.getName(),
				root.resolve("pg").toString(), note)
			.redirectErrorStream(true)
			.start();
		BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
		StringBuilder seen = new StringBuilder();
		for (String line; (line = out.readLine()) != null;) {
			seen.append(line).append('\n');
			if (line.equals("READY")) {
				return p;
			}
			if (System.nanoTime() > deadline) {
				break;
			}
		}
		p.destroyForcibly();
		throw new AssertionError("child did not start PostgreSQL:\n" + seen);
	}
}
