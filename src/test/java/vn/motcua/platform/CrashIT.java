package vn.motcua.platform;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MotCua as it is deployed, in a process of its own on the embedded PostgreSQL, killed without warning: four
 * clients file counter dossiers, the JVM and every PostgreSQL process get SIGKILL in the middle of it, and the
 * restarted server must hold every dossier it answered 201 for, under the same code and applicant, and give no
 * acknowledged code again. Then PostgreSQL is frozen (SIGSTOP): health and requests must answer 503 within
 * two seconds, and the server must recover by itself once PostgreSQL runs again.
 */
class CrashIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String PROCEDURE = "2.001102";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private final Path dataDir = Path.of("target", "crash-test-" + System.nanoTime()).toAbsolutePath();
	private Process server;
	private int port;

	@AfterEach
	void cleanUp() throws Exception {
		Path log = dataDir.resolve("server.log");
		if (Files.exists(log)) {
			Files.copy(log, Path.of("target", "crash-test-server.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
		if (server != null && server.isAlive()) {
			server.destroy();
			server.waitFor(30, TimeUnit.SECONDS);
			server.destroyForcibly();
		}
		postmaster().ifPresent(pg -> {
			signal("CONT", pg);
			pg.destroy();
		});
		FileSystemUtils.deleteRecursively(dataDir);
	}

	@Test
	void everyAcknowledgedDossierSurvivesSigkillOfTheJvmAndPostgresql() throws Exception {
		port = freePort();
		start();
		String token = token();
		Map<String, String> acknowledged = new ConcurrentHashMap<>(); // code -> applicant name
		AtomicBoolean stop = new AtomicBoolean();
		AtomicInteger seq = new AtomicInteger();
		java.util.concurrent.atomic.AtomicReference<String> refusal = new java.util.concurrent.atomic.AtomicReference<>();
		ExecutorService clients = Executors.newFixedThreadPool(4);
		for (int c = 0; c < 4; c++) {
			clients.submit(() -> {
				while (!stop.get()) {
					int i = seq.incrementAndGet();
					String name = "Người nộp thử sập " + i;
					try {
						HttpResponse<String> r = post("/api/v1/dossiers", filing(name, i), token);
						if (r.statusCode() == 201) {
							acknowledged.put(JSON.readTree(r.body()).get("code").asString(), name);
						}
						else {
							refusal.compareAndSet(null, r.statusCode() + " " + r.body());
						}
					}
					catch (IOException | RuntimeException e) {
						// the server died under this request: it was never acknowledged
					}
					catch (InterruptedException e) {
						return;
					}
				}
			});
		}
		long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (acknowledged.size() < 200 && System.nanoTime() < until && (refusal.get() == null || acknowledged.size() > 0)) {
			Thread.sleep(50);
		}
		// the moment of the crash: the JVM and every PostgreSQL process at once, while the clients keep filing
		ProcessHandle pg = postmaster().orElseThrow();
		List<ProcessHandle> postgres = new ArrayList<>(pg.descendants().toList());
		postgres.add(pg);
		server.destroyForcibly();
		postgres.forEach(ProcessHandle::destroyForcibly);
		stop.set(true);
		clients.shutdown();
		assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
		server.waitFor(30, TimeUnit.SECONDS);
		for (ProcessHandle p : postgres) {
			p.onExit().get(30, TimeUnit.SECONDS);
		}
		Map<String, String> before = Map.copyOf(acknowledged);
		assertThat(before.size()).as("dossiers acknowledged before the crash (first refusal: %s)", refusal.get())
			.isGreaterThanOrEqualTo(200);

		start();
		String again = token();
		List<String> lost = new ArrayList<>();
		for (Map.Entry<String, String> d : before.entrySet()) {
			HttpResponse<String> r = get("/api/v1/dossiers/" + d.getKey(), again);
			if (r.statusCode() != 200 || !JSON.readTree(r.body()).path("applicant").path("fullName").asString("")
				.equals(d.getValue())) {
				lost.add(d.getKey() + " → " + r.statusCode());
			}
		}
		assertThat(lost).as("acknowledged dossiers missing or changed after the crash").isEmpty();
		for (int i = 0; i < 20; i++) {
			HttpResponse<String> r = post("/api/v1/dossiers", filing("Sau khi khởi động lại " + i, 900_000 + i), again);
			assertThat(r.statusCode()).isEqualTo(201);
			assertThat(before).as("a code given again").doesNotContainKey(JSON.readTree(r.body()).get("code").asString());
		}
		System.out.printf("crash test: %d dossiers acknowledged before SIGKILL, %d found after restart%n", before.size(),
				before.size() - lost.size());

		// a frozen database: fast 503s, then recovery without a restart
		List<ProcessHandle> frozen = new ArrayList<>(postmaster().orElseThrow().descendants().toList());
		frozen.add(postmaster().orElseThrow());
		frozen.forEach(p -> signal("STOP", p));
		try {
			Thread.sleep(1500); // idle pooled connections now point at a frozen server
			long t0 = System.nanoTime();
			HttpResponse<String> health = get("/actuator/health", null);
			long healthMillis = (System.nanoTime() - t0) / 1_000_000;
			assertThat(health.statusCode()).isEqualTo(503);
			assertThat(healthMillis).as("health answered in ms").isLessThan(2500);
			t0 = System.nanoTime();
			HttpResponse<String> read = get("/api/v1/dossiers?size=1", again);
			long readMillis = (System.nanoTime() - t0) / 1_000_000;
			assertThat(read.statusCode()).as(read.body()).isEqualTo(503);
			assertThat(read.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
			assertThat(readMillis).as("a request answered in ms").isLessThan(4000);
			System.out.printf("frozen database: health 503 in %d ms, a dossier list 503 in %d ms%n", healthMillis, readMillis);
		}
		finally {
			frozen.forEach(p -> signal("CONT", p));
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		int status = 0;
		while (status != 200 && System.nanoTime() < deadline) {
			status = get("/actuator/health", null).statusCode();
			Thread.sleep(250);
		}
		assertThat(status).as("healthy again after the database thawed").isEqualTo(200);
		assertThat(get("/api/v1/dossiers/" + before.keySet().iterator().next(), again).statusCode()).isEqualTo(200);
	}

	private static String filing(String name, int i) {
		return "{\"procedureCode\":\"" + PROCEDURE + "\",\"channel\":\"COUNTER\",\"applicant\":{\"type\":\"CITIZEN\","
				+ "\"idNumber\":\"" + String.format("096090%06d", i % 1_000_000) + "\",\"dateOfBirth\":\"1990-03-15\","
				+ "\"fullName\":\"" + name + "\",\"phone\":\"0912345678\"}}";
	}

	private void start() throws Exception {
		Files.createDirectories(dataDir);
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
				"vn.motcua.MotCuaApplication", "--server.port=" + port, "--motcua.data-dir=" + dataDir,
				"--motcua.db.embedded-clean=false", "--server.tomcat.basedir=" + dataDir.resolve("tomcat"),
				"--motcua.demo.history=false", "--logging.level.root=warn"));
		server = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("server.log").toFile()))
			.start();
		long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
		while (System.nanoTime() < deadline) {
			assertThat(server.isAlive()).as("the server process (see %s)", dataDir.resolve("server.log")).isTrue();
			try {
				if (get("/actuator/health", null).statusCode() == 200) {
					return;
				}
			}
			catch (IOException e) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new AssertionError("the server did not become healthy; see " + dataDir.resolve("server.log"));
	}

	private Optional<ProcessHandle> postmaster() {
		Path pid = dataDir.resolve("pg").resolve("pgdata").resolve("postmaster.pid");
		try {
			if (!Files.exists(pid)) {
				return Optional.empty();
			}
			String first = Files.readAllLines(pid).get(0).strip();
			return ProcessHandle.of(Long.parseLong(first)).filter(ProcessHandle::isAlive);
		}
		catch (IOException | RuntimeException e) {
			return Optional.empty();
		}
	}

	private static void signal(String signal, ProcessHandle p) {
		try {
			new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor(5, TimeUnit.SECONDS);
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private String token() throws Exception {
		HttpResponse<String> r = post("/api/v1/auth/token", "{\"username\":\"officer\",\"password\":\"officer\"}", null);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		return JSON.readTree(r.body()).get("access_token").asString();
	}

	private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(20))
			.header("Accept", "application/json");
		if (token != null) {
			b.header("Authorization", "Bearer " + token);
		}
		return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String body, String token) throws IOException, InterruptedException {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(20))
			.header("Accept", "application/json")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			b.header("Authorization", "Bearer " + token);
		}
		return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static int freePort() throws IOException {
		try (ServerSocket s = new ServerSocket(0)) {
			return s.getLocalPort();
		}
	}
}
