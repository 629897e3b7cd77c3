package vn.motcua.identity;

import java.io.Serializable;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The web sign-in form, through the same checks, lockout and audit as the token endpoint. Deliberately not a
 * bean (see {@link SecurityConfiguration}).
 */
class StaffAuthenticationProvider implements AuthenticationProvider {

	private final StaffAuthenticator authenticator;

	StaffAuthenticationProvider(StaffAuthenticator authenticator) {
		this.authenticator = authenticator;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String otp = authentication.getDetails() instanceof OtpDetails d ? d.otp() : null;
		try {
			StaffAccount account = authenticator.authenticate(authentication.getName(),
					String.valueOf(authentication.getCredentials()), otp, "web");
			return UsernamePasswordAuthenticationToken.authenticated(
					new StaffPrincipal(account.username(), account.fullName(), account.unitCode()), null,
					account.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
		}
		catch (SignInProblems.AccountThrottled e) {
			throw new AccountLocked(e.getMessage(), e.until());
		}
		catch (SignInProblems.OtpRequired e) {
			throw new OtpMissing(e.getMessage());
		}
		catch (SignInProblems.InvalidCredentials | SignInProblems.InvalidOtp e) {
			throw new BadCredentialsException(e.getMessage());
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/** The lock, with its end for the sign-in page to show. */
	static final class AccountLocked extends LockedException {

		private final java.time.Instant until;

		AccountLocked(String message, java.time.Instant until) {
			super(message);
			this.until = until;
		}

		java.time.Instant until() {
			return until;
		}
	}

	static final class OtpMissing extends AuthenticationException {

		OtpMissing(String message) {
			super(message);
		}
	}

	/** Carries the optional one-time code of the sign-in form. */
	static final class OtpDetails extends WebAuthenticationDetails implements Serializable {

		private final @Nullable String otp;

		OtpDetails(HttpServletRequest request) {
			super(request);
			this.otp = request.getParameter("otp");
		}

		@Nullable String otp() {
			return otp;
		}
	}
}
