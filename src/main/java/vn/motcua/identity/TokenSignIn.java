package vn.motcua.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

@Service
class TokenSignIn implements ApiSignIn {

	private final StaffAuthenticator authenticator;
	private final ApiTokens tokens;

	TokenSignIn(StaffAuthenticator authenticator, ApiTokens tokens) {
		this.authenticator = authenticator;
		this.tokens = tokens;
	}

	@Override
	public IssuedToken signIn(String username, String password, @Nullable String otp) {
		ApiTokens.IssuedToken token = tokens.issue(authenticator.authenticate(username, password, otp, "api"));
		return new IssuedToken(token.value(), token.expiresInSeconds());
	}
}
