package vn.motcua.catalog;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditLog;
import vn.motcua.platform.DomainProblem;
import vn.motcua.platform.InvalidParameter;

@Service
class JdbcProcedureSettings implements ProcedureSettings {

	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final Clock clock;

	JdbcProcedureSettings(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public int minAssuranceLevel(String procedureCode) {
		return jdbc.sql("select min_assurance_level from procedure_setting where procedure_code = :code")
			.param("code", procedureCode)
			.query(Integer.class)
			.optional()
			.orElse(1);
	}

	@Override
	@Transactional
	public void requireAssuranceLevel(String procedureCode, int level, String actor) {
		if (level != 1 && level != 2) {
			throw new InvalidParameter("minAssuranceLevel", "1 hoặc 2");
		}
		boolean exists = jdbc.sql("select exists (select 1 from procedure where code = :code)")
			.param("code", procedureCode)
			.query(Boolean.class)
			.single();
		if (!exists) {
			throw new UnknownProcedure(procedureCode);
		}
		jdbc.sql("""
				insert into procedure_setting (procedure_code, min_assurance_level, updated_at, updated_by)
				values (:code, :level, :at, :actor)
				on conflict (procedure_code) do update set min_assurance_level = excluded.min_assurance_level,
				  updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
			.param("code", procedureCode)
			.param("level", level)
			.param("at", Timestamp.from(clock.instant()))
			.param("actor", actor)
			.update();
		audit.record(new AuditEntry(actor, "procedure.assurance-level-set", "procedure", procedureCode,
				Map.of("minAssuranceLevel", level)));
	}

	static final class UnknownProcedure extends DomainProblem {

		UnknownProcedure(String code) {
			super(HttpStatus.NOT_FOUND, "not-found", "Không có thủ tục " + code);
		}
	}
}
