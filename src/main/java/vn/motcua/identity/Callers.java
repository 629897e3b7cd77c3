package vn.motcua.identity;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;


/** Turns the signed-in principal (token, staff session or e-ID session) into a {@link Caller}. */
@Component
public class Callers {

	private final StaffAccounts staff;

	Callers(StaffAccounts staff) {
		this.staff = staff;
	}

	public Caller of(Authentication auth) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (GrantedAuthority a : auth.getAuthorities()) {
			for (Role r : Role.values()) {
				if (r.authority().equals(a.getAuthority())) {
					roles.add(r);
				}
			}
		}
		String unit = null;
		if (!roles.contains(Role.CITIZEN)) {
			unit = SignedInUnit.fromToken(auth)
				.orElseGet(() -> staff.find(auth.getName()).map(StaffAccount::unitCode).orElse(null));
		}
		return new Caller(auth.getName(), roles, unit, AssuranceLevel.of(auth));
	}
}
