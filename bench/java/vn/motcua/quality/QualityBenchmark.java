package vn.motcua.quality;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.MotCuaApplication;

/**
 * A data-quality run over {@code DOSSIERS} dossiers (default 1,000,000) with their applicants, in a fresh embedded
 * PostgreSQL: the dossiers are written by one INSERT … SELECT over generate_series (triggers off, as a bulk
 * migration), about 600,000 applicants of whom some lack a phone, some have two names on one ID number, some were
 * never checked against the registry, a tenth of the dossiers still open. Then every rule runs twice (the first run
 * writes the issues, the second finds them already there) and the figures are printed.
 */
public final class QualityBenchmark {

	private QualityBenchmark() {
	}

	public static void main(String[] args) {
		int n = Integer.parseInt(System.getenv().getOrDefault("DOSSIERS", "1000000"));
		Path data = Path.of("target", "bench-quality-" + System.nanoTime()).toAbsolutePath();
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MotCuaApplication.class).run(
				"--server.port=0", "--motcua.data-dir=" + data, "--db-scheduler.enabled=false", "--logging.level.root=warn",
				"--logging.level.vn.motcua.quality=info", "--motcua.quality.reverify-per-minute=0")) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			TransactionTemplate tx = app.getBean(TransactionTemplate.class);
			List<String[]> procedures = jdbc.sql("select code, agency_code from catalog_procedure where status = 'PUBLISHED'")
				.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2) })
				.list();
			long t0 = System.nanoTime();
			tx.executeWithoutResult(s -> {
				jdbc.sql("set local session_replication_role = replica").update();
				jdbc.sql("""
						insert into dossier (code, procedure_code, agency_code, receiving_unit_code, channel, status,
						  applicant_type, applicant_id_number, applicant_name, applicant_birth_date, applicant_phone,
						  submitted_at, received_at, due_at, finished_at, returned_at, registry_check, vneid_verified)
						select 'QB' || g, (cast(:codes as text[]))[1 + g % :p], (cast(:agencies as text[]))[1 + g % :p],
						  (cast(:agencies as text[]))[1 + g % :p], 'ONLINE',
						  case when g % 10 = 0 then 'PROCESSING' else 'RETURNED' end, 'CITIZEN',
						  '0960' || lpad(cast(g % 600000 as text), 8, '0'),
						  case when g % 997 = 0 then 'Người Khác ' || g else 'Nguyễn Văn ' || (g % 600000) end,
						  date '1960-01-01' + (g % 600000) % 15000,
						  case when g % 20 = 0 then null else '09' || lpad(cast(g % 100000000 as text), 8, '0') end,
						  now() - (g % 1000) * interval '1 day', now() - (g % 1000) * interval '1 day' + interval '20 minutes',
						  now() - (g % 1000) * interval '1 day' + interval '3 days',
						  case when g % 10 = 0 then null else now() - (g % 1000) * interval '1 day' + interval '2 days' end,
						  case when g % 10 = 0 then null else now() - (g % 1000) * interval '1 day' + interval '3 days' end,
						  case g % 5 when 0 then 'NOT_CHECKED' when 1 then 'NO_MATCH' else 'MATCH' end, g % 3 = 0
						from generate_series(1, :n) g""")
					.param("codes", procedures.stream().map(p -> p[0]).toArray(String[]::new))
					.param("agencies", procedures.stream().map(p -> p[1]).toArray(String[]::new))
					.param("p", procedures.size())
					.param("n", n)
					.update();
			});
			jdbc.sql("vacuum analyze dossier").update();
			System.out.printf("load: %,d dossiers in %.1f s (%,d in the table with the demo's)%n", n,
					(System.nanoTime() - t0) / 1e9, jdbc.sql("select count(*) from dossier").query(Long.class).single());
			QualityRuns runs = app.getBean(QualityRuns.class);
			for (int round = 1; round <= 2; round++) {
				long t = System.nanoTime();
				QualityRuns.Run run = runs.runNow("bench");
				System.out.printf("run %d (%s): %.1f s%n", round, run.status(), (System.nanoTime() - t) / 1e9);
			}
			jdbc.sql("""
					select dataset, dimension, sum(checked), sum(passed) from quality_score
					where run_id = (select max(id) from quality_run) group by 1, 2 order by 1, 2""")
				.query((rs, i) -> String.format("  %-11s %-9s checked %,10d passed %,10d", rs.getString(1), rs.getString(2),
						rs.getLong(3), rs.getLong(4)))
				.list()
				.forEach(System.out::println);
			System.out.printf("issues: %,d open%n",
					jdbc.sql("select count(*) from quality_issue where status = 'OPEN'").query(Long.class).single());
		}
	}
}
