package vn.motcua.identity;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.motcua.platform.RunMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialRulesTest {

	/** RFC 6238 appendix B vectors (SHA-1, secret "12345678901234567890"), last six digits. */
	@ParameterizedTest
	@CsvSource({ "59, 287082", "1111111109, 081804", "1111111111, 050471", "1234567890, 005924",
			"2000000000, 279037", "20000000000, 353130" })
	void totpMatchesTheRfcVectors(long epochSeconds, String expected) {
		String secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"; // base32 of "12345678901234567890"
		assertThat(Totp.code(secret, epochSeconds / 30)).isEqualTo(expected);
		assertThat(Totp.verify(secret, expected, Instant.ofEpochSecond(epochSeconds))).isTrue();
		assertThat(Totp.verify(secret, expected, Instant.ofEpochSecond(epochSeconds + 95))).isFalse();
	}

	@Test
	void totpRejectsMalformedCodes() {
		String secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
		assertThat(Totp.verify(secret, "28708", Instant.ofEpochSecond(59))).isFalse();
		assertThat(Totp.verify(secret, "abcdef", Instant.ofEpochSecond(59))).isFalse();
	}

	@ParameterizedTest
	@CsvSource({ "quantri, short1A!, false", "quantri, alllowercaseletters, false", "quantri, Quantri!2026xyz, false",
			"quantri, Password!2026x, false", "quantri, Str0ng!Passw0rd#2026, true", "quantri, Ca-Mau-Sông-Đốc-99, true" })
	void passwordPolicy(String user, String password, boolean acceptable) {
		assertThat(PasswordPolicy.weaknesses(user, password).isEmpty()).isEqualTo(acceptable);
	}

	@Test
	void productionTokenSecretMustBeLongAndVaried() {
		assertThat(TokenSecret.weaknesses(null)).isNotEmpty();
		assertThat(TokenSecret.weaknesses("short")).isNotEmpty();
		assertThat(TokenSecret.weaknesses("a".repeat(40))).isNotEmpty();
		assertThat(TokenSecret.weaknesses("my-motcua-secret-that-is-long-enough")).isNotEmpty();
		assertThat(TokenSecret.weaknesses("pX7#kQ2!vL9$mZ4&wR8*tY3^bN6@cH1%")).isEmpty();
		assertThatThrownBy(() -> TokenSecret.resolve(RunMode.PRODUCTION, "short", null))
			.hasMessageContaining("MOTCUA_TOKEN_SECRET");
	}
}
