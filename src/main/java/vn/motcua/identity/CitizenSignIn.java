package vn.motcua.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditLog;
import vn.motcua.identifiers.PersonalIdNumber;
import vn.motcua.identifiers.TaxCode;

/**
 * Turns the national SSO's claims into a MotCua citizen: {@code SoDinhDanh} is the account, {@code HoVaTen}
 * and {@code NgayThangNamSinh} (yyyyMMdd) the person, {@code loAs}/{@code acr} the assurance level (LoA1/1
 * or LoA2/2; anything else counts as level 1), {@code MaSoDoanhNghiep}/{@code TenDoanhNghiep} the business.
 * The account is upserted and the sign-in audited in one transaction.
 */
final class CitizenSignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {

	static final String LEVEL_AUTHORITY_PREFIX = "LOA_";
	private static final DateTimeFormatter NATIONAL_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

	private final OidcUserService claims = new OidcUserService();
	private final JdbcCitizenAccounts accounts;
	private final TransactionTemplate tx;
	private final AuditLog audit;
	private final Clock clock;

	CitizenSignIn(JdbcCitizenAccounts accounts, TransactionTemplate tx, AuditLog audit, Clock clock) {
		this.accounts = accounts;
		this.tx = tx;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		OidcUser user = claims.loadUser(request);
		CitizenAccount account = account(user.getClaims());
		String issuer = String.valueOf(user.getIssuer());
		tx.executeWithoutResult(t -> {
			boolean created = accounts.signedIn(account, issuer, user.getSubject(), clock.instant());
			audit.record(new AuditEntry(account.idNumber(), "auth.citizen-sign-in", "citizen", account.idNumber(),
					Map.of("level", account.assuranceLevel(), "issuer", issuer, "firstSignIn", created,
							"business", account.businessTaxCode() == null ? "" : account.businessTaxCode())));
		});
		Set<GrantedAuthority> authorities = new LinkedHashSet<>();
		authorities.add(new SimpleGrantedAuthority(Role.CITIZEN.authority()));
		authorities.add(new SimpleGrantedAuthority(LEVEL_AUTHORITY_PREFIX + account.assuranceLevel()));
		return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), "SoDinhDanh");
	}

	static CitizenAccount account(Map<String, Object> claims) {
		String idNumber = text(claims.get("SoDinhDanh"));
		if (idNumber == null) {
			idNumber = text(claims.get("preferred_username"));
		}
		if (idNumber == null || !PersonalIdNumber.isValid(idNumber)) {
			throw new OAuth2AuthenticationException(new OAuth2Error("invalid_id_number",
					"The e-ID provider sent no valid SoDinhDanh", null));
		}
		String name = text(claims.get("HoVaTen"));
		String taxCode = text(claims.get("MaSoDoanhNghiep"));
		return new CitizenAccount(idNumber, name == null ? idNumber : name, date(text(claims.get("NgayThangNamSinh"))),
				level(text(claims.get("loAs")), text(claims.get("acr"))), taxCode != null && TaxCode.isValid(taxCode) ? taxCode : null,
				taxCode != null && TaxCode.isValid(taxCode) ? text(claims.get("TenDoanhNghiep")) : null);
	}

	/** Level 2 only when the provider says so; an unknown value is the weaker level. */
	static int level(@Nullable String loAs, @Nullable String acr) {
		for (String v : new String[] { loAs, acr }) {
			if (v != null && (v.equalsIgnoreCase("LoA2") || v.equals("2"))) {
				return 2;
			}
		}
		return 1;
	}

	private static @Nullable LocalDate date(@Nullable String text) {
		if (text == null) {
			return null;
		}
		try {
			return text.length() == 8 ? LocalDate.parse(text, NATIONAL_DATE) : LocalDate.parse(text);
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	private static @Nullable String text(@Nullable Object value) {
		return value == null || value.toString().isBlank() ? null : value.toString().strip();
	}
}
