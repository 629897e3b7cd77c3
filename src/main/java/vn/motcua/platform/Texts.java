package vn.motcua.platform;

import org.jspecify.annotations.Nullable;

/** Text as forms and requests send it. */
public final class Texts {

	private Texts() {
	}

	/** The text without surrounding spaces, or null when there is none: an empty field means "not given". */
	public static @Nullable String strippedOrNull(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
