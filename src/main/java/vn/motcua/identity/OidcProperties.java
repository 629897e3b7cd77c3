package vn.motcua.identity;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The e-ID provider citizens sign in with ({@code motcua.oidc.*}: MOTCUA_OIDC_ISSUER_URI, _CLIENT_ID,
 * _CLIENT_SECRET, _SCOPES, _ALGORITHMS, _CLAIMS_*, _LEVEL2_VALUES). Without an issuer, demo mode uses the
 * bundled sandbox and production offers no citizen sign-in. The defaults are the national SSO's names, with
 * the standard OpenID Connect claims as fallbacks, so another provider is a configuration change.
 *
 * @param scopes requested scopes
 * @param algorithms ID-token signature algorithms accepted (the provider's keys decide among them)
 * @param claims where each attribute of the person is read, first present claim wins
 * @param level2Values values of a level claim that mean level 2 (mức 2); any other value is level 1
 */
@ConfigurationProperties("motcua.oidc")
record OidcProperties(@Nullable String issuerUri, @Nullable String clientId, @Nullable String clientSecret,
		@DefaultValue({ "openid", "profile" }) List<String> scopes,
		@DefaultValue({ "RS256", "ES256", "PS256" }) List<String> algorithms, @DefaultValue Claims claims,
		@DefaultValue({ "LoA2", "2", "loa-2", "urn:vneid:loa:2" }) List<String> level2Values) {

	/**
	 * @param idNumber the 12-digit personal ID number (số định danh cá nhân)
	 * @param fullName the person's full name
	 * @param birthDate date of birth, {@code yyyyMMdd} or ISO {@code yyyy-MM-dd}
	 * @param level the assurance level
	 * @param taxCode a business's tax code, when the person signs in for one
	 * @param businessName that business's name
	 */
	record Claims(@DefaultValue({ "SoDinhDanh", "preferred_username", "sub" }) List<String> idNumber,
			@DefaultValue({ "HoVaTen", "name" }) List<String> fullName,
			@DefaultValue({ "NgayThangNamSinh", "birthdate" }) List<String> birthDate,
			@DefaultValue({ "loAs", "acr" }) List<String> level,
			@DefaultValue({ "MaSoDoanhNghiep" }) List<String> taxCode,
			@DefaultValue({ "TenDoanhNghiep" }) List<String> businessName) {
	}

	/** The national SSO's names, as when nothing is configured. */
	static OidcProperties defaults() {
		return new OidcProperties(null, null, null, List.of("openid", "profile"), List.of("RS256", "ES256", "PS256"),
				new Claims(List.of("SoDinhDanh", "preferred_username", "sub"), List.of("HoVaTen", "name"),
						List.of("NgayThangNamSinh", "birthdate"), List.of("loAs", "acr"), List.of("MaSoDoanhNghiep"),
						List.of("TenDoanhNghiep")),
				List.of("LoA2", "2", "loa-2", "urn:vneid:loa:2"));
	}
}
