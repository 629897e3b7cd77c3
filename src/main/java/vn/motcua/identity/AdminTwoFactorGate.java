package vn.motcua.identity;

import java.io.IOException;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * In production an administrator works only with two-factor sign-in: until they enrol, every page sends
 * them to {@code /staff/security}. (The API refuses them a token outright; see {@link TokenSignIn}.)
 */
final class AdminTwoFactorGate extends OncePerRequestFilter {

	private final JdbcStaffAccounts accounts;

	AdminTwoFactorGate(JdbcStaffAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean exempt = path.startsWith("/staff/security") || path.equals("/logout") || path.startsWith("/webjars/")
				|| path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/") || path.equals("/error");
		if (!exempt && auth != null && auth.getAuthorities().stream().anyMatch(a -> Role.ADMIN.authority().equals(a.getAuthority()))
				&& accounts.find(auth.getName()).map(a -> !a.twoFactor()).orElse(false)) {
			response.sendRedirect(request.getContextPath() + "/staff/security?required");
			return;
		}
		chain.doFilter(request, response);
	}
}
