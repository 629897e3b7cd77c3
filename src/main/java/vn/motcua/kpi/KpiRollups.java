package vn.motcua.kpi;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.motcua.platform.Zones;

/**
 * The figures from the rollups (V21): the dossiers received on the period's days before the day of its end are
 * summed by day, those late by the end being the rows whose late day is before the end's day plus the dossiers
 * that turned late earlier on that day; the dossiers received on the end's own day are read one by one, up to
 * the end (so a receipt stamped after "now" by another node's clock is not counted, as the raw rule does not).
 */
@Component
class KpiRollups {

	/**
	 * Units' days, less those turning late only after the period's end (received within the largest lag before
	 * it), with the rows not folded yet; {@code :boundary} is the day before which a late day counts.
	 */
	private static final String UNIT_ROWS = """
			select received_on, agency_code, dossiers, online, fee, paid_online, digitized, electronic, dissatisfied,
			       citizen_data, data_reused, store_reused, sync_due, synced, late_ever as late
			from kpi_unit_day
			union all
			select received_on, agency_code, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -dossiers
			from kpi_unit_late where late_on >= :boundary and received_on >= :band
			union all
			select received_on, agency_code, dossiers, online, fee, paid_online, digitized, electronic, dissatisfied,
			       citizen_data, data_reused, store_reused, sync_due, synced,
			       case when late_on < :boundary then dossiers else 0 end
			from kpi_rollup where not compacted""";

	/** The earliest receipt a dossier turning late on or after the end's day can have. */
	private static final String LAG_BAND =
			"(select :lateDay::date - coalesce(max(late_on - received_on), 0) from kpi_unit_late)";

	/** How the figures are grouped; each month of {@link #MONTH} is judged at its own end. */
	enum Grouping {
		TOTAL("''", ":lateDay", UNIT_ROWS, LAG_BAND),
		UNIT("agency_code", ":lateDay", UNIT_ROWS, LAG_BAND),
		PROCEDURE("procedure_code", ":lateDay", """
				select received_on, agency_code, procedure_code, dossiers, online, fee, paid_online, digitized,
				       electronic, dissatisfied, citizen_data, data_reused, store_reused, sync_due, synced,
				       case when late_on < :boundary then dossiers else 0 end as late
				from kpi_rollup""", "null"),
		MONTH("to_char(received_on, 'YYYY-MM')",
				"least((date_trunc('month', received_on) + interval '1 month')::date, :lateDay)", UNIT_ROWS,
				"'-infinity'::date");

		final String key;
		/** The day before which a late day counts: the group's period end. */
		final String boundary;
		final String rows;

		Grouping(String key, String boundary, String rows, String band) {
			this.key = key;
			this.boundary = boundary;
			this.rows = rows.replace(":boundary", boundary).replace(":band", band);
		}
	}

	private final JdbcClient jdbc;

	private final javax.sql.DataSource dataSource;

	KpiRollups(JdbcClient jdbc, javax.sql.DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
	}

	/**
	 * @param end the period's end: the end of {@code to}, or now when earlier
	 * @param units the deciding units counted; null for the whole province
	 * @return the figures per group key, in key order
	 */
	Map<String, KpiFigures> figures(Grouping grouping, LocalDate from, LocalDate to, Instant end,
			@Nullable List<String> units) {
		LocalDate lateDay = LocalDate.ofInstant(end, Zones.VIETNAM);
		String sql = """
				with days as (
				  select %1$s as k, sum(dossiers) as received, sum(online) as online, sum(fee) as fee,
				         sum(paid_online) as paid_online, sum(digitized) as digitized, sum(electronic) as electronic,
				         sum(dissatisfied) as dissatisfied, sum(citizen_data) as citizen_data,
				         sum(data_reused) as data_reused, sum(store_reused) as store_reused, sum(sync_due) as sync_due,
				         sum(synced) as synced, sum(late) as late
				  from (%3$s) r
				  where received_on between :from and :to and received_on < :lateDay
				    and (:all or agency_code = any(:units))
				  group by 1
				), late_today as (
				  select %1$s as k, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, count(*)
				  from kpi_dossier
				  where late_from >= :dayStart and late_from < :end and %2$s = :lateDay
				    and received_on between :from and :to and received_on < :lateDay
				    and (:all or agency_code = any(:units))
				  group by 1
				), last_day as (
				  select %1$s as k, count(*), count(*) filter (where online), count(*) filter (where fee),
				         count(*) filter (where paid_online), count(*) filter (where digitized),
				         count(*) filter (where electronic), count(*) filter (where dissatisfied),
				         count(*) filter (where citizen_data), count(*) filter (where data_reused),
				         count(*) filter (where store_reused), count(*) filter (where sync_due),
				         count(*) filter (where synced), count(*) filter (where late_from < :end)
				  from kpi_dossier
				  where received_on = :lateDay and received_on between :from and :to and received_at < :end
				    and (:all or agency_code = any(:units))
				  group by 1
				)
				select k, sum(received) as received, sum(online) as online, sum(fee) as fee,
				       sum(paid_online) as paid_online, sum(digitized) as digitized, sum(electronic) as electronic,
				       sum(dissatisfied) as dissatisfied, sum(citizen_data) as citizen_data,
				       sum(data_reused) as data_reused, sum(store_reused) as store_reused, sum(sync_due) as sync_due,
				       sum(synced) as synced, sum(late) as late
				from (select * from days union all select * from late_today union all select * from last_day) x
				group by k
				having sum(received) <> 0
				order by k""".formatted(grouping.key, grouping.boundary, grouping.rows);
		// the plan depends on the period and units: a plan cached for other values scans a year of kpi_dossier
		jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
		Map<String, KpiFigures> figures = new LinkedHashMap<>();
		jdbc.sql(sql)
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.param("lateDay", Date.valueOf(lateDay))
			.param("dayStart", Timestamp.from(lateDay.atStartOfDay(Zones.VIETNAM).toInstant()))
			.param("end", Timestamp.from(end))
			.param("all", units == null)
			.param("units", units == null ? new String[0] : units.toArray(String[]::new))
			.query((ResultSet rs) -> {
				figures.put(rs.getString("k"), figures(rs));
			});
		return figures;
	}

	private static KpiFigures figures(ResultSet rs) throws SQLException {
		long received = rs.getLong("received");
		long late = rs.getLong("late");
		return new KpiFigures(received, rs.getLong("online"), received - late, rs.getLong("fee"),
				rs.getLong("paid_online"), rs.getLong("digitized"), rs.getLong("electronic"),
				rs.getLong("dissatisfied"), rs.getLong("citizen_data"), rs.getLong("data_reused"),
				rs.getLong("store_reused"), rs.getLong("sync_due"), rs.getLong("synced"));
	}

	/** The dossiers of the period late by its end, those late longest first. */
	List<Kpis.LateDossier> late(LocalDate from, LocalDate to, Instant end, @Nullable List<String> units,
			@Nullable String procedure, int limit) {
		return jdbc.sql("""
				select d.code, d.procedure_code, d.agency_code, d.received_at, d.due_at, k.late_from,
				       coalesce(d.finished_at, d.returned_at, d.stopped_at) as ended_at, d.status
				from kpi_dossier k join dossier_kpi_source d on d.code = k.dossier_code
				where k.received_on between :from and :to and k.received_at < :end and k.late_from < :end
				  and (:all or k.agency_code = any(:units)) and (:procedure = '' or k.procedure_code = :procedure)
				order by k.late_from, d.code
				limit :limit""")
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.param("end", Timestamp.from(end))
			.param("all", units == null)
			.param("units", units == null ? new String[0] : units.toArray(String[]::new))
			.param("procedure", procedure == null ? "" : procedure)
			.param("limit", limit)
			.query((rs, n) -> new Kpis.LateDossier(rs.getString("code"), rs.getString("procedure_code"),
					rs.getString("agency_code"), rs.getTimestamp("received_at").toInstant(), instant(rs, "due_at"),
					rs.getTimestamp("late_from").toInstant(), instant(rs, "ended_at"), rs.getString("status")))
			.list();
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	/**
	 * The catalog's part of the score, for the units' published procedures (not internal ones): those with an
	 * online service, partial or full (3.1), and those whose version in force has every part NĐ 63/2010 Art. 8(2)
	 * requires — name, steps, methods, documents, time limit (a case), applicants; the agency always is (1.3).
	 */
	Score.Catalog catalog(@Nullable List<String> units) {
		return jdbc.sql("""
				select count(*) as published, count(*) filter (where p.online_level <> 'NONE') as online,
				       count(*) filter (where p.complete) as complete,
				       count(*) filter (where p.audience <> 'CITIZEN') as business,
				       count(*) filter (where p.audience <> 'CITIZEN' and p.online_level <> 'NONE') as business_online,
				       count(*) filter (where p.audience <> 'CITIZEN' and p.online_level = 'FULL') as business_full
				from catalog_procedure_publication p
				where p.status = 'PUBLISHED' and not p.internal and (:all or p.agency_code = any(:units))""")
			.param("all", units == null)
			.param("units", units == null ? new String[0] : units.toArray(String[]::new))
			.query((rs, n) -> new Score.Catalog(rs.getLong("published"), rs.getLong("online"), rs.getLong("complete"),
					rs.getLong("business"), rs.getLong("business_online"), rs.getLong("business_full")))
			.single();
	}

	/** Each procedure's name and field name. */
	Map<String, String[]> procedureNames(Collection<String> codes) {
		Map<String, String[]> names = new HashMap<>();
		jdbc.sql("""
				select p.code, p.name, p.field from catalog_procedure p where p.code = any(:codes)""")
			.param("codes", codes.toArray(String[]::new))
			.query((ResultSet rs) -> {
				names.put(rs.getString("code"), new String[] { rs.getString("name"), rs.getString("field") });
			});
		return names;
	}

	/** Folds appended rows; run every minute so that reads sum few rows per key. */
	int compact() {
		return jdbc.sql("select kpi_compact()").query(Integer.class).single();
	}

	/**
	 * Recomputes every contribution from the dossiers: minutes over millions of dossiers, so on a connection
	 * freed of the request timeouts for this once (the pool restores them when it takes the connection back).
	 */
	long rebuild() {
		return new org.springframework.jdbc.core.JdbcTemplate(dataSource).execute(
				(org.springframework.jdbc.core.ConnectionCallback<Long>) c -> {
					int before = c.getNetworkTimeout();
					c.setNetworkTimeout(Runnable::run, 0);
					try (java.sql.Statement s = c.createStatement()) {
						s.execute("set statement_timeout = 0");
						try (ResultSet rs = s.executeQuery("select kpi_rebuild()")) {
							rs.next();
							return rs.getLong(1);
						}
						finally {
							s.execute("reset statement_timeout");
						}
					}
					finally {
						c.setNetworkTimeout(Runnable::run, before);
					}
				});
	}
}
