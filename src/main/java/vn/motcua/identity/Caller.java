package vn.motcua.identity;

import java.util.Set;

import org.jspecify.annotations.Nullable;


/**
 * Who is acting on dossiers: a staff member in a unit with roles, or a citizen (user name = ID number) with
 * their e-ID assurance level.
 */
public record Caller(String username, Set<Role> roles, @Nullable String unitCode, int assuranceLevel) {

	public boolean citizen() {
		return roles.contains(Role.CITIZEN);
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	/** Refuses (403) a caller who is not an administrator. */
	public void requireAdmin() {
		if (!has(Role.ADMIN)) {
			throw new vn.motcua.platform.Forbidden("Chỉ quản trị viên được làm việc này.");
		}
	}

	/** Sees every dossier of the province. */
	public boolean provinceWide() {
		return has(Role.ADMIN) || has(Role.PROVINCE_LEADER);
	}
}
