package vn.motcua.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * Issues the short-lived bearer tokens of {@code POST /api/v1/auth/token} (HS256 JWTs). Roles and unit travel
 * in the token, so a request needs no account lookup; a change of either applies from the next token (at most
 * the token's lifetime later). Disabling the account or resetting its credentials refuses its tokens within
 * seconds ({@link CredentialVersions}).
 */
class ApiTokens {

	static final String ISSUER = "motcua";
	static final String ROLES_CLAIM = "roles";
	static final String UNIT_CLAIM = "unit";
	/** The credentials version the token was issued under ({@link CredentialVersions}). */
	static final String VERSION_CLAIM = "ver";

	private final JwtEncoder encoder;
	private final Clock clock;
	private final Duration lifetime;

	ApiTokens(JwtEncoder encoder, Clock clock, Duration lifetime) {
		this.encoder = encoder;
		this.clock = clock;
		this.lifetime = lifetime;
	}

	IssuedToken issue(StaffAccount account, int credentialsVersion) {
		Instant now = clock.instant();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(ISSUER)
			.subject(account.username())
			.id(UUID.randomUUID().toString())
			.issuedAt(now)
			.expiresAt(now.plus(lifetime))
			.claim(VERSION_CLAIM, credentialsVersion)
			.claim(ROLES_CLAIM, account.roles().stream().map(Enum::name).sorted().toList())
			.claims(c -> {
				if (account.unitCode() != null) {
					c.put(UNIT_CLAIM, account.unitCode());
				}
			})
			.build();
		String value = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue();
		return new IssuedToken(value, lifetime.toSeconds());
	}

	record IssuedToken(String value, long expiresInSeconds) {
	}
}
