package vn.motcua.dossier;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.motcua.identity.Role;
import vn.motcua.organization.Agencies;
import vn.motcua.identity.Caller;

/**
 * Who sees a dossier (docs/api.md): its applicant and submitter; staff of the receiving and of the deciding unit;
 * department leaders of a unit above either; province leaders and administrators. Under a configured internal
 * process, also staff of the units holding its steps or consulted on them (and leaders above those). Everyone
 * else is told it does not exist.
 */
@Component
class DossierAccess {

	private final Agencies agencies;
	private final JdbcDossierRepository repository;
	private final FiledCases cases;

	DossierAccess(Agencies agencies, JdbcDossierRepository repository, FiledCases cases) {
		this.agencies = agencies;
		this.repository = repository;
		this.cases = cases;
	}

	/** The dossier, locked for update when asked; "not found" alike when unknown or not the caller's to see. */
	Dossier visible(String code, Caller caller, boolean lock) {
		return repository.find(code, lock)
			.filter(d -> canSee(caller, d))
			.orElseThrow(() -> new DossierProblems.DossierNotFound(code));
	}

	boolean canSee(Caller caller, Dossier d) {
		if (caller.provinceWide()) {
			return true;
		}
		if (caller.citizen()) {
			return caller.username().equals(d.applicant().idNumber()) || caller.username().equals(d.submitter());
		}
		String unit = caller.unitCode();
		if (unit == null) {
			return false;
		}
		if (unit.equals(d.agencyCode()) || unit.equals(d.receivingUnitCode())) {
			return true;
		}
		if (caller.has(Role.DEPARTMENT_LEADER)
				&& (agencies.isWithin(d.agencyCode(), unit) || agencies.isWithin(d.receivingUnitCode(), unit))) {
			return true;
		}
		return repository.involves(d.code(), visibleUnits(caller));
	}

	/** The units whose dossiers a staff member sees (as receiving or deciding unit); empty for none. */
	List<String> visibleUnits(Caller caller) {
		String unit = caller.unitCode();
		if (unit == null) {
			return List.of();
		}
		return caller.has(Role.DEPARTMENT_LEADER) ? agencies.subtree(unit) : List.of(unit);
	}

	/** Whether the caller may take the action, given who they are relative to this dossier. */
	boolean mayAct(Caller caller, DossierAction action, Dossier d) {
		return switch (action.actor()) {
			case ONE_STOP_OFFICER -> caller.has(Role.ONE_STOP_OFFICER);
			case DECIDING_SPECIALIST -> caller.has(Role.SPECIALIST) && (d.agencyCode().equals(caller.unitCode())
					|| d.step() != null && d.step().unitCode().equals(caller.unitCode()));
			case DECIDING_LEADER -> caller.has(Role.DEPARTMENT_LEADER) && caller.unitCode() != null
					&& agencies.isWithin(d.agencyCode(), caller.unitCode())
					// a result the case says a province leader signs is finished by one
					|| action == DossierAction.FINISH && caller.has(Role.PROVINCE_LEADER) && signer(d) == Role.PROVINCE_LEADER;
			case STEP_HOLDER -> d.step() != null && caller.has(Role.valueOf(d.step().role())) && caller.unitCode() != null
					&& (d.step().unitCode().equals(caller.unitCode()) || caller.has(Role.DEPARTMENT_LEADER)
							&& agencies.isWithin(d.step().unitCode(), caller.unitCode()));
			case CONSULTED_UNIT -> d.step() != null && d.step().consultPending()
					&& d.step().consultUnitCode().equals(caller.unitCode())
					&& (caller.has(Role.SPECIALIST) || caller.has(Role.DEPARTMENT_LEADER));
			case APPLICANT_OR_OFFICER -> caller.has(Role.ONE_STOP_OFFICER) || (caller.citizen()
					&& (caller.username().equals(d.applicant().idNumber()) || caller.username().equals(d.submitter())));
			case FEE_OFFICER -> caller.has(Role.ONE_STOP_OFFICER) || caller.has(Role.DEPARTMENT_LEADER);
			case PAYMENT_MODULE -> false;
		};
	}

	/** The role the dossier's case names to sign its result, if any. */
	@Nullable Role signer(Dossier d) {
		vn.motcua.catalog.ProcedureDetail.Case c = cases.of(d);
		return c == null ? null : c.resultSigner();
	}
}
