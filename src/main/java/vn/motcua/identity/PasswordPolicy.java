package vn.motcua.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What a real (non-demo) password must be: long, varied, and not the user name or a common word. */
final class PasswordPolicy {

	static final int MIN_LENGTH = 12;
	private static final Set<String> COMMON = Set.of("password", "matkhau", "123456", "qwerty", "admin", "motcua",
			"camau", "abc123", "iloveyou", "letmein");

	private PasswordPolicy() {
	}

	static List<String> weaknesses(String username, String password) {
		List<String> problems = new ArrayList<>();
		if (password.length() < MIN_LENGTH) {
			problems.add("at least " + MIN_LENGTH + " characters");
		}
		int classes = 0;
		classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
		classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
		classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
		classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
		if (classes < 3) {
			problems.add("three of: lower case, upper case, digits, symbols");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (lower.contains(username.toLowerCase(Locale.ROOT)) || COMMON.stream().anyMatch(lower::contains)) {
			problems.add("neither the user name nor a common word");
		}
		return problems;
	}
}
