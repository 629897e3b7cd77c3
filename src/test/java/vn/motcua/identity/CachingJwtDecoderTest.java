package vn.motcua.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import vn.motcua.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingJwtDecoderTest {

	private final TestClock clock = new TestClock(Instant.parse("2026-11-26T08:00:00Z"));
	private final SecretKeySpec key = new SecretKeySpec(new byte[32], "HmacSHA256");

	/** A 30-minute token of the demo officer, issued under credentials version {@code version}. */
	private String officerToken(int version) {
		ApiTokens tokens = new ApiTokens(org.springframework.security.oauth2.jwt.NimbusJwtEncoder.withSecretKey(key)
			.algorithm(MacAlgorithm.HS256)
			.build(), clock, Duration.ofMinutes(30));
		return tokens.issue(new StaffAccount("officer", "Cán bộ", "TTPVHCC", java.util.Set.of(Role.ONE_STOP_OFFICER),
				true, false), version).value();
	}

	@Test
	void aKnownTokenIsNotVerifiedAgainButAnExpiredOneIsStillRefused() {
		String token = officerToken(0);
		NimbusJwtDecoder nimbus = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
		JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ofSeconds(30));
		timestamps.setClock(clock);
		nimbus.setJwtValidator(timestamps);
		AtomicInteger verifications = new AtomicInteger();
		JwtDecoder counting = t -> {
			verifications.incrementAndGet();
			return nimbus.decode(t);
		};
		CachingJwtDecoder decoder = new CachingJwtDecoder(counting, timestamps);

		Jwt first = decoder.decode(token);
		Jwt second = decoder.decode(token);
		assertThat(second).isSameAs(first);
		assertThat(verifications).hasValue(1);

		clock.advance(Duration.ofMinutes(31));
		assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class);
		assertThatThrownBy(() -> decoder.decode(token)).as("verified afresh, and refused").isInstanceOf(JwtException.class);
		assertThat(verifications).hasValue(2);
		assertThatThrownBy(() -> decoder.decode(token.substring(0, token.length() - 2) + "xx"))
			.isInstanceOf(JwtException.class);
	}

	@Test
	void aCachedTokenIsRefusedAsSoonAsItsCredentialsAreRevoked() {
		String token = officerToken(4);
		java.util.concurrent.atomic.AtomicInteger current = new java.util.concurrent.atomic.AtomicInteger(4);
		org.springframework.security.oauth2.core.OAuth2TokenValidator<Jwt> version = jwt -> ((Number) jwt.getClaims()
			.get(ApiTokens.VERSION_CLAIM)).intValue() == current.get()
					? org.springframework.security.oauth2.core.OAuth2TokenValidatorResult.success()
					: org.springframework.security.oauth2.core.OAuth2TokenValidatorResult
						.failure(new org.springframework.security.oauth2.core.OAuth2Error("invalid_token"));
		NimbusJwtDecoder nimbus = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
		nimbus.setJwtValidator(version);
		CachingJwtDecoder decoder = new CachingJwtDecoder(nimbus, version);

		assertThat(decoder.decode(token).getSubject()).isEqualTo("officer");
		assertThat(decoder.decode(token).getSubject()).isEqualTo("officer");
		current.set(5);
		assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class);
	}
}
