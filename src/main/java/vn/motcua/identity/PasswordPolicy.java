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

	/** What a password lacks: a message key for pages ({@code staff.password.rule.*}) and English for the log. */
	enum Weakness {
		LENGTH("at least " + MIN_LENGTH + " characters"), CLASSES("three of: lower case, upper case, digits, symbols"),
		GUESSABLE("neither the user name nor a common word");

		final String english;

		Weakness(String english) {
			this.english = english;
		}

		String messageKey() {
			return "staff.password.rule." + name().toLowerCase(Locale.ROOT);
		}
	}

	static List<Weakness> weaknesses(String username, String password) {
		List<Weakness> problems = new ArrayList<>();
		if (password.length() < MIN_LENGTH) {
			problems.add(Weakness.LENGTH);
		}
		int classes = 0;
		classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
		classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
		classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
		classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
		if (classes < 3) {
			problems.add(Weakness.CLASSES);
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (lower.contains(username.toLowerCase(Locale.ROOT)) || COMMON.stream().anyMatch(lower::contains)) {
			problems.add(Weakness.GUESSABLE);
		}
		return problems;
	}
}
