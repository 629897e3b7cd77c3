package vn.motcua.dossier;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditLog;
import vn.motcua.platform.ApiTime;
import vn.motcua.platform.Hashes;

/**
 * Migrates historical dossiers from a previous system (docs/api.md {@code POST /api/v1/admin/dossiers:import}):
 * NDJSON streamed line by line, a bad line reported and skipped, good lines written in batches of a
 * thousand, each with one "IMPORTED" history entry; a line whose code is stored with the same content is
 * unchanged, with other content an error, so importing a file twice changes nothing. The run's progress is
 * kept for the admin page and the whole import is one audit record.
 */
@Service
public class LegacyImport {

	static final int BATCH = 1000;
	static final int MAX_REPORTED_ERRORS = 1000;
	/** A thousand billion đồng: above any fee, within PostgreSQL's bigint. */
	static final long MAX_FEE_VND = 1_000_000_000_000L;

	private final JdbcClient jdbc;
	private final JdbcTemplate batch;
	private final TransactionTemplate tx;
	private final AuditLog audit;
	private final Clock clock;
	private final JsonMapper json = JsonMapper.builder().build();

	private final vn.motcua.organization.Agencies agencies;

	LegacyImport(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate tx, AuditLog audit, Clock clock,
			vn.motcua.organization.Agencies agencies) {
		this.agencies = agencies;
		this.jdbc = jdbc;
		this.batch = batch;
		this.tx = tx;
		this.audit = audit;
		this.clock = clock;
	}

	/** What an import did; {@code errors} lists at most the first thousand bad lines. */
	public record Result(long imported, long unchanged, long errorCount, List<LineError> errors) {
	}

	public record LineError(long line, String message) {
	}

	public Result importLines(InputStream in, String actor) throws IOException {
		return importLines(in, actor, newRun(actor));
	}

	/** Records a run before its file is read, so that a page can follow it from the first line. */
	public long newRun(String actor) {
		return jdbc.sql("insert into dossier_import_run (started_at, actor) values (?, ?) returning id")
			.params(Timestamp.from(clock.instant()), actor)
			.query(Long.class)
			.single();
	}

	/** A run that has reported nothing for this long is taken for dead (its node stopped). */
	static final java.time.Duration SILENCE = java.time.Duration.ofMinutes(5);

	/**
	 * One run as the admin page shows it.
	 *
	 * @param interrupted unfinished and silent for {@link #SILENCE}: the node that ran it stopped
	 */
	public record Run(long id, Instant startedAt, @Nullable Instant finishedAt, String actor, long lines, long imported,
			long unchanged, long errors, @Nullable String errorLines, boolean interrupted) {
	}

	public List<Run> recentRuns(int limit) {
		return jdbc.sql("select * from dossier_import_run order by id desc limit ?")
			.param(limit)
			.query((rs, n) -> new Run(rs.getLong("id"), rs.getTimestamp("started_at").toInstant(),
					rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(),
					rs.getString("actor"), rs.getLong("lines"), rs.getLong("imported"), rs.getLong("unchanged"),
					rs.getLong("errors"), rs.getString("error_lines"), interrupted(rs)))
			.list();
	}

	private boolean interrupted(java.sql.ResultSet rs) throws java.sql.SQLException {
		if (rs.getTimestamp("finished_at") != null) {
			return false;
		}
		Timestamp last = rs.getTimestamp("progress_at") == null ? rs.getTimestamp("started_at") : rs.getTimestamp("progress_at");
		return last.toInstant().plus(SILENCE).isBefore(clock.instant());
	}

	/**
	 * Reads the whole file whatever its lines hold (docs/api.md, "Bad input, everywhere"): a line the checks or
	 * PostgreSQL refuse is reported and skipped, and the run is always finished and audited, even when the
	 * import stops on a failure of its own (then rethrown).
	 */
	public Result importLines(InputStream in, String actor, long run) throws IOException {
		List<LineError> errors = new ArrayList<>();
		long[] counts = new long[4]; // lines, imported, unchanged, errors
		Exception stopped = null;
		try {
			readAll(in, actor, run, errors, counts);
		}
		catch (IOException | RuntimeException e) {
			stopped = e;
		}
		Result result = new Result(counts[1], counts[2], counts[3], List.copyOf(errors));
		String reason = stopped == null ? null : "import stopped after line " + counts[0] + ": " + stopped.getMessage();
		tx.executeWithoutResult(s -> {
			String listed = errors.stream()
				.limit(100)
				.map(e -> e.line() + ": " + e.message())
				.collect(java.util.stream.Collectors.joining("\n"));
			jdbc.sql("""
					update dossier_import_run set finished_at = ?, error_lines = ?, lines = ?, imported = ?, unchanged = ?,
					  errors = ?, progress_at = ? where id = ?""")
				.params(Timestamp.from(clock.instant()), reason == null ? listed : (listed.isEmpty() ? reason : listed + "\n" + reason),
						counts[0], counts[1], counts[2], counts[3], Timestamp.from(clock.instant()), run)
				.update();
			Map<String, Object> details = new LinkedHashMap<>(Map.of("lines", counts[0], "imported", result.imported(),
					"unchanged", result.unchanged(), "errors", result.errorCount()));
			if (reason != null) {
				details.put("stopped", reason);
			}
			audit.record(new AuditEntry(actor, "dossier.legacy-import", "dossier-import", Long.toString(run), details));
		});
		if (stopped instanceof IOException io) {
			throw io;
		}
		if (stopped instanceof RuntimeException r) {
			throw r;
		}
		return result;
	}

	private void readAll(InputStream in, String actor, long run, List<LineError> errors, long[] counts)
			throws IOException {
		Set<String> agencies = new HashSet<>(this.agencies.all().stream().map(vn.motcua.organization.Agency::code).toList());
		Set<String> procedures = new HashSet<>(jdbc.sql("select code from catalog_procedure").query(String.class).list());
		Set<String> seen = new HashSet<>();
		List<Parsed> pending = new ArrayList<>(BATCH);
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
			String line;
			long number = 0;
			while ((line = reader.readLine()) != null) {
				number++;
				counts[0] = number - 1;
				if (line.isBlank()) {
					continue;
				}
				try {
					Parsed p = parse(line, number, agencies, procedures);
					if (!seen.add(p.code)) {
						throw new BadLine("code " + p.code + " is repeated within the file");
					}
					pending.add(p);
				}
				catch (BadLine e) {
					error(errors, counts, number, e.getMessage());
				}
				if (pending.size() == BATCH) {
					write(pending, errors, counts, actor, run, number);
				}
			}
			counts[0] = number;
			write(pending, errors, counts, actor, run, number);
		}
	}

	/** A batch's effect, applied to the run's counts only once its transaction has committed. */
	private record Written(long imported, long unchanged, List<LineError> errors) {
	}

	private void write(List<Parsed> pending, List<LineError> errors, long[] counts, String actor, long run,
			long linesRead) {
		if (!pending.isEmpty()) {
			try {
				apply(tx.execute(s -> writeBatch(pending, actor)), errors, counts);
			}
			catch (org.springframework.dao.DataIntegrityViolationException refused) {
				// PostgreSQL refused a value the checks let through: find the line, keep the others
				for (Parsed p : pending) {
					try {
						apply(tx.execute(s -> writeBatch(List.of(p), actor)), errors, counts);
					}
					catch (org.springframework.dao.DataIntegrityViolationException e) {
						error(errors, counts, p.line, "refused by the database: a value is out of range");
					}
				}
			}
			pending.clear();
		}
		jdbc.sql("""
				update dossier_import_run set lines = ?, imported = ?, unchanged = ?, errors = ?, progress_at = ?
				where id = ?""")
			.params(linesRead, counts[1], counts[2], counts[3], Timestamp.from(clock.instant()), run)
			.update();
	}

	private static void apply(@Nullable Written w, List<LineError> errors, long[] counts) {
		if (w == null) {
			return;
		}
		counts[1] += w.imported();
		counts[2] += w.unchanged();
		w.errors().forEach(e -> error(errors, counts, e.line(), e.message()));
	}

	private Written writeBatch(List<Parsed> lines, String actor) {
		List<LineError> errors = new ArrayList<>();
		long unchanged = 0;
		Map<String, String> stored = new HashMap<>();
		jdbc.sql("select code, coalesce(imported_hash, '') from dossier where code = any(?)")
			.param(lines.stream().map(p -> p.code).toArray(String[]::new))
			.query(rs -> {
				stored.put(rs.getString(1), rs.getString(2));
			});
		List<Parsed> fresh = new ArrayList<>();
		for (Parsed p : lines) {
			String hash = stored.get(p.code);
			if (hash == null) {
				fresh.add(p);
			}
			else if (hash.equals(p.hash)) {
				unchanged++;
			}
			else {
				errors.add(new LineError(p.line, "code " + p.code + " is already stored with different content"));
			}
		}
		if (fresh.isEmpty()) {
			return new Written(0, unchanged, errors);
		}
		Timestamp now = Timestamp.from(clock.instant());
		batch.batchUpdate("""
				insert into dossier (code, procedure_code, case_code, agency_code, receiving_unit_code, channel, status,
				  applicant_type, submitter, submitted_at, received_at, due_at, finished_at, returned_at, stopped_at,
				  fee_vnd, paid_vnd, paid_online, digitized, electronic_result, vneid_verified, rating, imported_hash)
				values (?, ?, null, ?, ?, ?, ?, 'CITIZEN', null, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
				fresh, fresh.size(), (ps, p) -> {
					ps.setString(1, p.code);
					ps.setString(2, p.procedureCode);
					ps.setString(3, p.agencyCode);
					ps.setString(4, p.agencyCode);
					ps.setString(5, p.channel);
					ps.setString(6, p.status.name());
					ps.setTimestamp(7, ts(p.submittedAt != null ? p.submittedAt : p.receivedAt));
					// a dossier refused at reception was never received (docs/api.md): it counts in no indicator
					ps.setTimestamp(8, p.status == DossierStatus.REFUSED ? null : ts(p.receivedAt));
					ps.setTimestamp(9, ts(p.dueAt));
					ps.setTimestamp(10, ts(p.finishedAt));
					ps.setTimestamp(11, ts(p.returnedAt));
					ps.setTimestamp(12, ts(p.stoppedAt));
					ps.setLong(13, p.feeVnd);
					ps.setLong(14, p.feeVnd); // a migrated dossier owes nothing any more
					ps.setBoolean(15, p.paidOnline);
					ps.setBoolean(16, p.digitized);
					ps.setBoolean(17, p.electronicResult);
					ps.setBoolean(18, p.vneidVerified);
					ps.setString(19, p.rating);
					ps.setString(20, p.hash);
				});
		List<Object[]> supplements = new ArrayList<>();
		for (Parsed p : fresh) {
			for (int i = 0; i < p.supplements.size(); i++) {
				Instant[] s = p.supplements.get(i);
				supplements.add(new Object[] { p.code, i + 1, ts(s[0]), ts(s[1]) });
			}
		}
		if (!supplements.isEmpty()) {
			batch.batchUpdate("""
					insert into dossier_supplement (dossier_code, seq, requested_at, completed_at, reason)
					values (?, ?, ?, ?, 'imported')""", supplements);
		}
		batch.batchUpdate("""
				insert into dossier_history (dossier_code, at, actor, action, from_status, to_status, note)
				values (?, ?, ?, 'IMPORTED', null, ?, 'imported')""",
				fresh.stream().map(p -> new Object[] { p.code, now, actor, p.status.name() }).toList());
		return new Written(fresh.size(), unchanged, errors);
	}

	private Parsed parse(String line, long number, Set<String> agencies, Set<String> procedures) {
		JsonNode n;
		try {
			n = json.readTree(line);
		}
		catch (JacksonException e) {
			throw new BadLine("not valid JSON");
		}
		if (!n.isObject()) {
			throw new BadLine("not a JSON object");
		}
		Parsed p = new Parsed();
		p.line = number;
		p.code = required(n, "code");
		if (p.code.length() > 60) {
			throw new BadLine("code is longer than 60 characters");
		}
		p.procedureCode = required(n, "procedureCode");
		if (!procedures.contains(p.procedureCode)) {
			throw new BadLine("unknown procedureCode " + p.procedureCode);
		}
		p.agencyCode = required(n, "agencyCode");
		if (!agencies.contains(p.agencyCode)) {
			throw new BadLine("unknown agencyCode " + p.agencyCode);
		}
		p.channel = required(n, "channel").toUpperCase(Locale.ROOT);
		if (!p.channel.equals("COUNTER") && !p.channel.equals("ONLINE") && !p.channel.equals("POSTAL")) {
			throw new BadLine("channel must be COUNTER, ONLINE or POSTAL");
		}
		p.receivedAt = instant(n, "receivedAt");
		if (p.receivedAt == null) {
			throw new BadLine("receivedAt is required");
		}
		JsonNode status = n.path("nationalStatus");
		if (!status.isIntegralNumber() || !status.canConvertToInt() || status.asInt() < 1 || status.asInt() > 10) {
			throw new BadLine("nationalStatus must be a number from 1 to 10");
		}
		p.status = DossierStatus.ofNationalCode(status.asInt());
		p.submittedAt = instant(n, "submittedAt");
		p.dueAt = instant(n, "dueAt");
		p.finishedAt = instant(n, "finishedAt");
		p.returnedAt = instant(n, "returnedAt");
		p.stoppedAt = instant(n, "stoppedAt");
		JsonNode fee = n.path("feeVnd");
		if (!fee.isMissingNode() && !fee.isNull() && (!fee.isIntegralNumber() || !fee.canConvertToLong()
				|| fee.asLong() < 0 || fee.asLong() > MAX_FEE_VND)) {
			throw new BadLine("feeVnd must be a whole number of VND from 0 to " + MAX_FEE_VND);
		}
		p.feeVnd = fee.isIntegralNumber() ? fee.asLong() : 0;
		for (String[] order : new String[][] { { "finishedAt", "receivedAt" }, { "returnedAt", "receivedAt" },
				{ "stoppedAt", "receivedAt" }, { "returnedAt", "finishedAt" } }) {
			Instant later = p.at(order[0]);
			Instant earlier = p.at(order[1]);
			if (later != null && earlier != null && later.isBefore(earlier)) {
				throw new BadLine(order[0] + " is before " + order[1]);
			}
		}
		p.paidOnline = bool(n, "paidOnline");
		p.digitized = bool(n, "digitized");
		p.electronicResult = bool(n, "electronicResult");
		p.vneidVerified = bool(n, "vneidVerified");
		JsonNode rating = n.path("rating");
		if (!rating.isMissingNode() && !rating.isNull()) {
			if (!rating.isString() || !(rating.asString().equals("SATISFIED") || rating.asString().equals("DISSATISFIED"))) {
				throw new BadLine("rating must be SATISFIED, DISSATISFIED or null");
			}
			p.rating = rating.asString();
		}
		JsonNode supplements = n.path("supplements");
		if (!supplements.isMissingNode() && !supplements.isNull()) {
			if (!supplements.isArray()) {
				throw new BadLine("supplements must be a list");
			}
			for (JsonNode s : supplements) {
				Instant requested = instant(s, "requestedAt");
				Instant completed = instant(s, "completedAt");
				if (requested == null) {
					throw new BadLine("a supplement needs requestedAt");
				}
				if (completed != null && completed.isBefore(requested)) {
					throw new BadLine("a supplement is completed before it was requested");
				}
				p.supplements.add(new Instant[] { requested, completed });
			}
		}
		p.hash = canonicalHash(p);
		return p;
	}

	/** The content of a line, independent of key order, offsets and absent-versus-null. */
	private String canonicalHash(Parsed p) {
		Map<String, Object> c = new TreeMap<>();
		c.put("code", p.code);
		c.put("procedureCode", p.procedureCode);
		c.put("agencyCode", p.agencyCode);
		c.put("channel", p.channel);
		c.put("status", p.status.name());
		c.put("submittedAt", String.valueOf(p.submittedAt));
		c.put("receivedAt", String.valueOf(p.receivedAt));
		c.put("dueAt", String.valueOf(p.dueAt));
		c.put("finishedAt", String.valueOf(p.finishedAt));
		c.put("returnedAt", String.valueOf(p.returnedAt));
		c.put("stoppedAt", String.valueOf(p.stoppedAt));
		c.put("feeVnd", p.feeVnd);
		c.put("flags", List.of(p.paidOnline, p.digitized, p.electronicResult, p.vneidVerified));
		c.put("rating", String.valueOf(p.rating));
		c.put("supplements", p.supplements.stream().map(s -> s[0] + "/" + s[1]).toList());
		return Hashes.sha256Hex(json.writeValueAsBytes(c));
	}

	private static String required(JsonNode n, String field) {
		JsonNode v = n.path(field);
		if (!v.isString() || v.asString().isBlank()) {
			throw new BadLine(field + " is required");
		}
		if (vn.motcua.platform.TextRules.hasNul(v.asString())) {
			throw new BadLine(field + " holds a NUL character (U+0000)");
		}
		return v.asString().strip();
	}

	private static @Nullable Instant instant(JsonNode n, String field) {
		JsonNode v = n.path(field);
		if (v.isMissingNode() || v.isNull()) {
			return null;
		}
		try {
			return ApiTime.parseInstant(v.asString(), field);
		}
		catch (RuntimeException e) {
			throw new BadLine(field + " must be an instant with an offset, such as 2025-03-02T08:00:00+07:00");
		}
	}

	private static boolean bool(JsonNode n, String field) {
		JsonNode v = n.path(field);
		if (v.isMissingNode() || v.isNull()) {
			return false;
		}
		if (!v.isBoolean()) {
			throw new BadLine(field + " must be true, false or null");
		}
		return v.asBoolean();
	}

	private static void error(List<LineError> errors, long[] counts, long line, String message) {
		counts[3]++;
		if (errors.size() < MAX_REPORTED_ERRORS) {
			errors.add(new LineError(line, message));
		}
	}

	private static @Nullable Timestamp ts(@Nullable Instant i) {
		return i == null ? null : Timestamp.from(i);
	}

	/** One imported line, checked. */
	private static final class Parsed {

		long line;
		String code;
		String procedureCode;
		String agencyCode;
		String channel;
		DossierStatus status;
		@Nullable Instant submittedAt;
		@Nullable Instant receivedAt;
		@Nullable Instant dueAt;
		@Nullable Instant finishedAt;
		@Nullable Instant returnedAt;
		@Nullable Instant stoppedAt;
		long feeVnd;
		boolean paidOnline;
		boolean digitized;
		boolean electronicResult;
		boolean vneidVerified;
		@Nullable String rating;
		final List<Instant[]> supplements = new ArrayList<>();
		String hash;

		@Nullable Instant at(String field) {
			return switch (field) {
				case "receivedAt" -> receivedAt;
				case "finishedAt" -> finishedAt;
				case "returnedAt" -> returnedAt;
				case "stoppedAt" -> stoppedAt;
				default -> throw new IllegalArgumentException(field);
			};
		}
	}

	private static final class BadLine extends RuntimeException {

		BadLine(String message) {
			super(message, null, false, false);
		}
	}

	public static Map<String, Object> json(Result r) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("imported", r.imported());
		m.put("unchanged", r.unchanged());
		m.put("errors", r.errors().stream().map(e -> Map.of("line", e.line(), "message", e.message())).toList());
		m.put("errorCount", r.errorCount());
		return m;
	}
}
