package vn.motcua.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import javax.crypto.SecretKey;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import vn.motcua.platform.MotCuaProperties;

/** Credentials: password hashing (Argon2id) and the signing of API tokens, in web and command runs alike. */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return new DelegatingPasswordEncoder("argon2",
				Map.of("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
	}

	@Bean
	@DependsOnDatabaseInitialization
	SecretKey tokenSigningKey(MotCuaProperties properties,
			@Value("${motcua.token-secret:#{null}}") String configuredSecret, JdbcClient jdbc) {
		return TokenSecret.resolve(properties.mode(), configuredSecret, jdbc);
	}

	@Bean
	ApiTokens apiTokens(SecretKey tokenSigningKey, Clock clock,
			@Value("${motcua.token-lifetime:PT30M}") Duration lifetime) {
		return new ApiTokens(NimbusJwtEncoder.withSecretKey(tokenSigningKey).algorithm(MacAlgorithm.HS256).build(),
				clock, lifetime);
	}

	@Bean
	JwtDecoder jwtDecoder(SecretKey tokenSigningKey, Clock clock, CredentialVersions versions) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(tokenSigningKey)
			.macAlgorithm(MacAlgorithm.HS256)
			.build();
		// one server clock signs and checks: a few seconds of leeway is all a token needs
		JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ofSeconds(3));
		timestamps.setClock(clock);
		org.springframework.security.oauth2.core.OAuth2TokenValidator<org.springframework.security.oauth2.jwt.Jwt> current =
				jwt -> {
					Object ver = jwt.getClaims().get(ApiTokens.VERSION_CLAIM);
					boolean stands = ver instanceof Number n && jwt.getSubject() != null
							&& versions.current(jwt.getSubject(), n.intValue());
					return stands ? org.springframework.security.oauth2.core.OAuth2TokenValidatorResult.success()
							: org.springframework.security.oauth2.core.OAuth2TokenValidatorResult.failure(
									new org.springframework.security.oauth2.core.OAuth2Error("invalid_token",
											"The account was disabled or its credentials were reset", null));
				};
		DelegatingOAuth2TokenValidator<org.springframework.security.oauth2.jwt.Jwt> everyCall =
				new DelegatingOAuth2TokenValidator<>(timestamps, current);
		decoder.setJwtValidator(
				new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(ApiTokens.ISSUER), current));
		return new CachingJwtDecoder(decoder, everyCall);
	}
}
