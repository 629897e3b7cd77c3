package vn.motcua.kpi;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The figures straight from the dossiers, by the rules of docs/api.md: the raw path (what a rollup must agree
 * with) and, until rollups exist, the answer. One aggregation over the dossiers received in the period.
 *
 * <p>On time: a dossier's end is the first of finished, returned, stopped, but no later than the period's end;
 * a supplement requested before that end and open at it moves the end back to its request; every supplement
 * completed by then gives back its wait (elapsed time); more than one request before the end makes it late;
 * no due date is on time.
 */
@Component
class KpiCalculator {

	private static final String FIGURES = """
			with d as (
			  select d.code, d.procedure_code, d.channel, d.due_at, d.fee_vnd, d.fee_exemption, d.paid_online, d.digitized,
			         d.electronic_result, d.rating, d.vneid_verified, d.registry_check, d.data_reused, d.store_reused,
			         not d.imported as sync_due,
			         exists (select 1 from sync_kpi_source y where y.dossier_code = d.code) as synced,
			         least(coalesce(d.finished_at, d.returned_at, d.stopped_at, :pe), :pe) as e
			  from dossier_kpi_source d
			  where d.received_at >= :ps and d.received_at < :pe and (:all or d.agency_code = any(:units))
			), s as (
			  select d.code,
			         count(*) filter (where x.requested_at < d.e) as requests,
			         min(x.requested_at) filter (where x.requested_at < d.e
			           and (x.completed_at is null or x.completed_at > d.e)) as open_since,
			         coalesce(sum(extract(epoch from x.completed_at - x.requested_at))
			           filter (where x.requested_at < d.e and x.completed_at <= d.e), 0) as waited
			  from d join dossier_kpi_supplement x on x.dossier_code = d.code
			  group by d.code
			)
			select count(*) as received,
			       count(*) filter (where d.channel = 'ONLINE') as online,
			       count(*) filter (where d.due_at is null or coalesce(s.requests, 0) <= 1
			         and coalesce(s.open_since, d.e) - make_interval(secs => coalesce(s.waited, 0)) <= d.due_at) as on_time,
			       count(*) filter (where d.fee_vnd > 0 and d.fee_exemption is null) as fee,
			       count(*) filter (where d.fee_vnd > 0 and d.fee_exemption is null and d.paid_online) as paid_online,
			       count(*) filter (where d.digitized) as digitized,
			       count(*) filter (where d.electronic_result) as electronic,
			       count(*) filter (where d.rating = 'DISSATISFIED') as dissatisfied,
			       count(*) filter (where d.vneid_verified or d.registry_check = 'MATCH') as citizen_data,
			       count(*) filter (where d.data_reused) as data_reused,
			       count(*) filter (where d.store_reused) as store_reused,
			       count(*) filter (where d.sync_due) as sync_due,
			       count(*) filter (where d.synced) as synced
			from d left join s on s.code = d.code""";

	/** The same figures per procedure, with its name and field, most received first. */
	private static final String BY_PROCEDURE = FIGURES.replace("select count(*) as received,",
			"select d.procedure_code, max(p.name) as procedure_name, max(p.field) as field_name, count(*) as received,")
		.replace("from d left join s on s.code = d.code",
				"from d left join s on s.code = d.code join catalog_procedure p on p.code = d.procedure_code"
						+ " group by d.procedure_code order by count(*) desc, d.procedure_code");

	private final JdbcClient jdbc;

	KpiCalculator(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One procedure's figures. */
	record ByProcedure(String code, String name, String field, KpiFigures figures) {
	}

	List<ByProcedure> byProcedure(Instant periodStart, Instant periodEnd, @Nullable List<String> units) {
		return jdbc.sql(BY_PROCEDURE)
			.param("ps", Timestamp.from(periodStart))
			.param("pe", Timestamp.from(periodEnd))
			.param("all", units == null)
			.param("units", units == null ? new String[0] : units.toArray(String[]::new))
			.query((rs, n) -> new ByProcedure(rs.getString("procedure_code"), rs.getString("procedure_name"),
					rs.getString("field_name"), figures(rs)))
			.list();
	}

	private static KpiFigures figures(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new KpiFigures(rs.getLong("received"), rs.getLong("online"), rs.getLong("on_time"), rs.getLong("fee"),
				rs.getLong("paid_online"), rs.getLong("digitized"), rs.getLong("electronic"), rs.getLong("dissatisfied"),
				rs.getLong("citizen_data"), rs.getLong("data_reused"), rs.getLong("store_reused"), rs.getLong("sync_due"),
				rs.getLong("synced"));
	}

	/** @param units the deciding units counted; null for the whole province */
	KpiFigures figures(Instant periodStart, Instant periodEnd, @Nullable List<String> units) {
		return jdbc.sql(FIGURES)
			.param("ps", Timestamp.from(periodStart))
			.param("pe", Timestamp.from(periodEnd))
			.param("all", units == null)
			.param("units", units == null ? new String[0] : units.toArray(String[]::new))
			.query((rs, n) -> figures(rs))
			.single();
	}
}
