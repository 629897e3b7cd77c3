package vn.motcua.catalog;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Catalog imports started from the admin page: each run's progress is written in its own short transaction
 * (the import itself is one all-or-nothing transaction), so the page can show it while the import works.
 */
@Component
public class CatalogImportRuns {

	private final JdbcClient jdbc;
	private final TransactionTemplate own;
	private final Clock clock;
	private final JsonMapper json = JsonMapper.builder().build();

	CatalogImportRuns(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.own = new TransactionTemplate(transactions);
		this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/**
	 * One run as the page shows it.
	 *
	 * @param succeeded null while it runs
	 * @param outcome the summary ({@code {"imported":…}}) or the bad lines ({@code [{"line","message"}]}), as JSON
	 */
	public record Run(long id, Instant startedAt, @Nullable Instant finishedAt, String actor, String format,
			@Nullable String fileName, int total, int done, @Nullable Boolean succeeded, @Nullable String outcome) {

		public int percent() {
			return finishedAt != null ? 100 : total == 0 ? 0 : Math.min(99, done * 100 / total);
		}
	}

	public long start(String actor, String format, @Nullable String fileName) {
		return own.execute(s -> jdbc.sql("""
				insert into catalog_import_run (started_at, actor, format, file_name) values (?, ?, ?, ?) returning id""")
			.params(Timestamp.from(clock.instant()), actor, format, fileName)
			.query(Long.class)
			.single());
	}

	/** A progress callback for the import that writes to this run. */
	public ProcedureImport.Progress progressOf(long run) {
		return (done, total) -> own.executeWithoutResult(s -> jdbc
			.sql("update catalog_import_run set done = ?, total = ?, progress_at = ? where id = ?")
			.params(done, total, Timestamp.from(clock.instant()), run)
			.update());
	}

	public void finish(long run, boolean succeeded, Object outcome) {
		own.executeWithoutResult(s -> jdbc.sql("""
				update catalog_import_run set finished_at = ?, succeeded = ?, outcome = cast(? as jsonb) where id = ?""")
			.params(Timestamp.from(clock.instant()), succeeded, json.writeValueAsString(outcome), run)
			.update());
	}

	public Optional<Run> find(long id) {
		return jdbc.sql("select * from catalog_import_run where id = ?").param(id).query(this::row).optional();
	}

	public List<Run> recent(int limit) {
		return jdbc.sql("select * from catalog_import_run order by id desc limit ?").param(limit).query(this::row).list();
	}

	private Run row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		Timestamp finished = rs.getTimestamp("finished_at");
		return new Run(rs.getLong("id"), rs.getTimestamp("started_at").toInstant(),
				finished == null ? null : finished.toInstant(), rs.getString("actor"), rs.getString("format"),
				rs.getString("file_name"), rs.getInt("total"), rs.getInt("done"),
				(Boolean) rs.getObject("succeeded"), rs.getString("outcome"));
	}
}
