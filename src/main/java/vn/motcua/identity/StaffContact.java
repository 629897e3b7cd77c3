package vn.motcua.identity;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * How to reach a staff member: e-mail and phone for the messages staff get (a consultation for their unit, the
 * morning digest), and whether they want the digest.
 */
public record StaffContact(String username, String fullName, @Nullable String unitCode, Set<Role> roles,
		@Nullable String email, @Nullable String phone, boolean digest) {
}
