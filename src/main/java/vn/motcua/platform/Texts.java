package vn.motcua.platform;

import java.text.Normalizer;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/** Text as forms and requests send it. */
public final class Texts {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private Texts() {
	}

	/** The text without surrounding spaces, or null when there is none: an empty field means "not given". */
	public static @Nullable String strippedOrNull(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	/** Vietnamese without tone marks and diacritics, đ → d ("Hồ sơ Đã" → "Ho so Da"); case is kept. */
	public static String unaccented(String text) {
		return MARKS.matcher(Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD))
			.replaceAll("");
	}

	/** A member of a JSON request as text: null when absent or null, a non-text value as its JSON. */
	public static @Nullable String field(JsonNode body, String name) {
		JsonNode v = body.get(name);
		return v == null || v.isNull() ? null : v.isString() ? v.asString() : v.toString();
	}
}
