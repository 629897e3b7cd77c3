package vn.motcua.identity;

import org.jspecify.annotations.Nullable;

/** Signs staff and integrations in to the API. */
public interface ApiSignIn {

	/**
	 * Checks the credentials (lockout and two-factor included) and issues a short-lived bearer token.
	 * Refusals are problem+json: 401 ({@code invalid-credentials}, {@code otp-required}, {@code invalid-otp})
	 * or 429 ({@code account-locked}).
	 */
	IssuedToken signIn(String username, String password, @Nullable String otp);

	record IssuedToken(String accessToken, long expiresInSeconds) {
	}
}
