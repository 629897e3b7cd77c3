package vn.motcua.identifiers;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/** Địa chỉ thư điện tử: one @, a domain with a dot, no spaces, at most 254 characters (RFC 5321's path limit). */
public final class EmailAddress {

	private static final Pattern SHAPE = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

	private EmailAddress() {
	}

	public static boolean isValid(@Nullable String input) {
		return input != null && input.length() <= 254 && SHAPE.matcher(input).matches();
	}
}
