package vn.motcua.kpi;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.motcua.MotCuaApplication;
import vn.motcua.platform.Zones;

/**
 * Decision 766 figures at national scale: loads {@code DOSSIERS} (default 10,000,000) dossiers received over
 * the three years up to today into a fresh embedded PostgreSQL through COPY (triggers off, as a bulk migration
 * would), rolls them up with the rebuild command's function (timed), then prints the median and 99th
 * percentile latency of {@code GET /api/v1/kpi} over HTTP for a year, a quarter, a department's subtree and
 * the current year (ending now), beside the time of the same figures by the raw rule's SQL over the dossiers.
 *
 * <p>Data: 600 procedures (one in five decided by communes), their dossiers Zipf-distributed; due 3–15 days
 * after receipt (3 % without one); all ended but 8 % of the last 200 days and 75 % of the last 20 (6 % of the
 * ended after their due date); 10 % with a supplement (1 in 5 of those with a second, 1 in 20 still open).
 *
 * <p>Run with {@code bench/run kpi} (optional: {@code DOSSIERS}, {@code ROUNDS}); needs about 12 GB of disk.
 */
public final class KpiBenchmark {

	static final int DOSSIERS = Integer.parseInt(System.getenv().getOrDefault("DOSSIERS", "10000000"));
	static final int ROUNDS = Integer.parseInt(System.getenv().getOrDefault("ROUNDS", "50"));
	static final int PROCEDURES = 600;
	static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'+07'");

	public static void main(String[] args) throws Exception {
		// REUSE=<data directory> measures again on the data a previous run left (KEEP=1 keeps it)
		String reuse = System.getenv("REUSE");
		boolean keep = reuse != null || System.getenv("KEEP") != null;
		Path data = reuse != null ? Path.of(reuse).toAbsolutePath()
				: Path.of("target", "bench-kpi-" + System.nanoTime()).toAbsolutePath();
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MotCuaApplication.class).run(
				"--server.port=0", "--motcua.data-dir=" + data, "--motcua.db.embedded-clean=" + (reuse == null),
				"--db-scheduler.enabled=false", "--logging.level.root=warn",
				// data left by a run of an earlier build of this (unreleased) migration
				"--spring.flyway.validate-on-migrate=" + (reuse == null))) {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			DataSource dataSource = app.getBean(DataSource.class);
			LocalDate today = LocalDate.now(Zones.VIETNAM);
			LocalDate first = today.minusYears(3);

			if (reuse == null) {
				List<String[]> procedures = procedures(jdbc);
				long t0 = System.nanoTime();
				long supplements = load(dataSource, procedures, first, today);
				System.out.printf("load: %,d dossiers and %,d supplements by COPY in %.1f s%n", DOSSIERS, supplements,
						(System.nanoTime() - t0) / 1e9);
				t0 = System.nanoTime();
				long rolled = jdbc.sql("select kpi_rebuild()").query(Long.class).single();
				System.out.printf("rebuild (kpi:rebuild): %,d dossiers rolled up in %.1f s; %,d rollup rows%n", rolled,
						(System.nanoTime() - t0) / 1e9,
						jdbc.sql("select count(*) from kpi_rollup").query(Long.class).single());
			}
			else {
				System.out.printf("reused: %,d dossiers%n", jdbc.sql("select count(*) from dossier").query(Long.class).single());
			}
			jdbc.sql("vacuum analyze kpi_rollup").update();
			jdbc.sql("vacuum analyze kpi_unit_day").update();
			jdbc.sql("vacuum analyze kpi_unit_late").update();
			jdbc.sql("vacuum analyze kpi_dossier").update();
			jdbc.sql("vacuum analyze dossier").update();
			jdbc.sql("vacuum analyze dossier_supplement").update();
			System.out.printf("sizes: dossier %s, kpi_dossier %s, kpi_rollup %s, kpi_unit_day %s (%,d rows), "
					+ "kpi_unit_late %s (%,d rows)%n", size(jdbc, "dossier"), size(jdbc, "kpi_dossier"),
					size(jdbc, "kpi_rollup"), size(jdbc, "kpi_unit_day"),
					jdbc.sql("select count(*) from kpi_unit_day").query(Long.class).single(), size(jdbc, "kpi_unit_late"),
					jdbc.sql("select count(*) from kpi_unit_late").query(Long.class).single());
			if (System.getenv("EXPLAIN") != null) {
				jdbc.sql("explain (analyze, buffers) " + System.getenv("EXPLAIN")).query(String.class).list()
					.forEach(System.out::println);
			}

			HttpClient http = HttpClient.newHttpClient();
			String base = "http://127.0.0.1:" + port;
			String token = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"province\",\"password\":\"province\"}"))
				.build(), HttpResponse.BodyHandlers.ofString()).body().replaceAll("(?s).*\"access_token\":\"([^\"]+)\".*", "$1");
			int year = today.getYear() - 1;
			List<String[]> cases = List.of(
					new String[] { "a year (" + year + ")", "from=" + year + "-01-01&to=" + year + "-12-31", null },
					new String[] { "a quarter (Q2 " + year + ")", "from=" + year + "-04-01&to=" + year + "-06-30", null },
					new String[] { "a department's subtree, a year (SXD)", "from=" + year + "-01-01&to=" + year + "-12-31",
							"SXD" },
					new String[] { "this year, ending now", "from=" + today.getYear() + "-01-01&to=" + today.getYear()
							+ "-12-31", null },
					new String[] { "three years", "from=" + first + "&to=" + today, null });
			System.out.printf("%-40s %10s %10s %14s %12s %12s%n", "GET /api/v1/kpi", "median ms", "p99 ms",
					"rollup SQL ms", "raw SQL ms", "received");
			KpiRollups rollups = app.getBean(KpiRollups.class);
			org.springframework.transaction.support.TransactionTemplate tx = app
				.getBean(org.springframework.transaction.support.TransactionTemplate.class);
			KpiCalculator raw = app.getBean(KpiCalculator.class);
			vn.motcua.organization.Agencies agencies = app.getBean(vn.motcua.organization.Agencies.class);
			boolean skipRaw = System.getenv("SKIP_RAW") != null;
			for (String[] c : cases) {
				String url = base + "/api/v1/kpi?" + c[1] + (c[2] == null ? "" : "&agency=" + c[2]);
				String body = "";
				for (int i = 0; i < 5; i++) {
					body = get(http, url, token);
				}
				long[] samples = new long[ROUNDS];
				for (int i = 0; i < ROUNDS; i++) {
					long s = System.nanoTime();
					body = get(http, url, token);
					samples[i] = System.nanoTime() - s;
				}
				Arrays.sort(samples);
				String received = body.replaceAll("(?s).*\"received\":(\\d+).*", "$1");
				// the same figures by the raw rule over the dossiers: the plain SQL a rollup saves
				LocalDate from = LocalDate.parse(c[1].substring(5, 15));
				LocalDate to = LocalDate.parse(c[1].substring(c[1].indexOf("to=") + 3));
				Instant start = from.atStartOfDay(Zones.VIETNAM).toInstant();
				Instant endOfTo = to.plusDays(1).atStartOfDay(Zones.VIETNAM).toInstant();
				Instant end = endOfTo.isBefore(Instant.now()) ? endOfTo : Instant.now();
				List<String> units = c[2] == null ? null : agencies.subtree(c[2]);
				long[] rawSamples = new long[skipRaw ? 0 : 2];
				KpiFigures direct = null;
				for (int i = 0; i < rawSamples.length; i++) {
					long s = System.nanoTime();
					direct = raw.figures(start, end, units);
					rawSamples[i] = System.nanoTime() - s;
				}
				Arrays.sort(rawSamples);
				if (skipRaw) {
					direct = raw.figures(start, start, units); // not measured: the comparison below is skipped
				}
				long[] sqlSamples = new long[ROUNDS];
				for (int i = 0; i < ROUNDS; i++) {
					long s = System.nanoTime();
					tx.executeWithoutResult(t -> rollups.figures(KpiRollups.Grouping.TOTAL, from, to, end, units));
					sqlSamples[i] = System.nanoTime() - s;
				}
				Arrays.sort(sqlSamples);
				System.out.printf("%-40s %10.1f %10.1f %14.1f %12.0f %12s%s%n", c[0], samples[ROUNDS / 2] / 1e6,
						samples[(int) Math.ceil(ROUNDS * 0.99) - 1] / 1e6, sqlSamples[ROUNDS / 2] / 1e6,
						skipRaw ? Double.NaN : rawSamples[0] / 1e6, received,
						skipRaw || direct.received() == Long.parseLong(received) && body.contains("\"onTime\":" + direct.onTime() + ",")
								? "" : "  DIFFERS from the raw rule: " + direct);
			}
			// the dashboard's other reads of a year: by month (its trend) and by procedure (its tables)
			LocalDate from = LocalDate.of(year, 1, 1);
			LocalDate to = LocalDate.of(year, 12, 31);
			Instant end = to.plusDays(1).atStartOfDay(Zones.VIETNAM).toInstant();
			for (KpiRollups.Grouping g : List.of(KpiRollups.Grouping.MONTH, KpiRollups.Grouping.UNIT,
					KpiRollups.Grouping.PROCEDURE)) {
				long[] samples = new long[Math.max(5, ROUNDS / 5)];
				int groups = 0;
				for (int i = -2; i < samples.length; i++) {
					long s = System.nanoTime();
					groups = tx.execute(t -> rollups.figures(g, from, to, end, null)).size();
					if (i >= 0) {
						samples[i] = System.nanoTime() - s;
					}
				}
				Arrays.sort(samples);
				System.out.printf("dashboard, a year by %-19s %10.1f %10.1f   (%d groups, rollup SQL only)%n",
						g.name().toLowerCase(), samples[samples.length / 2] / 1e6, samples[samples.length - 1] / 1e6,
						groups);
			}
		}
		finally {
			if (!keep) {
				deleteTree(data);
			}
		}
	}

	/** The departments' and communes' procedures: code and deciding unit (communes pick any commune). */
	private static List<String[]> procedures(JdbcClient jdbc) {
		List<String> departments = jdbc.sql("""
				select code from agency where level = 'DEPARTMENT' and (valid_to is null or valid_to >= current_date)
				order by code""").query(String.class).list();
		List<String> communes = jdbc.sql("""
				select code from agency where level = 'COMMUNE' and (valid_to is null or valid_to >= current_date)
				order by code""").query(String.class).list();
		List<Integer> fields = jdbc.sql("select id from procedure_field order by id").query(Integer.class).list();
		Random random = new Random(766);
		List<String[]> procedures = new ArrayList<>();
		for (int i = 0; i < PROCEDURES; i++) {
			boolean commune = i % 5 == 4;
			String code = "8.%06d".formatted(i);
			String agency = commune ? communes.get(0) : departments.get(random.nextInt(departments.size()));
			jdbc.sql("""
					insert into procedure (code, name, field_id, agency_code, level, online_level, duration_amount,
					  duration_unit, fee_vnd, current_version)
					values (?, ?, ?, ?, ?, 'FULL', 5, 'DAYS', 0, 1)""")
				.params(code, "Thủ tục đo tải " + i, fields.get(random.nextInt(fields.size())), agency,
						commune ? "COMMUNE" : "PROVINCE")
				.update();
			procedures.add(new String[] { code, commune ? null : agency });
		}
		procedures.forEach(p -> {
			if (p[1] == null) {
				p[1] = "*" + String.join(",", communes);
			}
		});
		System.out.printf("catalog: %d procedures over %d departments and %d communes%n", PROCEDURES,
				departments.size(), communes.size());
		return procedures;
	}

	private static long load(DataSource dataSource, List<String[]> procedures, LocalDate first, LocalDate today)
			throws Exception {
		// Zipf weights: the procedure of rank r gets 1/r of the dossiers of the first
		double[] cumulative = new double[procedures.size()];
		double sum = 0;
		for (int r = 0; r < cumulative.length; r++) {
			sum += 1.0 / (r + 1);
			cumulative[r] = sum;
		}
		double total = sum;
		long[] supplementCount = { 0 };
		int days = (int) (today.toEpochDay() - first.toEpochDay());
		try (Connection c = dataSource.getConnection()) {
			c.createStatement().execute("set session_replication_role = replica"); // no triggers, no FK checks
			PGConnection pg = c.unwrap(PGConnection.class);
			StringBuilder supplements = new StringBuilder();
			pg.getCopyAPI().copyIn("""
					copy dossier (code, procedure_code, agency_code, receiving_unit_code, channel, status, applicant_type,
					  submitted_at, received_at, due_at, finished_at, returned_at, stopped_at, fee_vnd, paid_vnd,
					  paid_online, digitized, electronic_result, rating) from stdin""", new Generator(DOSSIERS) {
				final Random random = new Random(10_000_000);

				@Override
				String row(int i) {
					double u = random.nextDouble() * total;
					int r = Arrays.binarySearch(cumulative, u);
					String[] p = procedures.get(r < 0 ? Math.min(-r - 1, cumulative.length - 1) : r);
					String agency = p[1];
					if (agency.startsWith("*")) {
						String[] communes = agency.substring(1).split(",");
						agency = communes[random.nextInt(communes.length)];
					}
					int day = (int) ((long) i * days / DOSSIERS);
					LocalDateTime received = first.plusDays(day).atTime(7, 30).plusMinutes(random.nextInt(570));
					LocalDateTime due = random.nextInt(100) < 3 ? null : received.plusDays(3 + random.nextInt(13));
					boolean recent = day > days - 20;
					boolean ended = recent ? random.nextInt(4) == 0 : random.nextInt(100) < 92 || day < days - 200;
					LocalDateTime end = null;
					if (ended) {
						boolean late = due != null && random.nextInt(100) < 6;
						end = due == null ? received.plusDays(1 + random.nextInt(10))
								: late ? due.plusHours(1 + random.nextInt(240))
										: received.plusMinutes(60 + random.nextInt((int) java.time.Duration
											.between(received, due).toMinutes() - 60));
					}
					int kind = random.nextInt(100);
					boolean stopped = ended && kind < 1;
					if (random.nextInt(10) == 0) {
						LocalDateTime requested = received.plusHours(2 + random.nextInt(60));
						LocalDateTime completed = random.nextInt(20) == 0 ? null : requested.plusHours(4 + random.nextInt(120));
						supplements.append("BK").append(i).append("\t1\t").append(ts(requested)).append('\t')
							.append(completed == null ? "\\N" : ts(completed)).append("\timported\n");
						if (random.nextInt(5) == 0 && completed != null) {
							supplements.append("BK").append(i).append("\t2\t").append(ts(completed.plusHours(6)))
								.append('\t').append(ts(completed.plusHours(30))).append("\timported\n");
						}
					}
					boolean fee = random.nextInt(4) == 0;
					return "BK" + i + '\t' + p[0] + '\t' + agency + '\t' + agency + '\t'
							+ (random.nextInt(100) < 90 ? "ONLINE" : "COUNTER") + '\t'
							+ (!ended ? "PROCESSING" : stopped ? "STOPPED" : "RETURNED") + "\tCITIZEN\t" + ts(received)
							+ '\t' + ts(received) + '\t' + (due == null ? "\\N" : ts(due)) + '\t'
							+ (ended && !stopped ? ts(end) : "\\N") + '\t'
							+ (ended && !stopped ? ts(end.plusHours(20)) : "\\N") + '\t' + (stopped ? ts(end) : "\\N")
							+ '\t' + (fee ? "50000\t50000" : "0\t0") + '\t' + (fee && random.nextInt(100) < 97) + '\t'
							+ (random.nextInt(100) < 80) + '\t' + (ended && random.nextInt(100) < 70) + '\t'
							+ (ended && kind < 3 ? "DISSATISFIED" : ended && kind < 40 ? "SATISFIED" : "\\N") + '\n';
				}
			});
			supplementCount[0] = pg.getCopyAPI().copyIn("""
					copy dossier_supplement (dossier_code, seq, requested_at, completed_at, reason) from stdin""",
					new java.io.StringReader(supplements.toString()));
			c.createStatement().execute("set session_replication_role = origin");
		}
		return supplementCount[0];
	}

	private static String ts(LocalDateTime t) {
		return TS.format(t);
	}

	private static String size(JdbcClient jdbc, String table) {
		return jdbc.sql("select pg_size_pretty(pg_total_relation_size(?::regclass))").param(table).query(String.class)
			.single();
	}

	private static String get(HttpClient http, String url, String token) throws Exception {
		HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", "Bearer " + token)
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
		if (r.statusCode() != 200) {
			throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
		}
		return r.body();
	}

	private static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (var paths = Files.walk(root)) {
			paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
	}

	/** Streams generated COPY rows without holding them all. */
	abstract static class Generator extends Reader {

		private final int rows;
		private int next;
		private String current = "";
		private int offset;

		Generator(int rows) {
			this.rows = rows;
		}

		abstract String row(int i);

		@Override
		public int read(char[] buffer, int off, int len) {
			if (offset == current.length()) {
				if (next == rows) {
					return -1;
				}
				StringBuilder chunk = new StringBuilder(64 * 1024);
				while (next < rows && chunk.length() < 60 * 1024) {
					chunk.append(row(next++));
				}
				current = chunk.toString();
				offset = 0;
			}
			int n = Math.min(len, current.length() - offset);
			current.getChars(offset, offset + n, buffer, off);
			offset += n;
			return n;
		}

		@Override
		public void close() {
		}
	}
}
