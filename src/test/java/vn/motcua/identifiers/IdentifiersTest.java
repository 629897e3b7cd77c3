package vn.motcua.identifiers;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentifiersTest {

	@ParameterizedTest
	@CsvSource({ "096085001234, 1985-03-02, MALE", "096185001234, 1985-03-02, FEMALE",
			"095203000001, 2003-12-31, MALE", "001399123456, 2099-01-01, FEMALE", "079400000001, 2100-05-05, MALE" })
	void personalIdNumbersAgreeingWithBirthYearAndSexAreValid(String number, LocalDate born, Sex sex) {
		assertThat(PersonalIdNumber.check(number, born, sex)).isEmpty();
		assertThat(PersonalIdNumber.birthYear(number)).isEqualTo(born.getYear());
		assertThat(PersonalIdNumber.sex(number)).isEqualTo(sex);
	}

	@ParameterizedTest
	@CsvSource({ "09608500123, FORMAT", "0960850012345, FORMAT", "09608500123a, FORMAT", "' 96085001234', FORMAT",
			"003085001234, PROVINCE", "100085001234, PROVINCE", "096285001234, BIRTH_YEAR",
			"096084001234, BIRTH_YEAR", "096185001234, SEX" })
	void flawsAreNamed(String number, PersonalIdNumber.Flaw flaw) {
		assertThat(PersonalIdNumber.check(number, LocalDate.of(1985, 3, 2), Sex.MALE)).contains(flaw);
	}

	@Test
	void birthDateAndSexAreOnlyCheckedWhenGiven() {
		assertThat(PersonalIdNumber.isValid("096285001234")).isTrue();
		assertThat(PersonalIdNumber.isValid(null)).isFalse();
		assertThat(PersonalIdNumber.check("096285001234", LocalDate.of(2085, 1, 1), null)).isEmpty();
	}

	@Test
	void centuryDigitsAreEncodedBackForGenerators() {
		assertThat(PersonalIdNumber.centuryYearDigits(1985, Sex.MALE)).isEqualTo("085");
		assertThat(PersonalIdNumber.centuryYearDigits(2003, Sex.FEMALE)).isEqualTo("303");
		assertThat(PersonalIdNumber.centuryYearDigits(2399, Sex.FEMALE)).isEqualTo("999");
		assertThatThrownBy(() -> PersonalIdNumber.centuryYearDigits(1899, Sex.MALE))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(PersonalIdNumber.masked("096085001234")).isEqualTo("••••••••1234");
	}

	@Test
	void birthProvincesKeepTheLegacyTable() {
		assertThat(BirthProvinces.name("096")).contains("Cà Mau");
		assertThat(BirthProvinces.name("095")).hasValueSatisfying(n -> assertThat(n).contains("Bạc Liêu"));
		assertThat(BirthProvinces.codes()).hasSize(63).doesNotContain("003");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0100109106", "0300588569", "0100107370", "0100109106-001", "0300588569-999" })
	void publishedTaxCodesAreValid(String code) {
		assertThat(TaxCode.check(code)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "0100109107, CHECK_DIGIT", "0300588560, CHECK_DIGIT", "010010910, FORMAT", "01001091060, FORMAT",
			"010010910a, FORMAT", "0100109106-000, BRANCH", "0100109106-01, FORMAT", "0100109106_001, FORMAT",
			"0100109106-00a, FORMAT" })
	void taxCodeFlawsAreNamed(String code, TaxCode.Flaw flaw) {
		assertThat(TaxCode.check(code)).contains(flaw);
	}

	@Test
	void aCheckDigitOfTenIsNeverIssued() {
		// Σ = 0 → 10 − 0 = 10: no such code; Σ = 1·3 = 3 → 7
		assertThat(TaxCode.checkDigit("000000000")).isNull();
		assertThat(TaxCode.check("0000000000")).contains(TaxCode.Flaw.CHECK_DIGIT);
		assertThat(TaxCode.checkDigit("000000001")).isEqualTo(7);
	}

	@ParameterizedTest
	@CsvSource({ "0912345678, 0912345678", "'091 234 5678', 0912345678", "+84912345678, 0912345678",
			"84 912 345 678, 0912345678", "0290.3831.234, 02903831234", "0386-123-456, 0386123456" })
	void phoneNumbersAreNormalised(String input, String expected) {
		assertThat(PhoneNumber.normalize(input)).contains(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "091234567", "09123456789", "0112345678", "0612345678", "1912345678", "02903831",
			"+85912345678", "09123x5678" })
	void otherPhoneNumbersAreRefused(String input) {
		assertThat(PhoneNumber.isValid(input)).isFalse();
	}
}
