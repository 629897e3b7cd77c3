package vn.motcua.identity;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CitizenSignInTest {

	@Test
	void mapsTheNationalClaims() {
		CitizenAccount a = CitizenSignIn.account(Map.of("SoDinhDanh", "096085001234", "HoVaTen", "Nguyễn Văn An",
				"NgayThangNamSinh", "19850302", "loAs", "LoA2", "MaSoDoanhNghiep", "0100109106", "TenDoanhNghiep",
				"Công ty A"));
		assertThat(a).isEqualTo(new CitizenAccount("096085001234", "Nguyễn Văn An", LocalDate.of(1985, 3, 2), 2,
				"0100109106", "Công ty A"));
		assertThat(a.meets(2)).isTrue();
	}

	@Test
	void fallsBackToPreferredUsernameAndDropsAnInvalidTaxCode() {
		CitizenAccount a = CitizenSignIn.account(Map.of("preferred_username", "096085001234", "acr", "1",
				"NgayThangNamSinh", "1985-03-02", "MaSoDoanhNghiep", "0100109107"));
		assertThat(a.idNumber()).isEqualTo("096085001234");
		assertThat(a.fullName()).isEqualTo("096085001234");
		assertThat(a.dateOfBirth()).isEqualTo(LocalDate.of(1985, 3, 2));
		assertThat(a.assuranceLevel()).isEqualTo(1);
		assertThat(a.businessTaxCode()).isNull();
		assertThat(a.meets(2)).isFalse();
	}

	@Test
	void refusesAProviderThatSendsNoValidIdNumber() {
		assertThatThrownBy(() -> CitizenSignIn.account(Map.of("sub", "x", "SoDinhDanh", "12345")))
			.isInstanceOf(OAuth2AuthenticationException.class);
	}

	@Test
	void levelTwoOnlyWhenTheProviderSaysSo() {
		assertThat(CitizenSignIn.level("LoA2", null)).isEqualTo(2);
		assertThat(CitizenSignIn.level(null, "2")).isEqualTo(2);
		assertThat(CitizenSignIn.level("loa2", "1")).isEqualTo(2);
		assertThat(CitizenSignIn.level("LoA1", "1")).isEqualTo(1);
		assertThat(CitizenSignIn.level("LoA3?", null)).isEqualTo(1);
		assertThat(CitizenSignIn.level(null, null)).isEqualTo(1);
	}

	@Test
	void aLevelOneCitizenIsRefusedWhereLevelTwoIsRequiredButStaffAreNot() {
		var levelOne = new TestingAuthenticationToken("096085001234", null, List.of(
				new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_CITIZEN"),
				new org.springframework.security.core.authority.SimpleGrantedAuthority("LOA_1")));
		var officer = new TestingAuthenticationToken("officer", null, "ROLE_ONE_STOP_OFFICER");
		assertThat(AssuranceLevel.of(levelOne)).isEqualTo(1);
		AssuranceLevel.require(levelOne, 1);
		assertThatThrownBy(() -> AssuranceLevel.require(levelOne, 2)).isInstanceOf(AssuranceLevel.TooLow.class)
			.hasMessageContaining("mức độ 2")
			.satisfies(e -> assertThat(((AssuranceLevel.TooLow) e).status().value()).isEqualTo(403));
		AssuranceLevel.require(officer, 2);
		assertThat(AssuranceLevel.of(officer)).isZero();
	}

	@org.junit.jupiter.api.Test
	void theNationalIdNumberWithStandardNameAndBirthDateKeepsBoth() {
		CitizenAccount a = CitizenSignIn.account(Map.of("sub", "x-1", "SoDinhDanh", "096085001234", "name", "Võ Thị Mai",
				"birthdate", "1985-01-02"));
		org.assertj.core.api.Assertions.assertThat(a.fullName()).isEqualTo("Võ Thị Mai");
		org.assertj.core.api.Assertions.assertThat(a.dateOfBirth()).isEqualTo(java.time.LocalDate.of(1985, 1, 2));
	}

	@org.junit.jupiter.api.Test
	void aMappingOfAnotherProviderReadsItsOwnClaims() {
		OidcProperties other = new OidcProperties(null, null, null, java.util.List.of("openid"), java.util.List.of("ES256"),
				new OidcProperties.Claims(java.util.List.of("national_id"), java.util.List.of("display_name"),
						java.util.List.of("dob"), java.util.List.of("assurance"), java.util.List.of("org_tax"),
						java.util.List.of("org_name")),
				java.util.List.of("high"));
		CitizenAccount a = CitizenSignIn.account(Map.of("sub", "x", "national_id", "096085001234", "display_name", "Lý Văn B",
				"dob", "19850102", "assurance", "HIGH"), other);
		org.assertj.core.api.Assertions.assertThat(a.idNumber()).isEqualTo("096085001234");
		org.assertj.core.api.Assertions.assertThat(a.assuranceLevel()).isEqualTo(2);
		org.assertj.core.api.Assertions.assertThat(a.dateOfBirth()).isEqualTo(java.time.LocalDate.of(1985, 1, 2));
	}
}
