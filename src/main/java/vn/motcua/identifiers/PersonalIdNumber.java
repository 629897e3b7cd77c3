package vn.motcua.identifiers;

import java.time.LocalDate;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Số định danh cá nhân — {@code PPP G YY RRRRRR} (Điều 13 Nghị định 137/2015/NĐ-CP): the province where the
 * birth was registered, a digit for century and sex (0/1 for 1900–1999 male/female, 2/3 for 2000–2099, … up
 * to 8/9 for 2300–2399), the last two digits of the birth year, six random digits. There is no check digit.
 */
public final class PersonalIdNumber {

	/** What is wrong with a number; the message key is {@code identifiers.id-number.<name in lower case>}. */
	public enum Flaw {
		/** Not exactly twelve digits. */
		FORMAT,
		/** The first three digits name no province. */
		PROVINCE,
		/** The century digit and the two year digits disagree with the date of birth. */
		BIRTH_YEAR,
		/** The century digit says the other sex. */
		SEX;

		public String messageKey() {
			return "identifiers.id-number." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
		}
	}

	private PersonalIdNumber() {
	}

	/** The first flaw found, checking the date of birth and sex only when they are given. */
	public static Optional<Flaw> check(@Nullable String number, @Nullable LocalDate dateOfBirth,
			@Nullable Sex sex) {
		if (number == null || number.length() != 12 || !number.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return Optional.of(Flaw.FORMAT);
		}
		if (!BirthProvinces.isKnown(number.substring(0, 3))) {
			return Optional.of(Flaw.PROVINCE);
		}
		if (dateOfBirth != null && dateOfBirth.getYear() != birthYear(number)) {
			return Optional.of(Flaw.BIRTH_YEAR);
		}
		if (sex != null && sex != sex(number)) {
			return Optional.of(Flaw.SEX);
		}
		return Optional.empty();
	}

	public static boolean isValid(@Nullable String number) {
		return check(number, null, null).isEmpty();
	}

	/** The birth year the number encodes; the number must be well formed. */
	public static int birthYear(String number) {
		int g = number.charAt(3) - '0';
		return 1900 + (g / 2) * 100 + Integer.parseInt(number.substring(4, 6));
	}

	public static Sex sex(String number) {
		return (number.charAt(3) - '0') % 2 == 0 ? Sex.MALE : Sex.FEMALE;
	}

	/** The six digits {@code G YY} put before the random part, for someone born in that year with that sex. */
	public static String centuryYearDigits(int birthYear, Sex sex) {
		if (birthYear < 1900 || birthYear > 2399) {
			throw new IllegalArgumentException("no century digit for " + birthYear);
		}
		int g = (birthYear - 1900) / 100 * 2 + (sex == Sex.FEMALE ? 1 : 0);
		return g + String.format("%02d", birthYear % 100);
	}

	/** Shows only the last four digits, for pages and logs that must not spread the full number. */
	public static String masked(String number) {
		return number.length() <= 4 ? number : "•".repeat(number.length() - 4) + number.substring(number.length() - 4);
	}
}
