package vn.motcua.dossier;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.motcua.identity.Role;
import vn.motcua.platform.DemoMode;
import vn.motcua.platform.DemoSeed;

/**
 * A demonstration internal process for construction permits (repair and renovation): examined in the
 * division with the land department consulted, reviewed by its head, signed by the department. Saved
 * through the administrators' service, so it is validated and audited like any other.
 */
@Component
@DemoMode
@Order(400)
class DemoProcesses implements DemoSeed {

	static final String PROCEDURE = "2.001102";

	private final InternalProcesses processes;
	private final JdbcClient jdbc;

	DemoProcesses(InternalProcesses processes, JdbcClient jdbc) {
		this.processes = processes;
		this.jdbc = jdbc;
	}

	@Override
	public void seed() {
		String caseCode = jdbc.sql("""
				select c.code from procedure_case c join procedure p on p.code = c.procedure_code
				  and p.current_version = c.version
				where c.procedure_code = ? and c.is_default""")
			.param(PROCEDURE)
			.query(String.class)
			.optional()
			.orElse(null);
		if (caseCode == null || jdbc.sql("select exists (select 1 from case_process)").query(Boolean.class).single()) {
			return;
		}
		processes.save(PROCEDURE, caseCode, List.of(
				new InternalProcess.Step("Thẩm định hồ sơ, lấy ý kiến về quy hoạch và đất đai", "SXD_QLXD",
						Role.SPECIALIST, 50, "SNNMT"),
				new InternalProcess.Step("Trưởng phòng xem xét, trình ký", "SXD_QLXD", Role.DEPARTMENT_LEADER, 15, null),
				new InternalProcess.Step("Lãnh đạo Sở ký giấy phép", null, Role.DEPARTMENT_LEADER, 15, null)),
				"system");
	}
}
