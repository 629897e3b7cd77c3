package vn.motcua.dossier;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.motcua.identity.Role;

/**
 * Quy trình nội bộ — the steps a procedure case goes through between FORWARD and FINISH in the deciding
 * agency, each held by a unit and a role for its share of the case's time limit. Supplements, extension,
 * stop and withdrawal keep the rules of the default process.
 */
public record InternalProcess(String procedureCode, String caseCode, List<Step> steps, @Nullable Instant updatedAt,
		@Nullable String updatedBy) {

	/**
	 * One step.
	 *
	 * @param unitCode the unit that holds it; {@code null} for the procedure's deciding unit
	 * @param timeShare percent of the case's time limit the step may take
	 * @param consultUnitCode a unit consulted in parallel (liên thông), whose answer the step waits for
	 */
	public record Step(String name, @Nullable String unitCode, Role role, int timeShare,
			@Nullable String consultUnitCode) {
	}

	/** The roles a step may be held by: the deciding agency's specialists and leaders. */
	public static final List<Role> STEP_ROLES = List.of(Role.SPECIALIST, Role.DEPARTMENT_LEADER);
}
