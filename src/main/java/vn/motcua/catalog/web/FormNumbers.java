package vn.motcua.catalog.web;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/** Whole numbers typed into the catalog's forms, thousands separators forgiven ("1.200.000"). */
final class FormNumbers {

	private FormNumbers() {
	}

	/** The number, or null with {@code message} put under {@code field} when it is not one in [min, max]. */
	static @Nullable Integer whole(@Nullable String text, String field, long min, long max, String message,
			Map<String, String> errors) {
		String t = text == null ? "" : text.strip().replace(".", "").replace(",", "");
		if (!t.matches("\\d{1,10}") || Long.parseLong(t) < min || Long.parseLong(t) > max) {
			errors.put(field, message);
			return null;
		}
		return Integer.parseInt(t);
	}
}
