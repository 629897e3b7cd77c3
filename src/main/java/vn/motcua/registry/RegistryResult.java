package vn.motcua.registry;

/** What the registry said about a person as the applicant described them. */
public enum RegistryResult {
	/** Found, alive, and the name and date of birth agree. */
	MATCH,
	/** Found, but the name or the date of birth differs. */
	NO_MATCH,
	/** No one holds this ID number. */
	NOT_FOUND,
	/** Found and agreeing, but recorded as deceased. */
	DECEASED,
	/** The registry could not be asked; the caller carries on without the check. */
	UNAVAILABLE
}
