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

/** Issues the short-lived bearer tokens of {@code POST /api/v1/auth/token} (HS256 JWTs). */
class ApiTokens {

	static final String ISSUER = "motcua";
	static final String ROLES_CLAIM = "roles";

	private final JwtEncoder encoder;
	private final Clock clock;
	private final Duration lifetime;

	ApiTokens(JwtEncoder encoder, Clock clock, Duration lifetime) {
		this.encoder = encoder;
		this.clock = clock;
		this.lifetime = lifetime;
	}

	IssuedToken issue(StaffAccount account) {
		Instant now = clock.instant();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(ISSUER)
			.subject(account.username())
			.id(UUID.randomUUID().toString())
			.issuedAt(now)
			.expiresAt(now.plus(lifetime))
			.claim(ROLES_CLAIM, account.roles().stream().map(Enum::name).sorted().toList())
			.build();
		String value = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue();
		return new IssuedToken(value, lifetime.toSeconds());
	}

	record IssuedToken(String value, long expiresInSeconds) {
	}
}
