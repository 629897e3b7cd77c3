package vn.motcua.identity;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Tài khoản cán bộ — a staff member's account.
 *
 * @param unitCode the unit the roles are held in (null for a provincial administrator without one)
 */
public record StaffAccount(String username, String fullName, @Nullable String unitCode, Set<Role> roles,
		boolean enabled, boolean twoFactor) {
}
