package vn.motcua.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 17 server run from the bundled binaries, with its data under the deployment's data
 * directory. One server per data directory per JVM: the Spring contexts of a test run share it, and the
 * last one to close stops it.
 */
final class EmbeddedPostgresServer {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
	private static final Map<Path, EmbeddedPostgresServer> RUNNING = new HashMap<>();
	/** Servers started ahead of the Spring context (see {@link EarlyStart}), not yet acquired. */
	private static final Map<Path, CompletableFuture<EmbeddedPostgresServer>> STARTING = new HashMap<>();

	private final Path root;
	private final EmbeddedPostgres postgres;
	private final FileLock ownership;
	private int users;

	private EmbeddedPostgresServer(Path root, EmbeddedPostgres postgres, FileLock ownership) {
		this.root = root;
		this.postgres = postgres;
		this.ownership = ownership;
	}

	/** Starts (or joins) the server whose files live under {@code root}. */
	static synchronized EmbeddedPostgresServer acquire(Path root, boolean clean) {
		Path key = root.toAbsolutePath().normalize();
		EmbeddedPostgresServer server = RUNNING.get(key);
		if (server == null) {
			CompletableFuture<EmbeddedPostgresServer> early = STARTING.remove(key);
			server = early != null ? early.join() : start(key, clean);
			RUNNING.put(key, server);
		}
		server.users++;
		return server;
	}

	/**
	 * Starts the server in the background while Spring builds its context (initdb and start take seconds);
	 * {@link #acquire} joins it. A server nobody acquires (the start failed elsewhere) stops with the JVM.
	 */
	static synchronized void startEarly(Path root, boolean clean) {
		Path key = root.toAbsolutePath().normalize();
		if (RUNNING.containsKey(key) || STARTING.containsKey(key)) {
			return;
		}
		CompletableFuture<EmbeddedPostgresServer> future = CompletableFuture.supplyAsync(() -> start(key, clean));
		STARTING.put(key, future);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			CompletableFuture<EmbeddedPostgresServer> unclaimed;
			synchronized (EmbeddedPostgresServer.class) {
				unclaimed = STARTING.remove(key);
			}
			if (unclaimed != null) {
				try {
					unclaimed.join().release();
				}
				catch (RuntimeException e) {
					// it never started: nothing to stop
				}
			}
		}, "motcua-embedded-postgres-unclaimed"));
	}

	synchronized void release() {
		synchronized (EmbeddedPostgresServer.class) {
			if (--users > 0) {
				return;
			}
			RUNNING.remove(root);
		}
		try {
			postgres.close();
		}
		catch (IOException e) {
			log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
		}
		try {
			ownership.release();
			ownership.channel().close();
		}
		catch (IOException ignored) {
			// the lock goes with the process anyway
		}
	}

	/** JDBC URL of {@code database}, created on first use. */
	String jdbcUrl(String database) {
		ensureDatabase(database);
		return postgres.getJdbcUrl("postgres", database);
	}

	private void ensureDatabase(String database) {
		if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
			throw new IllegalArgumentException("Invalid embedded database name: " + database);
		}
		try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
				if (rs.next()) {
					return;
				}
			}
			s.execute("create database " + database + " encoding 'UTF8' template template0");
		}
		catch (SQLException e) {
			throw new IllegalStateException("Cannot create the embedded database " + database, e);
		}
	}

	private static EmbeddedPostgresServer start(Path root, boolean clean) {
		try {
			Files.createDirectories(root);
			FileLock lock = lockOwnership(root);
			Path pgdata = root.resolve("pgdata");
			if (clean) {
				FileSystemUtils.deleteRecursively(pgdata);
			}
			stopLeftoverServer(pgdata);
			Path run = Files.createDirectories(root.resolve("run"));
			Path bin = Files.createDirectories(root.resolve("bin"));
			long t0 = System.nanoTime();
			EmbeddedPostgres pg = EmbeddedPostgres.builder()
				.setDataDirectory(pgdata)
				.setCleanDataDirectory(false)
				.setOverrideWorkingDirectory(bin.toFile())
				.setServerConfig("unix_socket_directories", run.toString())
				.setServerConfig("max_connections", "200")
				.setServerConfig("shared_buffers", "128MB")
				.setServerConfig("timezone", "UTC")
				// the library's defaults trade durability for speed (fsync off, asynchronous commit): an
				// answered request must survive a crash of the process and of the machine (docs/adr/0006)
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on")
				.setLocaleConfig("encoding", "UTF8")
				.setRegisterShutdownHook(false)
				.setPGStartupWait(Duration.ofSeconds(60))
				.start();
			log.info("Embedded PostgreSQL started on port {} with data in {} ({} ms)", pg.getPort(), pgdata,
					TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
			return new EmbeddedPostgresServer(root, pg, lock);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot start the embedded PostgreSQL under " + root, e);
		}
	}

	/**
	 * Two live MotCua processes must never run one data directory; a lock file held for the life of the
	 * process tells a leftover server (its owner was killed) from one in use.
	 */
	private static FileLock lockOwnership(Path root) throws IOException {
		FileChannel channel = FileChannel.open(root.resolve("motcua.lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE);
		FileLock lock;
		try {
			lock = channel.tryLock();
		}
		catch (OverlappingFileLockException e) {
			lock = null;
		}
		if (lock == null) {
			channel.close();
			throw new IllegalStateException("The data directory " + root
					+ " is used by another running MotCua. Give each instance its own MOTCUA_DATA_DIR, or share an"
					+ " external PostgreSQL (MOTCUA_DB_URL).");
		}
		return lock;
	}

	/** After a {@code kill -9} of the JVM its PostgreSQL keeps running and holds the data directory. */
	private static void stopLeftoverServer(Path pgdata) throws IOException {
		Path pidFile = pgdata.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
		Optional<ProcessHandle> leftover = first.matches("\\d+") ? ProcessHandle.of(Long.parseLong(first))
				: Optional.empty();
		if (leftover.isEmpty() || !leftover.get().isAlive()
				|| !leftover.get().info().command().map(c -> c.contains("postgres")).orElse(true)) {
			return; // a stale pid file: PostgreSQL itself deals with it
		}
		ProcessHandle server = leftover.get();
		log.warn("Stopping a leftover PostgreSQL (pid {}) of {} from a previous run", server.pid(), pgdata);
		server.destroy(); // SIGTERM: PostgreSQL's smart shutdown; its clients died with the old JVM
		try {
			server.onExit().get(30, TimeUnit.SECONDS);
		}
		catch (Exception e) {
			server.destroyForcibly();
			server.onExit().join();
		}
	}
}
