package vn.motcua.identifiers;

import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Vietnamese phone numbers after the 2018 renumbering: mobile {@code 0} + a network prefix (3x, 5x, 7x, 8x,
 * 9x) + 8 digits, or a landline {@code 02xx} + 7 digits (11 digits in all). Accepts spaces, dots, dashes and
 * the {@code +84}/{@code 84} prefix, and answers the number in its national form {@code 0…}.
 */
public final class PhoneNumber {

	private static final Set<Character> MOBILE_NETWORK_DIGITS = Set.of('3', '5', '7', '8', '9');

	private PhoneNumber() {
	}

	/** The number in national form, or empty when it is not a Vietnamese phone number. */
	public static Optional<String> normalize(@Nullable String input) {
		if (input == null) {
			return Optional.empty();
		}
		String s = input.strip().replaceAll("[\\s.\\-()]", "");
		if (s.startsWith("+84")) {
			s = "0" + s.substring(3);
		}
		else if (s.startsWith("84") && s.length() == 11) {
			s = "0" + s.substring(2);
		}
		if (!s.chars().allMatch(c -> c >= '0' && c <= '9') || !s.startsWith("0")) {
			return Optional.empty();
		}
		boolean mobile = s.length() == 10 && MOBILE_NETWORK_DIGITS.contains(s.charAt(1));
		boolean landline = s.length() == 11 && s.charAt(1) == '2';
		return mobile || landline ? Optional.of(s) : Optional.empty();
	}

	public static boolean isValid(@Nullable String input) {
		return normalize(input).isPresent();
	}
}
