package vn.motcua.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The metrics scraper's credential: HTTP Basic {@code metrics:<password>} on {@code /actuator/prometheus} only, the
 * password from the environment ({@code MOTCUA_METRICS_PASSWORD}; unset, only staff tokens read metrics). A scraper
 * holds no staff account and no token that expires in half an hour; it can read nothing else.
 */
@Component
class ScrapeCredential extends OncePerRequestFilter {

	static final String ROLE = "METRICS";
	private static final String PATH = "/actuator/prometheus";

	private final byte[] expected;

	ScrapeCredential(@Value("${motcua.metrics.password:}") String password) {
		this.expected = password.isBlank() ? new byte[0]
				: ("metrics:" + password).getBytes(StandardCharsets.UTF_8);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return expected.length == 0 || !PATH.equals(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
			byte[] given;
			try {
				given = Base64.getDecoder().decode(header.substring(6).strip());
			}
			catch (IllegalArgumentException notBase64) {
				given = new byte[0];
			}
			if (MessageDigest.isEqual(given, expected)) {
				SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
						"metrics", null, List.of(new SimpleGrantedAuthority("ROLE_" + ROLE))));
			}
		}
		chain.doFilter(request, response);
	}
}
