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
 * Turns the e-ID provider's claims into a MotCua citizen, by the mapping of {@link OidcProperties} (by
 * default the national SSO's: {@code SoDinhDanh} is the account, {@code HoVaTen} and {@code NgayThangNamSinh}
 * (yyyyMMdd) the person, {@code loAs}/{@code acr} the assurance level (LoA2/2 is level 2, anything else level
 * 1), {@code MaSoDoanhNghiep}/{@code TenDoanhNghiep} the business; the standard {@code preferred_username},
 * {@code name} and {@code birthdate} when those are absent). A missing or invalid ID number is a failed
 * sign-in the visitor is told about, never a server error. The account is upserted and the sign-in audited in
 * one transaction.
 */
final class CitizenSignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {

	static final String LEVEL_AUTHORITY_PREFIX = "LOA_";
	private static final DateTimeFormatter NATIONAL_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

	private final OidcUserService claims = new OidcUserService();
	private final JdbcCitizenAccounts accounts;
	private final TransactionTemplate tx;
	private final AuditLog audit;
	private final Clock clock;
	private final OidcProperties mapping;

	CitizenSignIn(JdbcCitizenAccounts accounts, TransactionTemplate tx, AuditLog audit, Clock clock,
			OidcProperties mapping) {
		this.mapping = mapping;
		this.accounts = accounts;
		this.tx = tx;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		OidcUser user = claims.loadUser(request);
		CitizenAccount account = account(user.getClaims(), mapping);
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
		return new CitizenUser(authorities, user.getIdToken(), user.getUserInfo(), account.idNumber());
	}

	/** The signed-in citizen, named by their ID number whatever claim carried it. */
	static final class CitizenUser extends DefaultOidcUser {

		private static final long serialVersionUID = 1L;

		private final String idNumber;

		CitizenUser(Set<GrantedAuthority> authorities, org.springframework.security.oauth2.core.oidc.OidcIdToken idToken,
				org.springframework.security.oauth2.core.oidc.@Nullable OidcUserInfo userInfo, String idNumber) {
			super(authorities, idToken, userInfo, "sub");
			this.idNumber = idNumber;
		}

		@Override
		public String getName() {
			return idNumber;
		}

		@Override
		public boolean equals(Object o) {
			return o instanceof CitizenUser other && other.idNumber.equals(idNumber) && super.equals(o);
		}

		@Override
		public int hashCode() {
			return idNumber.hashCode();
		}
	}

	static CitizenAccount account(Map<String, Object> claims) {
		return account(claims, OidcProperties.defaults());
	}

	static CitizenAccount account(Map<String, Object> claims, OidcProperties mapping) {
		OidcProperties.Claims names = mapping.claims();
		String idNumber = first(claims, names.idNumber());
		if (idNumber == null || !PersonalIdNumber.isValid(idNumber)) {
			throw new OAuth2AuthenticationException(new OAuth2Error("invalid_id_number",
					"The e-ID provider sent no valid personal ID number (claims " + names.idNumber() + ")", null));
		}
		String name = first(claims, names.fullName());
		String taxCode = first(claims, names.taxCode());
		boolean business = taxCode != null && TaxCode.isValid(taxCode);
		return new CitizenAccount(idNumber, name == null ? idNumber : name, date(first(claims, names.birthDate())),
				levelOf(names.level().stream().map(c -> text(claims.get(c))).toList(), mapping.level2Values()),
				business ? taxCode : null, business ? first(claims, names.businessName()) : null);
	}

	private static @Nullable String first(Map<String, Object> claims, java.util.List<String> names) {
		for (String name : names) {
			String v = text(claims.get(name));
			if (v != null) {
				return v;
			}
		}
		return null;
	}

	/** Level 2 only when the provider says so; an unknown value is the weaker level. */
	static int level(@Nullable String loAs, @Nullable String acr) {
		return levelOf(java.util.Arrays.asList(loAs, acr), OidcProperties.defaults().level2Values());
	}

	static int levelOf(java.util.List<@Nullable String> values, java.util.List<String> level2) {
		for (String v : values) {
			if (v != null && level2.stream().anyMatch(v::equalsIgnoreCase)) {
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
