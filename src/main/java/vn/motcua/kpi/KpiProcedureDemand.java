package vn.motcua.kpi;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.motcua.catalog.ProcedureDemand;

/** Dossiers received per procedure, from the rollups by day (one indexed range, whatever the dossier count). */
@Component
class KpiProcedureDemand implements ProcedureDemand {

	private final JdbcClient jdbc;

	KpiProcedureDemand(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<String, Long> receivedSince(LocalDate since) {
		Map<String, Long> out = new HashMap<>();
		jdbc.sql("""
				select procedure_code, sum(dossiers) from kpi_rollup where received_on >= ?
				group by procedure_code having sum(dossiers) > 0""")
			.param(Date.valueOf(since))
			.query((java.sql.ResultSet rs) -> {
				out.put(rs.getString(1), rs.getLong(2));
			});
		return out;
	}
}
