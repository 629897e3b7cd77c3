package vn.motcua.dossier;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.motcua.catalog.Procedures;
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
	private final Procedures procedures;
	private final JdbcClient jdbc;

	DemoProcesses(InternalProcesses processes, Procedures procedures, JdbcClient jdbc) {
		this.processes = processes;
		this.procedures = procedures;
		this.jdbc = jdbc;
	}

	@Override
	public void seed() {
		// the catalog's current version, through its API: the dossier module reads no catalog table
		String caseCode = procedures.find(PROCEDURE, true)
			.filter(p -> !p.cases().isEmpty())
			.map(p -> p.defaultCase().code())
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
