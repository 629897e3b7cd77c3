package vn.motcua.catalog;

/**
 * The province's own settings of a procedure, kept apart from its national publication (changing them
 * creates no version): for now, the e-ID assurance level an online applicant needs.
 */
public interface ProcedureSettings {

	/** 1 unless the province requires level 2 for this procedure. */
	int minAssuranceLevel(String procedureCode);

	/** Sets the required level (1 or 2), audited; the procedure must exist. */
	void requireAssuranceLevel(String procedureCode, int level, String actor);
}
