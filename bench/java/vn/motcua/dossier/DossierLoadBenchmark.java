package vn.motcua.dossier;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.motcua.MotCuaApplication;

/**
 * Drives filings and officer actions over HTTP against the running application on its embedded PostgreSQL,
 * and prints throughput and latency percentiles; then replays, with pgbench on the same server, the
 * statements PostgreSQL logged for the same kind of requests, so the application's overhead is a ratio of
 * two rates measured in one run.
 *
 * <p>Run with {@code bench/run dossier-load} (optional: {@code CLIENTS}, {@code SECONDS}, {@code WARMUP}).
 */
public final class DossierLoadBenchmark {

	static final int CLIENTS = Integer.parseInt(System.getenv().getOrDefault("CLIENTS", "8"));
	static final int SECONDS = Integer.parseInt(System.getenv().getOrDefault("SECONDS", "30"));
	/** A server runs for days: measure it once the JIT has compiled the request path, not while it compiles. */
	static final int WARMUP_SECONDS = Integer.parseInt(System.getenv().getOrDefault("WARMUP", "60"));

	public static void main(String[] args) throws Exception {
		Path data = Path.of("target", "bench-dossier-" + System.nanoTime()).toAbsolutePath();
		// first start: migrate, seed, and turn PostgreSQL's logging collector on for the second start
		try (ConfigurableApplicationContext app = start(data, true)) {
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			jdbc.execute("alter system set logging_collector = on");
			jdbc.execute("alter system set log_directory = 'bench-log'");
			jdbc.execute("alter system set log_filename = 'statements.log'");
			jdbc.execute("alter system set log_line_prefix = '%m [%p] '");
		}
		try (ConfigurableApplicationContext app = start(data, false)) {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			if ("off".equals(System.getenv("KPI_TRIGGERS"))) { // what the KPI rollups cost the writers
				jdbc.execute("alter table dossier disable trigger kpi_dossier_changed");
				jdbc.execute("alter table dossier_supplement disable trigger kpi_supplement_changed");
				System.out.println("KPI rollup triggers off");
			}
			if (System.getenv("NOTIFICATIONS") != null) {
				System.out.println("notifications: " + System.getenv("NOTIFICATIONS"));
			}
			Http http = new Http("http://127.0.0.1:" + port);
			String token = http.token("officer");
			// a procedure without a template: the load is the one-stop path, not the checking of components
			HttpResponse<String> imported = http.client().send(HttpRequest.newBuilder(URI.create(http.base()
					+ "/api/v1/admin/procedures:import"))
				.header("Content-Type", "text/csv")
				.header("Authorization", "Bearer " + http.token("admin"))
				.POST(HttpRequest.BodyPublishers.ofString("code,name,field,agencyCode,level,durationWorkingDays,feeVnd,"
						+ "onlineLevel,internal\n9.990001,Thủ tục đo tải,Đo tải,SXD,PROVINCE,5,0,FULL,false\n"))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (imported.statusCode() != 200) {
				throw new IllegalStateException("procedure import answered " + imported.statusCode() + ": " + imported.body());
			}

			Result warm = run(http, token, CLIENTS, WARMUP_SECONDS, false);
			System.out.printf("warm-up, %d clients, %d s: %.0f requests/s%n", CLIENTS, WARMUP_SECONDS, warm.rate());
			Result r = run(http, token, CLIENTS, SECONDS, true);
			System.out.printf("HTTP, %d clients, %d s: %d requests (%d filings + %d forwards), %.0f requests/s%n",
					CLIENTS, SECONDS, r.latencies.size(), r.filings, r.latencies.size() - r.filings, r.rate());
			System.out.printf("latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n", r.percentile(0.5), r.percentile(0.9),
					r.percentile(0.99), r.percentile(1.0));
			// each filing writes an e-mail and an SMS to the outbox; how long they waited to be accepted by the sandboxes
			Thread.sleep(3000);
			jdbc.queryForList("""
					select channel, count(*) as sent,
					  round(1000 * percentile_cont(0.5) within group (order by extract(epoch from sent_at - created_at))::numeric, 1) as p50_ms,
					  round(1000 * percentile_cont(0.99) within group (order by extract(epoch from sent_at - created_at))::numeric, 1) as p99_ms,
					  round(1000 * max(extract(epoch from sent_at - created_at))::numeric, 1) as max_ms,
					  count(*) filter (where status <> 'SENT') as not_sent
					from notification group by channel order by channel""")
				.forEach(row -> System.out.printf("outbox %s: %s messages, wait p50 %s ms, p99 %s ms, max %s ms, %s not sent%n",
						row.get("channel"), row.get("sent"), row.get("p50_ms"), row.get("p99_ms"), row.get("max_ms"),
						row.get("not_sent")));

			// capture the statements of a few hundred requests, then stop logging; the outbox workers' own statements
			// belong to no request and are left out (their inserts, made by the requests, stay in)
			for (String worker : new String[] { "notificationDispatcher", "syncWorker" }) {
				app.getBean(worker, org.springframework.context.Lifecycle.class).stop();
			}
			jdbc.execute("alter system set log_statement = 'all'");
			jdbc.execute("select pg_reload_conf()");
			Thread.sleep(500);
			run(http, token, 1, 3, false);
			jdbc.execute("alter system set log_statement = 'none'");
			jdbc.execute("select pg_reload_conf()");
			Path log = data.resolve("pg/pgdata/bench-log/statements.log");
			List<List<String>> transactions = StatementLog.transactions(Files.readAllLines(log, StandardCharsets.UTF_8));
			Path script = data.resolve("replay.sql");
			int replayed = StatementLog.writePgbenchScript(transactions, script);
			String url = jdbc.getDataSource().getConnection().getMetaData().getURL();
			Matcher m = Pattern.compile("//[^:/]+:(\\d+)/([^?]+)").matcher(url);
			if (!m.find()) {
				throw new IllegalStateException("cannot read the port from " + url);
			}
			System.out.printf("captured %d transactions; replaying %d of them per pgbench transaction%n",
					transactions.size(), replayed);
			Process pgbench = new ProcessBuilder("pgbench", "-n", "-h", "127.0.0.1", "-p", m.group(1), "-U", "postgres",
					"-c", Integer.toString(CLIENTS), "-j", "2", "-T", Integer.toString(Math.max(20, SECONDS)), "-f",
					script.toString(), m.group(2))
				.redirectErrorStream(true)
				.start();
			if (System.getenv("DIAG") != null) { // what the replaying sessions are doing, 10 s in
				Thread.sleep(10_000);
				jdbc.queryForList("""
						select wait_event_type, wait_event, state, left(regexp_replace(query, '\\s+', ' ', 'g'), 160) as query
						from pg_stat_activity where application_name = 'pgbench'""").forEach(System.out::println);
			}
			String out = new String(pgbench.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			pgbench.waitFor(5, TimeUnit.MINUTES);
			Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(out);
			Matcher lat = Pattern.compile("latency average = ([0-9.]+) ms").matcher(out);
			if (!tps.find()) {
				System.out.println(out);
				throw new IllegalStateException("pgbench gave no tps");
			}
			Matcher failed = Pattern.compile("number of failed transactions: (\\d+)").matcher(out);
			Matcher processed = Pattern.compile("number of transactions actually processed: (\\d+)").matcher(out);
			if (failed.find() && Long.parseLong(failed.group(1)) > 0 || processed.find() && Long.parseLong(processed.group(1)) < 10) {
				// a replay that failed or barely ran is no measure: say so instead of printing a ratio
				System.out.println(out);
				throw new IllegalStateException("pgbench replay failed or completed under 10 transactions; run again");
			}
			double sqlRequests = Double.parseDouble(tps.group(1)) * replayed;
			System.out.printf("pgbench, %d clients: %.0f transactions/s = %.0f requests/s of direct SQL (average %s ms)%n",
					CLIENTS, Double.parseDouble(tps.group(1)), sqlRequests, lat.find() ? lat.group(1) : "?");
			System.out.printf("application / direct SQL = %.2f (target ≥ 0.50)%n", r.rate() / sqlRequests);
		}
	}

	private static ConfigurableApplicationContext start(Path data, boolean clean) {
		return new SpringApplicationBuilder(MotCuaApplication.class).run("--server.port=0",
				"--motcua.data-dir=" + data, "--motcua.db.embedded-clean=" + clean, "--db-scheduler.enabled=false",
				"--logging.level.root=warn", "--motcua.rate-limit.account-per-second=100000",
				"--motcua.rate-limit.account-burst=100000", "--motcua.registry.base-url=http://127.0.0.1:9/none",
				"--motcua.registry.retries=0", "--motcua.registry.connect-timeout=PT0.05S",
				// NOTIFICATIONS=off writes no message; =unsent writes messages and national portal deliveries but sends
				// none (the outboxes' own cost, without the demo's in-process sandboxes, which a real deployment has
				// elsewhere, taking this machine's two cores)
				"--motcua.notification.enabled=" + !"off".equals(System.getenv("NOTIFICATIONS")),
				"--motcua.notification.worker=" + !"unsent".equals(System.getenv("NOTIFICATIONS")),
				"--motcua.dvcqg.worker=" + !"unsent".equals(System.getenv("NOTIFICATIONS")));
	}

	/** Each client files a dossier at the counter and forwards it, again and again, for {@code seconds}. */
	private static Result run(Http http, String token, int clients, int seconds, boolean measure) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger filings = new AtomicInteger();
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		long start = System.nanoTime();
		List<java.util.concurrent.Future<?>> workers = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			int client = c;
			workers.add(pool.submit(() -> {
				int i = 0;
				while (System.nanoTime() < end) {
					long t0 = System.nanoTime();
					String filed = http.post("/api/v1/dossiers", token, """
							{"procedureCode":"9.990001","channel":"COUNTER","applicant":{"type":"CITIZEN",
							"idNumber":"0960901%05d","fullName":"Nguyễn Văn Tải","dateOfBirth":"1990-03-15",
							"phone":"0915000001","email":"tai@example.vn"}}"""
						.formatted((client * 10_000 + i++) % 100_000), 201);
					long t1 = System.nanoTime();
					String code = field(filed, "code");
					http.post("/api/v1/dossiers/" + code + "/actions", token,
							"{\"action\":\"FORWARD\",\"version\":0}", 200);
					long t2 = System.nanoTime();
					latencies.add(t1 - t0);
					latencies.add(t2 - t1);
					filings.incrementAndGet();
				}
				return null;
			}));
		}
		pool.shutdown();
		pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
		for (java.util.concurrent.Future<?> w : workers) {
			w.get(); // a client that failed says why instead of leaving a rate of zero
		}
		return new Result(new ArrayList<>(latencies), filings.get(), (System.nanoTime() - start) / 1e9);
	}

	private static String field(String json, String name) {
		Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
		if (!m.find()) {
			throw new IllegalStateException("no " + name + " in " + json);
		}
		return m.group(1);
	}

	record Result(List<Long> latencies, int filings, double seconds) {

		double rate() {
			return latencies.size() / seconds;
		}

		double percentile(double p) {
			long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
			return sorted[Math.max(0, (int) Math.ceil(sorted.length * p) - 1)] / 1e6;
		}
	}

	/** A minimal HTTP client that fails loudly on an unexpected status. */
	record Http(String base, HttpClient client) {

		Http(String base) {
			this(base, HttpClient.newHttpClient());
		}

		String token(String user) throws Exception {
			String body = post("/api/v1/auth/token", null,
					"{\"username\":\"" + user + "\",\"password\":\"" + user + "\"}", 200);
			return field(body, "access_token");
		}

		String post(String path, String token, String json, int expected) {
			try {
				HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(json));
				if (token != null) {
					r.header("Authorization", "Bearer " + token);
				}
				HttpResponse<String> response = client.send(r.build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() != expected) {
					throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
				}
				return response.body();
			}
			catch (RuntimeException e) {
				throw e;
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}
	}

}
