package vn.motcua.identity;

import java.util.Optional;

/** Reads staff accounts. */
public interface StaffAccounts {

	Optional<StaffAccount> find(String username);
}
