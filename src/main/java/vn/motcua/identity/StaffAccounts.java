package vn.motcua.identity;

import java.util.Optional;

/** Reads staff accounts. */
public interface StaffAccounts {

	Optional<StaffAccount> find(String username);

	/** Enabled accounts holding {@code role} in one of {@code units}, by name. */
	java.util.List<StaffAccount> withRole(Role role, java.util.Collection<String> units);
}
