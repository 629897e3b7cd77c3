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
 * The figures from the rollups (V21): the dossiers received on days {@code from}–{@code to} are summed by day;
 * those late by the period's end are the rows whose late day is before the end's day, plus the dossiers that
 * turned late earlier on that day, read by the exact instant.
 */
@Component
class KpiRollups {

	/** How the figures are grouped; each month of {@link #MONTH} is judged at its own end. */
	enum Grouping {
		TOTAL("''", ":lateDay"),
		UNIT("r.agency_code", ":lateDay"),
		PROCEDURE("r.procedure_code", ":lateDay"),
		MONTH("to_char(r.received_on, 'YYYY-MM')",
				"least((date_trunc('month', r.received_on) + interval '1 month')::date, :lateDay)");

		final String key;
		/** The day before which a late day counts: the group's period end. */
		final String lateBefore;

		Grouping(String key, String lateBefore) {
			this.key = key;
			this.lateBefore = lateBefore;
		}
	}

	private final JdbcClient jdbc;

	KpiRollups(JdbcClient jdbc) {
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
				with sums as (
				  select %1$s as k, sum(r.dossiers) as received, sum(r.online) as online, sum(r.fee) as fee,
				         sum(r.paid_online) as paid_online, sum(r.digitized) as digitized,
				         sum(r.electronic) as electronic, sum(r.dissatisfied) as dissatisfied,
				         coalesce(sum(r.dossiers) filter (where r.late_on < %2$s), 0) as late
				  from kpi_rollup r
				  where r.received_on between :from and :to and (:all or r.agency_code = any(:units))
				  group by 1
				), today as (
				  select %1$s as k, count(*) as late
				  from kpi_dossier r
				  where r.late_from >= :dayStart and r.late_from < :end and %2$s = :lateDay
				    and r.received_on between :from and :to and (:all or r.agency_code = any(:units))
				  group by 1
				)
				select s.*, coalesce(t.late, 0) as late_today
				from sums s left join today t on t.k = s.k
				where s.received <> 0
				order by s.k""".formatted(grouping.key, grouping.lateBefore);
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
		long late = rs.getLong("late") + rs.getLong("late_today");
		return new KpiFigures(received, rs.getLong("online"), received - late, rs.getLong("fee"),
				rs.getLong("paid_online"), rs.getLong("digitized"), rs.getLong("electronic"),
				rs.getLong("dissatisfied"));
	}

	/** The dossiers of the period late by its end, those late longest first. */
	List<Kpis.LateDossier> late(LocalDate from, LocalDate to, Instant end, @Nullable List<String> units,
			@Nullable String procedure, int limit) {
		return jdbc.sql("""
				select d.code, d.procedure_code, d.agency_code, d.received_at, d.due_at, k.late_from,
				       coalesce(d.finished_at, d.returned_at, d.stopped_at) as ended_at, d.status
				from kpi_dossier k join dossier d on d.code = k.dossier_code
				where k.received_on between :from and :to and k.late_from < :end
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

	/** Each procedure's name and field name. */
	Map<String, String[]> procedureNames(Collection<String> codes) {
		Map<String, String[]> names = new HashMap<>();
		jdbc.sql("""
				select p.code, p.name, f.name as field from procedure p join procedure_field f on f.id = p.field_id
				where p.code = any(:codes)""")
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

	/** Recomputes every contribution from the dossiers. */
	long rebuild() {
		return jdbc.sql("select kpi_rebuild()").query(Long.class).single();
	}
}
