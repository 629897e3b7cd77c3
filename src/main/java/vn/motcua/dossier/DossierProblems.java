package vn.motcua.dossier;

import org.springframework.http.HttpStatus;

import vn.motcua.platform.DomainProblem;

/** The refusals of the dossier API, each one stable problem type. */
final class DossierProblems {

	private DossierProblems() {
	}

	/** Unknown, or not visible to the caller: the same answer, so nobody learns that someone else's dossier exists. */
	static final class DossierNotFound extends DomainProblem {

		DossierNotFound(String code) {
			super(HttpStatus.NOT_FOUND, "not-found", "Không tìm thấy hồ sơ " + code + ".");
		}
	}

	/** FINISH by someone without the role the case names to sign its result (403). */
	static final class SignerRequired extends DomainProblem {

		SignerRequired(vn.motcua.identity.Role role) {
			super(HttpStatus.FORBIDDEN, "result-signer-required", "Kết quả của thủ tục này phải do "
					+ (role == vn.motcua.identity.Role.PROVINCE_LEADER ? "lãnh đạo UBND tỉnh" : "lãnh đạo đơn vị giải quyết")
					+ " ký số: người hoàn thành hồ sơ phải có vai trò đó.");
		}
	}

	static final class ActionForbidden extends DomainProblem {

		ActionForbidden(DossierAction action) {
			super(HttpStatus.FORBIDDEN, "forbidden",
					"Tài khoản không có vai trò thực hiện thao tác " + action + " trên hồ sơ này.");
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
	}

	static final class StaleVersion extends DomainProblem {

		StaleVersion(int given, int current) {
			super(HttpStatus.CONFLICT, "stale-version", "Hồ sơ đã thay đổi (phiên bản " + current
					+ ", yêu cầu gửi phiên bản " + given + "); tải lại hồ sơ rồi thực hiện lại.");
		}
	}
}
