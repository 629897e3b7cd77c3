package vn.motcua.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import vn.motcua.platform.MotCuaProperties;

@Service
class TokenSignIn implements ApiSignIn {

	private final StaffAuthenticator authenticator;
	private final ApiTokens tokens;
	private final boolean production;
	private final CredentialVersions versions;

	TokenSignIn(StaffAuthenticator authenticator, ApiTokens tokens, MotCuaProperties properties,
			CredentialVersions versions) {
		this.versions = versions;
		this.authenticator = authenticator;
		this.tokens = tokens;
		this.production = !properties.demo();
	}

	@Override
	public IssuedToken signIn(String username, String password, @Nullable String otp) {
		StaffAccount account = authenticator.authenticate(username, password, otp, "api");
		if (production && account.roles().contains(Role.ADMIN) && !account.twoFactor()) {
			throw new SignInProblems.OtpEnrolmentRequired();
		}
		ApiTokens.IssuedToken token = tokens.issue(account, versions.read(account.username()));
		return new IssuedToken(token.value(), token.expiresInSeconds());
	}
}
