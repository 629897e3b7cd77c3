package vn.motcua.sync;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import jakarta.annotation.PreDestroy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditLog;
import vn.motcua.catalog.NationalCatalogImport;
import vn.motcua.catalog.ProcedureImport;
import vn.motcua.identity.Caller;
import vn.motcua.platform.DomainProblem;
import vn.motcua.platform.NotFound;

/**
 * The national catalog pull (docs/adr/0012): {@code LayDanhSachTTHC} lists the procedures with the mark of their
 * last change; those whose mark differs from the one seen last are fetched with {@code LayThuTuc}, their codes
 * read into the local ones ({@link CodeMappings}), and each is given to the national catalog import on its own —
 * a new version where it changed, an abolition where the portal says so, a record the import refuses listed with
 * its reason without holding the others back. Nightly on one instance and on an administrator's demand; one pull
 * at a time across the cluster; each run recorded with its counts.
 */
@Service
public class CatalogPull {

	private static final Logger log = LoggerFactory.getLogger(CatalogPull.class);
	static final String ACTOR = "dvcqg-catalog-pull";
	/** A run left RUNNING longer than this was cut off with its instance. */
	private static final Duration ABANDONED = Duration.ofHours(1);

	/** What a pull fetches: the records whose mark of change moved, or every record (after mappings were fixed). */
	public enum Scope {
		CHANGED, ALL
	}

	/** One pull and what it brought. */
	public record Run(UUID id, String trigger, Scope scope, String requestedBy, Instant startedAt, @Nullable Instant finishedAt,
			String status, int listed, int fetched, int published, int unchanged, int abolished, int rejected,
			List<Map<String, Object>> problems, @Nullable String error) {
	}

	private final NationalPortal portal;
	private final NationalCatalogImport importer;
	private final CodeMappings mappings;
	private final SyncSettings settings;
	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final Clock clock;
	private final org.springframework.transaction.support.TransactionTemplate transactions;
	private final JsonMapper json = JsonMapper.builder().build();
	private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "dvcqg-catalog-pull");
		t.setDaemon(true);
		return t;
	});

	CatalogPull(NationalPortal portal, NationalCatalogImport importer, CodeMappings mappings, SyncSettings settings,
			JdbcClient jdbc, AuditLog audit, Clock clock,
			org.springframework.transaction.PlatformTransactionManager transactionManager) {
		this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
		this.portal = portal;
		this.importer = importer;
		this.mappings = mappings;
		this.settings = settings;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	@PreDestroy
	void stop() {
		background.shutdownNow();
	}

	/** Starts a pull in the background (administrators); 409 while one runs. */
	public Run start(Scope scope, Caller caller) {
		caller.requireAdmin();
		UUID id = transactions.execute(t -> {
			UUID started = begin("ADMIN", scope, caller.username());
			audit.record(AuditEntry.of(caller.username(), "sync.catalog-pull-started", "sync_catalog_pull",
					started.toString()).with(Map.of("scope", scope.name())));
			return started;
		});
		background.execute(() -> execute(id, scope));
		return find(id);
	}

	/** The nightly pull, run where the scheduler runs it; nothing when another pull is still at work. */
	void scheduled() {
		UUID id;
		try {
			id = transactions.execute(t -> begin("SCHEDULE", Scope.CHANGED, ACTOR));
		}
		catch (AlreadyRunning e) {
			log.info("National catalog pull skipped: another pull is running");
			return;
		}
		execute(id, Scope.CHANGED);
	}

	public List<Run> runs(Caller caller) {
		caller.requireAdmin();
		return jdbc.sql("select * from sync_catalog_pull order by started_at desc, id limit 20").query(this::run).list();
	}

	public Run run(UUID id, Caller caller) {
		caller.requireAdmin();
		return find(id);
	}

	private Run find(UUID id) {
		return jdbc.sql("select * from sync_catalog_pull where id = ?").param(id).query(this::run).optional()
			.orElseThrow(() -> new NotFound("Không có lần lấy danh mục này."));
	}

	private UUID begin(String trigger, Scope scope, String actor) {
		Instant now = clock.instant();
		jdbc.sql("""
				update sync_catalog_pull set status = 'FAILED', finished_at = ?, error = 'Bị ngắt (máy chủ dừng giữa chừng).'
				where status = 'RUNNING' and started_at < ?""")
			.params(Timestamp.from(now), Timestamp.from(now.minus(ABANDONED))).update();
		UUID id = UUID.randomUUID();
		try {
			jdbc.sql("""
					insert into sync_catalog_pull (id, trigger, scope, requested_by, started_at, status)
					values (?, ?, ?, ?, ?, 'RUNNING')""")
				.params(id, trigger, scope.name(), actor, Timestamp.from(now)).update();
		}
		catch (DuplicateKeyException e) {
			throw new AlreadyRunning();
		}
		return id;
	}

	/** Counts as the run goes; written every few records so the page can follow it. */
	private static final class Counts {
		int listed, fetched, published, unchanged, abolished, rejected;
		final List<Map<String, Object>> problems = new ArrayList<>();
	}

	void execute(UUID id, Scope scope) {
		Counts c = new Counts();
		try {
			List<JsonNode> list = portal.procedureList(settings.provinceCode());
			c.listed = list.size();
			for (JsonNode item : list) {
				String national = item.path("MATTHC").asString("").strip();
				if (national.isEmpty()) {
					continue;
				}
				pullOne(national, item.path("NGAYCAPNHAT").asString("").strip(), scope, c);
				if ((c.fetched + c.unchanged) % 20 == 0) {
					progress(id, c, "RUNNING", null);
				}
			}
			transactions.executeWithoutResult(t -> {
				progress(id, c, "DONE", null);
				audit.record(AuditEntry.of(ACTOR, "sync.catalog-pulled", "sync_catalog_pull", id.toString())
					.with(Map.of("listed", c.listed, "published", c.published, "abolished", c.abolished, "rejected",
							c.rejected)));
			});
		}
		catch (NationalPortal.Failure | RuntimeException e) {
			log.warn("National catalog pull {} failed: {}", id, e.getMessage());
			progress(id, c, "FAILED", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
		}
	}

	private void pullOne(String national, String mark, Scope scope, Counts c) throws NationalPortal.Failure {
		String seen = jdbc.sql("select changed_mark from sync_catalog_seen where national_code = ?").param(national)
			.query(String.class).optional().orElse(null);
		if (scope == Scope.CHANGED && !mark.isEmpty() && mark.equals(seen)) {
			c.unchanged++;
			return;
		}
		JsonNode record = portal.procedure(national);
		c.fetched++;
		ObjectNode local = localCodes(national, record);
		try {
			NationalCatalogImport.Result r = importer.importRecords(local, ACTOR);
			c.published += r.published();
			c.unchanged += r.unchanged();
			c.abolished += r.abolished();
		}
		catch (ProcedureImport.InvalidImport e) {
			c.rejected++;
			Map<String, Object> problem = new LinkedHashMap<>();
			problem.put("maTTHC", national);
			problem.put("message", e.errors().isEmpty() ? e.getMessage() : String.valueOf(e.errors().get(0).get("message")));
			if (c.problems.size() < 200) {
				c.problems.add(problem);
			}
			return; // fetched again next time, until it imports
		}
		JsonNode field = record.path("LINHVUCTHUCHIEN").path(0);
		if (field.hasNonNull("MALINHVUC") && local.path("LINHVUCTHUCHIEN").path(0).hasNonNull("TENLINHVUC")) {
			mappings.learn(CodeMappings.Kind.FIELD, local.path("LINHVUCTHUCHIEN").path(0).path("TENLINHVUC").asString(),
					field.path("MALINHVUC").asString(), field.path("TENLINHVUC").asString(null));
		}
		if (!mark.isEmpty()) {
			jdbc.sql("""
					insert into sync_catalog_seen (national_code, changed_mark, seen_at) values (?, ?, ?)
					on conflict (national_code) do update set changed_mark = excluded.changed_mark, seen_at = excluded.seen_at""")
				.params(national, mark, Timestamp.from(clock.instant())).update();
		}
	}

	/** The record with the province's codes: procedure, agencies, and the field's local name where they differ. */
	private ObjectNode localCodes(String national, JsonNode record) {
		ObjectNode r = (ObjectNode) record.deepCopy();
		r.put("MATTHC", mappings.local(CodeMappings.Kind.PROCEDURE, national).orElse(national));
		for (JsonNode unit : r.path("COQUANTHUCHIEN")) {
			if (unit instanceof ObjectNode u && u.hasNonNull("MADONVI")) {
				mappings.local(CodeMappings.Kind.AGENCY, u.get("MADONVI").asString()).ifPresent(l -> u.put("MADONVI", l));
			}
		}
		for (JsonNode field : r.path("LINHVUCTHUCHIEN")) {
			if (field instanceof ObjectNode f && f.hasNonNull("MALINHVUC")) {
				mappings.local(CodeMappings.Kind.FIELD, f.get("MALINHVUC").asString()).ifPresent(l -> f.put("TENLINHVUC", l));
			}
		}
		return r;
	}

	private void progress(UUID id, Counts c, String status, @Nullable String error) {
		jdbc.sql("""
				update sync_catalog_pull set status = ?, finished_at = ?, listed = ?, fetched = ?, published = ?,
				  unchanged = ?, abolished = ?, rejected = ?, problems = cast(? as jsonb), error = ?
				where id = ?""")
			.params(status, status.equals("RUNNING") ? null : Timestamp.from(clock.instant()), c.listed, c.fetched,
					c.published, c.unchanged, c.abolished, c.rejected, json.writeValueAsString(c.problems), error, id)
			.update();
	}

	private Run run(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		Timestamp finished = rs.getTimestamp("finished_at");
		List<Map<String, Object>> problems = new ArrayList<>();
		json.readTree(rs.getString("problems")).forEach(p -> {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("maTTHC", p.path("maTTHC").asString(""));
			m.put("message", p.path("message").asString(""));
			problems.add(m);
		});
		return new Run(rs.getObject("id", UUID.class), rs.getString("trigger"), Scope.valueOf(rs.getString("scope")),
				rs.getString("requested_by"),
				rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(),
				rs.getString("status"), rs.getInt("listed"), rs.getInt("fetched"), rs.getInt("published"),
				rs.getInt("unchanged"), rs.getInt("abolished"), rs.getInt("rejected"), problems, rs.getString("error"));
	}

	/** Two pulls at once would import the same records twice over. */
	static final class AlreadyRunning extends DomainProblem {
		AlreadyRunning() {
			super(HttpStatus.CONFLICT, "catalog-pull-running", "Đang có một lần lấy danh mục thủ tục từ Cổng DVCQG chạy.");
		}
	}
}
