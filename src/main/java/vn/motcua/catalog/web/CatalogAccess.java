package vn.motcua.catalog.web;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;

/** Who may see internal procedures (TTHC nội bộ): staff, never the public or citizens. */
final class CatalogAccess {

	private CatalogAccess() {
	}

	static boolean isStaff(@Nullable Authentication caller) {
		return caller != null && caller.isAuthenticated() && caller.getAuthorities()
			.stream()
			.anyMatch(a -> a.getAuthority().startsWith("ROLE_") && !a.getAuthority().equals("ROLE_CITIZEN")
					&& !a.getAuthority().equals("ROLE_ANONYMOUS"));
	}
}
