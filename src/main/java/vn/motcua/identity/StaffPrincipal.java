package vn.motcua.identity;

import java.io.Serializable;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.AuthenticatedPrincipal;

/** The signed-in staff member kept in the web session (serialised into PostgreSQL by Spring Session). */
record StaffPrincipal(String username, String fullName, @Nullable String unitCode)
		implements AuthenticatedPrincipal, Serializable {

	@Override
	public String getName() {
		return username;
	}
}
