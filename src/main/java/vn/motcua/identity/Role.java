package vn.motcua.identity;

/** Vai trò — what an account may do. Staff roles are held in a unit; CITIZEN is a signed-in citizen or business. */
public enum Role {
	ADMIN,
	/** Cán bộ một cửa — receives dossiers and returns results at a service centre. */
	ONE_STOP_OFFICER,
	/** Chuyên viên — examines dossiers in the deciding unit. */
	SPECIALIST,
	/** Lãnh đạo phòng/sở — assigns, decides and signs in the deciding unit. */
	DEPARTMENT_LEADER,
	/** Lãnh đạo UBND tỉnh — oversees the whole province. */
	PROVINCE_LEADER,
	CITIZEN;

	public String authority() {
		return "ROLE_" + name();
	}
}
