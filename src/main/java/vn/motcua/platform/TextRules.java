package vn.motcua.platform;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

/**
 * The bounds every input meets (docs/api.md, "Bad input, everywhere"): no U+0000 in text, free text up to
 * {@link #FREE_TEXT} characters, names up to {@link #NAME}, lists up to {@link #LIST} items, real dates within
 * {@link #MIN_YEAR}–{@link #MAX_YEAR}. One place, so that a request filter, the JSON reader, the importers and
 * the forms refuse the same things.
 */
public final class TextRules {

	public static final int FREE_TEXT = 4000;
	public static final int NAME = 200;
	public static final int LIST = 50;
	public static final int MIN_YEAR = 1900;
	public static final int MAX_YEAR = 2199;

	private static final Instant FIRST = LocalDate.of(MIN_YEAR, 1, 1).atStartOfDay().toInstant(ZoneOffset.ofHours(14));
	private static final Instant LAST = LocalDate.of(MAX_YEAR + 1, 1, 1).atStartOfDay().toInstant(ZoneOffset.ofHours(-14));

	private TextRules() {
	}

	public static boolean hasNul(@Nullable String s) {
		return s != null && s.indexOf('\0') >= 0;
	}

	/** A real date of this system: 1900–2199. */
	public static boolean inRange(@Nullable LocalDate date) {
		return date == null || (date.getYear() >= MIN_YEAR && date.getYear() <= MAX_YEAR);
	}

	/** An instant whose date is within 1900–2199 in every time zone. */
	public static boolean inRange(@Nullable Instant instant) {
		return instant == null || (!instant.isBefore(FIRST) && instant.isBefore(LAST));
	}

	/** Text fit to store: without NUL and within {@code max} characters. */
	public static boolean fits(@Nullable String s, int max) {
		return s == null || (!hasNul(s) && s.length() <= max);
	}

	/**
	 * A file name as it may be stored and shown: NFC, no control, format (bidirectional overrides, zero-width)
	 * or separator characters, no path, no leading dot; empty when nothing is left (the store bounds its length).
	 */
	public static String safeFileName(@Nullable String name) {
		String s = name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFC);
		int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
		s = s.substring(slash + 1);
		StringBuilder out = new StringBuilder(s.length());
		s.codePoints().forEach(cp -> {
			int type = Character.getType(cp);
			boolean unsafe = Character.isISOControl(cp) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
					|| type == Character.PARAGRAPH_SEPARATOR || type == Character.PRIVATE_USE
					|| type == Character.SURROGATE || type == Character.UNASSIGNED;
			if (!unsafe) {
				out.appendCodePoint(cp);
			}
		});
		String cleaned = out.toString().strip();
		while (cleaned.startsWith(".")) {
			cleaned = cleaned.substring(1);
		}
		return cleaned;
	}
}
