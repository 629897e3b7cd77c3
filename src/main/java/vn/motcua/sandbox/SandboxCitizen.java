package vn.motcua.sandbox;

import java.io.Serializable;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * Who the tester signed in as at the sandbox e-ID provider: a person of the synthetic population, the
 * assurance level chosen (mức độ 1 or 2 under Nghị định 69/2024/NĐ-CP), and the business they represent, if
 * any. Kept in the sandbox's own session.
 */
public record SandboxCitizen(String idNumber, int level, @Nullable String taxCode, @Nullable String businessName)
		implements AuthenticatedPrincipal, Serializable {

	/** The ID number: it becomes the token's subject, as VNeID's {@code preferred_username} is. */
	@Override
	public String getName() {
		return idNumber;
	}
}
