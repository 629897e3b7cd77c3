package vn.motcua.dossier;

import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import vn.motcua.MotCuaApplication;

/**
 * The legacy import at full size: writes {@code LINES} historical dossiers (default 1,000,000, three years
 * of a province, supplements and ratings among them) as NDJSON, streams the file to
 * {@code POST /api/v1/admin/dossiers:import} of a fresh application on its embedded PostgreSQL, then sends
 * it again; prints both durations and answers (the second must import nothing).
 *
 * <p>Run with {@code bench/run legacy-import} (optional: {@code LINES}).
 */
public final class LegacyImportBenchmark {

	static final int LINES = Integer.parseInt(System.getenv().getOrDefault("LINES", "1000000"));
	static final String[] AGENCIES = { "SXD", "STP", "SNNMT", "SCT", "SYT", "SGDDT", "P_ANXUYEN", "X_NAMCAN" };
	static final String[] PROCEDURES = { "2.001101", "2.001102", "2.001104", "1.001101" };

	public static void main(String[] args) throws Exception {
		Path data = Path.of("target", "bench-import-" + System.nanoTime()).toAbsolutePath();
		Path file = data.resolve("legacy.ndjson");
		Files.createDirectories(data);
		long written = write(file);
		System.out.printf("file: %d lines, %.0f MB%n", LINES, written / 1e6);
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MotCuaApplication.class).run(
				"--server.port=0", "--motcua.data-dir=" + data, "--motcua.db.embedded-clean=true",
				"--db-scheduler.enabled=false", "--logging.level.root=warn")) {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			HttpClient http = HttpClient.newHttpClient();
			String token = new DossierLoadBenchmark.Http("http://127.0.0.1:" + port).token("admin");
			for (String round : new String[] { "first import", "same file again" }) {
				long t0 = System.nanoTime();
				HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
						+ "/api/v1/admin/dossiers:import"))
					.timeout(Duration.ofMinutes(60))
					.header("Authorization", "Bearer " + token)
					.header("Content-Type", "application/x-ndjson")
					.POST(HttpRequest.BodyPublishers.ofFile(file))
					.build(), HttpResponse.BodyHandlers.ofString());
				double seconds = (System.nanoTime() - t0) / 1e9;
				String body = r.body().length() > 300 ? r.body().substring(0, 300) + "…" : r.body();
				System.out.printf("%s: HTTP %d in %.1f s (%.0f lines/s): %s%n", round, r.statusCode(), seconds,
						LINES / seconds, body);
			}
		}
	}

	private static long write(Path file) throws Exception {
		LocalDate start = LocalDate.of(2023, 1, 2);
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			for (int i = 0; i < LINES; i++) {
				LocalDate day = start.plusDays(i % 1095);
				String d = day.toString();
				String due = day.plusDays(7).toString();
				boolean supplement = i % 10 == 0;
				boolean finished = i % 20 != 0;
				boolean late = i % 17 == 0;
				String finishedAt = finished ? "\"" + (late ? day.plusDays(9) : day.plusDays(5)) + "T15:00:00+07:00\"" : "null";
				out.write("{\"code\":\"LEG-" + d.replace("-", "").substring(2) + "-" + String.format("%07d", i)
						+ "\",\"procedureCode\":\"" + PROCEDURES[i % PROCEDURES.length] + "\",\"agencyCode\":\""
						+ AGENCIES[i % AGENCIES.length] + "\",\"channel\":\"" + (i % 3 == 0 ? "COUNTER" : "ONLINE")
						+ "\",\"submittedAt\":\"" + d + "T07:30:00+07:00\",\"receivedAt\":\"" + d + "T08:00:00+07:00\","
						+ "\"dueAt\":\"" + due + "T08:00:00+07:00\",\"finishedAt\":" + finishedAt + ",\"returnedAt\":"
						+ finishedAt + ",\"nationalStatus\":" + (finished ? 10 : 4) + ",\"supplements\":"
						+ (supplement ? "[{\"requestedAt\":\"" + day.plusDays(1) + "T09:00:00+07:00\",\"completedAt\":\""
								+ day.plusDays(2) + "T09:00:00+07:00\"}]" : "[]")
						+ ",\"feeVnd\":" + (i % 4 == 0 ? 50000 : 0) + ",\"paidOnline\":" + (i % 4 == 0) + ",\"digitized\":true"
						+ ",\"electronicResult\":" + (i % 2 == 0) + ",\"vneidVerified\":" + (i % 3 != 0) + ",\"rating\":"
						+ (finished ? "\"SATISFIED\"" : "null") + "}\n");
			}
		}
		return Files.size(file);
	}
}
