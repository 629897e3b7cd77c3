package vn.motcua.identity;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembers the tokens it has verified, keyed by the whole token (signature included), so a client calling
 * again with the same token is not parsed and verified again; the time and credentials-version checks still
 * run on every call, so an expired or revoked token is refused as before. Bounded: the memory is dropped when it grows past {@link #MAX_TOKENS}.
 */
final class CachingJwtDecoder implements JwtDecoder {

	static final int MAX_TOKENS = 10_000;

	private final JwtDecoder verifying;
	private final OAuth2TokenValidator<Jwt> timestamps;
	private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

	CachingJwtDecoder(JwtDecoder verifying, OAuth2TokenValidator<Jwt> timestamps) {
		this.verifying = verifying;
		this.timestamps = timestamps;
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Jwt known = verified.get(token);
		if (known == null) {
			known = verifying.decode(token);
			if (verified.size() >= MAX_TOKENS) {
				verified.clear();
			}
			verified.put(token, known);
			return known;
		}
		OAuth2TokenValidatorResult result = timestamps.validate(known);
		if (result.hasErrors()) {
			verified.remove(token);
			throw new JwtValidationException("Token expired or revoked", result.getErrors());
		}
		return known;
	}
}
