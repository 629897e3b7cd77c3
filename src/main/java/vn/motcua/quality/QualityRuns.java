package vn.motcua.quality;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Daily;

import vn.motcua.identity.Caller;
import vn.motcua.organization.Agencies;
import vn.motcua.organization.Agency;

/**
 * Runs every enabled rule over the data MotCua holds, one rule per transaction: the rule's check fills a temporary
 * table inside PostgreSQL, from which the run's scores per unit and the issues (one per record and rule) are written;
 * an open issue whose record now passes is closed as corrected, a dismissed one stays dismissed unless its values
 * changed. One run at a time across instances (a unique index on the running run); nightly and on demand.
 */
@Service
public class QualityRuns {

	private static final Logger log = LoggerFactory.getLogger(QualityRuns.class);

	/** A run left RUNNING longer than this died with its instance and no longer blocks the next. */
	private static final Duration ABANDONED = Duration.ofHours(3);

	private final JdbcClient jdbc;
	private final TransactionTemplate tx;
	private final Clock clock;
	private final Agencies agencies;
	private final Executor executor;

	QualityRuns(JdbcClient jdbc, TransactionTemplate tx, Clock clock, Agencies agencies,
			@Qualifier("applicationTaskExecutor") Executor executor) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.clock = clock;
		this.agencies = agencies;
		this.executor = executor;
	}

	/** A run as the API shows it. */
	public record Run(long id, String status, Instant startedAt, @Nullable Instant finishedAt) {
	}

	/** A rule of the table. */
	record Rule(String code, String dataset, String field, String dimension, String description) {
	}

	/** Starts a run in the background, or answers the one running (administrators). */
	public Run request(Caller caller) {
		caller.requireAdmin();
		return start(caller.username(), true);
	}

	/** Runs every rule now, in the calling thread (the nightly task, tests); the one running when there is one. */
	public Run runNow(String actor) {
		return start(actor, false);
	}

	private Run start(String actor, boolean background) {
		jdbc.sql("update quality_run set status = 'FAILED', finished_at = ?, failure = 'abandoned'"
				+ " where status = 'RUNNING' and started_at < ?")
			.params(Timestamp.from(clock.instant()), Timestamp.from(clock.instant().minus(ABANDONED)))
			.update();
		long id;
		try {
			id = jdbc.sql("insert into quality_run (status, started_at, requested_by) values ('RUNNING', ?, ?) returning id")
				.params(Timestamp.from(clock.instant()), actor)
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException running) {
			return jdbc.sql("select * from quality_run where status = 'RUNNING'").query(QualityRuns::run).optional()
				.orElseGet(() -> start(actor, background));
		}
		if (background) {
			executor.execute(() -> execute(id));
		}
		else {
			execute(id);
		}
		return find(id).orElseThrow();
	}

	public Optional<Run> find(long id) {
		return jdbc.sql("select * from quality_run where id = ?").param(id).query(QualityRuns::run).optional();
	}

	private static Run run(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		Timestamp f = rs.getTimestamp("finished_at");
		return new Run(rs.getLong("id"), rs.getString("status"), rs.getTimestamp("started_at").toInstant(),
				f == null ? null : f.toInstant());
	}

	private void execute(long run) {
		long started = System.nanoTime();
		try {
			for (Rule rule : rules()) {
				tx.executeWithoutResult(s -> check(run, rule, null));
			}
			tx.executeWithoutResult(s -> records(run));
			jdbc.sql("update quality_run set status = 'DONE', finished_at = ? where id = ?")
				.params(Timestamp.from(clock.instant()), run)
				.update();
			log.info("Data quality run {} done in {} ms", run, (System.nanoTime() - started) / 1_000_000);
		}
		catch (RuntimeException e) {
			log.error("Data quality run {} failed", run, e);
			jdbc.sql("update quality_run set status = 'FAILED', finished_at = ?, failure = ? where id = ?")
				.params(Timestamp.from(clock.instant()), String.valueOf(e.getMessage()), run)
				.update();
		}
	}

	List<Rule> rules() {
		return jdbc.sql("select code, dataset, field, dimension, description from quality_rule where enabled order by code")
			.query((rs, n) -> new Rule(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
			.list();
	}

	/**
	 * Checks one rule over every record ({@code key} null) or one record, inside the caller's transaction: scores
	 * (a whole run only) and issues. Returns whether the one record passed (null when it was not checked).
	 */
	@Nullable
	Boolean check(long run, Rule rule, @Nullable String key) {
		if (key == null) {
			// a whole rule over millions of rows is batch work, not a request: it gets more than a request's limit
			jdbc.sql("set local statement_timeout = '30min'").update();
		}
		jdbc.sql("create temporary table if not exists quality_check (record_key text, unit_code text, passed boolean,"
				+ " hash text) on commit delete rows").update();
		jdbc.sql("delete from quality_check").update();
		if (rule.dataset().equals("AGENCIES")) {
			agencyCheck(key);
		}
		else {
			String sql = RuleChecks.SQL.get(rule.code());
			Map<String, Object> params = new HashMap<>();
			params.put("key", key);
			params.put("now", Timestamp.from(clock.instant()));
			if (sql.contains(":units")) { // the agency tree's validity, read only for the rule that judges it
				List<Agency> all = agencies.all();
				params.put("units", all.stream().map(Agency::code).toArray(String[]::new));
				params.put("froms", all.stream().map(a -> a.validFrom() == null ? null : a.validFrom().toString())
					.toArray(String[]::new));
				params.put("tos", all.stream().map(a -> a.validTo() == null ? null : a.validTo().toString())
					.toArray(String[]::new));
			}
			jdbc.sql("insert into quality_check (record_key, unit_code, passed, hash) " + sql)
				.params(params)
				.update();
		}
		jdbc.sql("analyze quality_check").update(); // the planner's row counts for the joins below
		if (key == null) {
			jdbc.sql("""
					insert into quality_score (run_id, dataset, dimension, unit_code, checked, passed)
					select ?, ?, ?, unit_code, count(*), count(*) filter (where passed) from quality_check group by unit_code""")
				.params(run, rule.dataset(), rule.dimension())
				.update();
		}
		jdbc.sql("""
				insert into quality_issue (dataset, record_key, rule, field, dimension, unit_code, status, record_hash,
				  first_run, last_run)
				select :dataset, c.record_key, :rule, :field, :dimension, c.unit_code, 'OPEN', c.hash, :run, :run
				from quality_check c where not c.passed
				on conflict (dataset, record_key, rule) do update set
				  last_run = excluded.last_run, unit_code = excluded.unit_code,
				  status = case when quality_issue.status = 'DISMISSED' and quality_issue.record_hash = excluded.record_hash
				                then 'DISMISSED' else 'OPEN' end,
				  resolved_at = case when quality_issue.status = 'OPEN'
				                  or (quality_issue.status = 'DISMISSED' and quality_issue.record_hash = excluded.record_hash)
				                then quality_issue.resolved_at else null end,
				  record_hash = excluded.record_hash""")
			.param("dataset", rule.dataset())
			.param("rule", rule.code())
			.param("field", rule.field())
			.param("dimension", rule.dimension())
			.param("run", run)
			.update();
		// an open issue whose record passes now, or is no longer there, is corrected: after a whole run, those the run
		// did not refresh; after one record's check, that record's if it passed
		jdbc.sql(key == null ? """
				update quality_issue i set status = 'CORRECTED', resolved_at = :now, resolved_by = 'system',
				  resolution_note = 'Kiểm tra lại: đạt'
				where i.rule = :rule and i.status = 'OPEN' and i.last_run <> :run""" : """
				update quality_issue i set status = 'CORRECTED', resolved_at = :now, resolved_by = 'system',
				  resolution_note = 'Kiểm tra lại: đạt'
				where i.rule = :rule and i.status = 'OPEN' and i.record_key = :key
				  and not exists (select 1 from quality_check c where c.record_key = i.record_key and not c.passed)""")
			.param("now", Timestamp.from(clock.instant()))
			.param("rule", rule.code())
			.param("run", run)
			.param("key", key)
			.update();
		if (key == null) {
			return null;
		}
		return jdbc.sql("select bool_and(passed) from quality_check").query(Boolean.class).optional().orElse(null);
	}

	/** Electronic identifiers of the agency tree: well formed and each used once (thống nhất). */
	private void agencyCheck(@Nullable String key) {
		Map<String, Long> uses = new HashMap<>();
		List<Agency> all = agencies.all();
		all.stream().filter(a -> a.identifier() != null).forEach(a -> uses.merge(a.identifier(), 1L, Long::sum));
		List<Object[]> rows = new ArrayList<>();
		for (Agency a : all) {
			if (key != null && !a.code().equals(key)) {
				continue;
			}
			boolean passed = a.identifier() != null && a.identifier().matches("[0-9]{3}\\.[0-9]{2}\\.[0-9]{2}\\.[A-Z][0-9]{2}")
					&& uses.get(a.identifier()) == 1;
			rows.add(new Object[] { a.code(), a.code(), passed, String.valueOf(a.identifier()) });
		}
		for (Object[] r : rows) {
			jdbc.sql("insert into quality_check (record_key, unit_code, passed, hash) values (?, ?, ?, ?)").params(r).update();
		}
	}

	private void records(long run) {
		for (Map.Entry<String, String> e : RuleChecks.RECORDS.entrySet()) {
			jdbc.sql("insert into quality_score (run_id, dataset, dimension, unit_code, checked, passed)"
					+ " select ?, ?, 'records', coalesce(x.u, ''), x.n, x.n from (" + e.getValue() + ") as x(u, n)")
				.params(run, e.getKey())
				.update();
		}
		long units = agencies.all().size();
		jdbc.sql("insert into quality_score (run_id, dataset, dimension, unit_code, checked, passed)"
				+ " values (?, 'AGENCIES', 'records', '', ?, ?)")
			.params(run, units, units)
			.update();
	}

	@Configuration(proxyBeanMethods = false)
	static class Schedule {

		/** Nightly at {@code motcua.quality.nightly-at} (default 03:15, Asia/Ho_Chi_Minh; blank: off), on one instance. */
		@Bean
		RecurringTask<Void> qualityNightlyRun(QualityRuns runs,
				@org.springframework.beans.factory.annotation.Value("${motcua.quality.nightly-at:03:15}") String at) {
			boolean off = at.isBlank(); // blank turns the nightly run off (the tests, a deployment that runs it itself)
			java.time.LocalTime time = off ? java.time.LocalTime.of(3, 15) : java.time.LocalTime.parse(at.strip());
			return Tasks.recurring("quality-nightly-run", new Daily(vn.motcua.platform.Zones.VIETNAM, time))
				.execute((instance, context) -> {
					if (!off) {
						runs.runNow("system");
					}
				});
		}
	}
}
