package vn.motcua.identity;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The unit of a staff caller as their API token states it, sparing a lookup of the account per request. */
final class SignedInUnit {

	private SignedInUnit() {
	}

	/** Empty for a browser session or a token without a unit: ask {@link StaffAccounts} then. */
	static Optional<String> fromToken(Authentication caller) {
		return caller instanceof JwtAuthenticationToken jwt
				? Optional.ofNullable(jwt.getToken().getClaimAsString(ApiTokens.UNIT_CLAIM)) : Optional.empty();
	}
}
