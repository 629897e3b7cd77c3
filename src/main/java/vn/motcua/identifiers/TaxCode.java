package vn.motcua.identifiers;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Mã số thuế / mã số doanh nghiệp: ten digits whose last is a check digit, {@code N10 = 10 − (Σ Ni·Wi mod
 * 11)} with W = 31, 29, 23, 19, 17, 13, 7, 5, 3; a dependent unit (chi nhánh, văn phòng đại diện) adds
 * {@code -NNN} from 001 to 999. When the formula gives 10 no code is issued, so such numbers are refused.
 */
public final class TaxCode {

	private static final int[] WEIGHTS = { 31, 29, 23, 19, 17, 13, 7, 5, 3 };

	public enum Flaw {
		FORMAT, CHECK_DIGIT, BRANCH;

		public String messageKey() {
			return "identifiers.tax-code." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
		}
	}

	private TaxCode() {
	}

	public static Optional<Flaw> check(@Nullable String code) {
		if (code == null) {
			return Optional.of(Flaw.FORMAT);
		}
		String main = code;
		if (code.length() == 14 && code.charAt(10) == '-') {
			main = code.substring(0, 10);
			String branch = code.substring(11);
			if (!digits(branch)) {
				return Optional.of(Flaw.FORMAT);
			}
			if (branch.equals("000")) {
				return Optional.of(Flaw.BRANCH);
			}
		}
		if (main.length() != 10 || !digits(main)) {
			return Optional.of(Flaw.FORMAT);
		}
		Integer expected = checkDigit(main.substring(0, 9));
		return expected != null && expected == main.charAt(9) - '0' ? Optional.empty()
				: Optional.of(Flaw.CHECK_DIGIT);
	}

	public static boolean isValid(@Nullable String code) {
		return check(code).isEmpty();
	}

	/** The check digit for nine leading digits, or null when the formula gives 10 (never issued). */
	public static @Nullable Integer checkDigit(String nineDigits) {
		int sum = 0;
		for (int i = 0; i < 9; i++) {
			sum += (nineDigits.charAt(i) - '0') * WEIGHTS[i];
		}
		int digit = 10 - sum % 11;
		return digit == 10 ? null : digit;
	}

	private static boolean digits(String s) {
		return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
	}
}
