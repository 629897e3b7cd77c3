package vn.motcua.dossier;

import org.springframework.http.HttpStatus;

import vn.motcua.platform.DomainProblem;
import vn.motcua.platform.Text;

/** The refusals of the dossier API, each one stable problem type. */
final class DossierProblems {

	private DossierProblems() {
	}

	/** Unknown, or not visible to the caller: the same answer, so nobody learns that someone else's dossier exists. */
	static final class DossierNotFound extends DomainProblem {

		DossierNotFound(String code) {
			super(HttpStatus.NOT_FOUND, "not-found", new Text("problem.dossier.not-found", code));
		}
	}

	/** FINISH by someone without the role the case names to sign its result (403). */
	static final class SignerRequired extends DomainProblem {

		SignerRequired(vn.motcua.identity.Role role) {
			super(HttpStatus.FORBIDDEN, "result-signer-required",
					new Text(role == vn.motcua.identity.Role.PROVINCE_LEADER ? "problem.dossier.signer-province"
							: "problem.dossier.signer-unit"));
		}
	}

	static final class ActionForbidden extends DomainProblem {

		ActionForbidden(DossierAction action) {
			super(HttpStatus.FORBIDDEN, "forbidden",
					new Text("problem.dossier.action-forbidden", new Text("dossier.action." + action)));
		}

		ActionForbidden(String detail) {
			super(HttpStatus.FORBIDDEN, "forbidden", detail);
		}
	}

	static final class ActionNotAllowedNow extends DomainProblem {

		ActionNotAllowedNow(DossierAction action, DossierStatus status) {
			super(HttpStatus.CONFLICT, "invalid-status", DossierRules.wrongStatus(action, status));
		}

		ActionNotAllowedNow(String detail) {
			super(HttpStatus.CONFLICT, "invalid-status", detail);
		}

		ActionNotAllowedNow(Text detail) {
			super(HttpStatus.CONFLICT, "invalid-status", detail);
		}
	}

	static final class StaleVersion extends DomainProblem {

		StaleVersion(int given, int current) {
			super(HttpStatus.CONFLICT, "stale-version",
					new Text("problem.dossier.stale-version", Integer.toString(current), Integer.toString(given)));
		}
	}
}
