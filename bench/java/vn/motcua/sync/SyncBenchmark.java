package vn.motcua.sync;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.motcua.MotCuaApplication;

/**
 * The national portal sync against the bundled sandbox portal (docs/adr/0012). First a backlog: {@code BACKLOG}
 * dossiers filed and forwarded while the portal is down (two deliveries each), then the time for the worker to
 * deliver all of them once it is back: deliveries per second. Then the delay from a change's commit to its delivery
 * while 8 clients file and forward for {@code SECONDS} (the dossier-load rate): p50, p99, max.
 *
 * <p>Run with {@code bench/run sync} (optional: {@code BACKLOG}, {@code SECONDS}).
 */
public final class SyncBenchmark {

	static final int BACKLOG = Integer.parseInt(System.getenv().getOrDefault("BACKLOG", "2000"));
	static final int SECONDS = Integer.parseInt(System.getenv().getOrDefault("SECONDS", "30"));
	static final int CLIENTS = 8;

	public static void main(String[] args) throws Exception {
		Path data = Path.of("target", "bench-sync-" + System.nanoTime()).toAbsolutePath();
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MotCuaApplication.class).run(
				"--server.port=0", "--motcua.data-dir=" + data, "--motcua.db.embedded-clean=true",
				"--db-scheduler.enabled=false", "--logging.level.root=warn", "--motcua.rate-limit.account-per-second=100000",
				"--motcua.rate-limit.account-burst=100000", "--motcua.registry.base-url=http://127.0.0.1:9/none",
				"--motcua.registry.retries=0", "--motcua.registry.connect-timeout=PT0.05S",
				"--motcua.notification.enabled=false", "--motcua.dvcqg.first-retry=PT0.2S",
				"--motcua.dvcqg.longest-retry=PT0.5S")) {
			String base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			HttpClient http = HttpClient.newHttpClient();
			String admin = token(http, base, "admin");
			String officer = token(http, base, "officer");
			send(http, base + "/api/v1/admin/procedures:import", admin, "text/csv",
					"code,name,field,agencyCode,level,durationWorkingDays,feeVnd,onlineLevel,internal\n"
							+ "9.990002,Thủ tục đo đồng bộ,Đo tải,SXD,PROVINCE,5,0,FULL,false\n", 200);

			send(http, base + "/sandbox/dvcqg/outage", null, "application/json", "{\"mode\":\"DOWN\"}", 200, "PUT");
			AtomicInteger serial = new AtomicInteger();
			load(http, base, officer, serial, BACKLOG, Long.MAX_VALUE);
			long waiting = jdbc.sql("select count(*) from sync_delivery where status <> 'DELIVERED'").query(Long.class).single();
			Thread.sleep(1000); // past the back-off of the failed first tries
			long start = System.nanoTime();
			send(http, base + "/sandbox/dvcqg/outage", null, "application/json", "{\"mode\":\"NONE\"}", 200, "PUT");
			while (jdbc.sql("select count(*) from sync_delivery where status <> 'DELIVERED'").query(Long.class).single() > 0) {
				Thread.sleep(50);
			}
			double took = (System.nanoTime() - start) / 1e9;
			System.out.printf("backlog: %d deliveries of %d dossiers delivered in order in %.1f s after the portal came back:"
					+ " %.0f deliveries/s (OpenCPS: 10 dossiers per 45 s = 0.22/s)%n", waiting, BACKLOG, took, waiting / took);

			long before = jdbc.sql("select count(*) from sync_delivery").query(Long.class).single();
			int filed = load(http, base, officer, serial, Integer.MAX_VALUE, System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS));
			while (jdbc.sql("select count(*) from sync_delivery where status <> 'DELIVERED'").query(Long.class).single() > 0) {
				Thread.sleep(50);
			}
			Map<String, Object> delay = jdbc.sql("""
					select count(*) as n,
					  round(1000 * percentile_cont(0.5) within group (order by extract(epoch from delivered_at - created_at))::numeric, 1) as p50,
					  round(1000 * percentile_cont(0.99) within group (order by extract(epoch from delivered_at - created_at))::numeric, 1) as p99,
					  round(1000 * max(extract(epoch from delivered_at - created_at))::numeric, 1) as max
					from (select * from sync_delivery order by created_at offset ?) d""")
				.param(before)
				.query().singleRow();
			System.out.printf("under load: %d dossiers filed and forwarded by %d clients in %d s (%.0f dossiers/s); %s deliveries,"
					+ " commit to delivery p50 %s ms, p99 %s ms, max %s ms%n", filed, CLIENTS, SECONDS, filed / (double) SECONDS,
					delay.get("n"), delay.get("p50"), delay.get("p99"), delay.get("max"));
		}
	}

	/** Files and forwards dossiers with 8 clients until {@code count} are done or {@code until} passes. */
	private static int load(HttpClient http, String base, String token, AtomicInteger serial, int count, long until)
			throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
		AtomicInteger done = new AtomicInteger();
		List<Future<?>> clients = new ArrayList<>();
		for (int c = 0; c < CLIENTS; c++) {
			clients.add(pool.submit(() -> {
				while (System.nanoTime() < until) {
					int i = serial.incrementAndGet();
					if (done.get() >= count) {
						return null;
					}
					String filed = send(http, base + "/api/v1/dossiers", token, "application/json", """
							{"procedureCode":"9.990002","channel":"COUNTER","applicant":{"type":"CITIZEN",
							"idNumber":"0960902%05d","fullName":"Trần Văn Đồng","dateOfBirth":"1990-03-15"}}"""
						.formatted(i % 100_000), 201);
					send(http, base + "/api/v1/dossiers/" + field(filed, "code") + "/actions", token, "application/json",
							"{\"action\":\"FORWARD\",\"version\":0}", 200);
					done.incrementAndGet();
				}
				return null;
			}));
		}
		pool.shutdown();
		for (Future<?> f : clients) {
			f.get();
		}
		return done.get();
	}

	private static String token(HttpClient http, String base, String user) throws Exception {
		return field(send(http, base + "/api/v1/auth/token", null, "application/json",
				"{\"username\":\"" + user + "\",\"password\":\"" + user + "\"}", 200), "access_token");
	}

	private static String send(HttpClient http, String url, String token, String type, String body, int expected)
			throws Exception {
		return send(http, url, token, type, body, expected, "POST");
	}

	private static String send(HttpClient http, String url, String token, String type, String body, int expected,
			String method) throws Exception {
		HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", type)
			.method(method, HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			r.header("Authorization", "Bearer " + token);
		}
		HttpResponse<String> response = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != expected) {
			throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	private static String field(String json, String name) {
		Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
		if (!m.find()) {
			throw new IllegalStateException("no " + name + " in " + json);
		}
		return m.group(1);
	}
}
