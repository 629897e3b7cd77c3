package vn.motcua.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.motcua.platform.RunMode;

/**
 * The HMAC key that signs API tokens. Production takes {@code MOTCUA_TOKEN_SECRET} and refuses a missing or
 * weak one; demo mode uses it when given, else a random key kept in the database, so every instance on
 * that database accepts the others' tokens.
 */
final class TokenSecret {

	static final int MIN_LENGTH = 32;
	private static final Set<String> KNOWN_WEAK = Set.of("changeme", "secret", "password", "motcua",
			"motcua-secret", "admin");

	private TokenSecret() {
	}

	static SecretKey resolve(RunMode mode, @Nullable String configured, JdbcClient jdbc) {
		if (mode == RunMode.PRODUCTION) {
			List<String> problems = weaknesses(configured);
			if (!problems.isEmpty()) {
				throw new IllegalStateException("Refusing to start in production: MOTCUA_TOKEN_SECRET " + String.join("; ", problems));
			}
			return key(configured);
		}
		if (configured != null && !configured.isBlank()) {
			return key(configured);
		}
		byte[] random = new byte[48];
		new SecureRandom().nextBytes(random);
		jdbc.sql("insert into token_signing_key (id, secret) values (1, ?) on conflict (id) do nothing")
			.param(Base64.getEncoder().encodeToString(random))
			.update();
		return key(jdbc.sql("select secret from token_signing_key where id = 1").query(String.class).single());
	}

	static List<String> weaknesses(@Nullable String secret) {
		if (secret == null || secret.isBlank()) {
			return List.of("is missing (give at least " + MIN_LENGTH + " random characters)");
		}
		if (secret.length() < MIN_LENGTH) {
			return List.of("is shorter than " + MIN_LENGTH + " characters");
		}
		if (secret.chars().distinct().count() < 10 || KNOWN_WEAK.stream().anyMatch(w -> secret.toLowerCase().contains(w))) {
			return List.of("is too easy to guess");
		}
		return List.of();
	}

	/** SHA-256 of the secret: a full-strength 256-bit HMAC key whatever the secret's length. */
	private static SecretKey key(String secret) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
			return new SecretKeySpec(digest, "HmacSHA256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
