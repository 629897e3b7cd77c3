package vn.motcua.catalog.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Vietnamese text as the search compares it: lower case, without tone marks and diacritics (đ → d), split into
 * words (âm tiết) of letters and digits. Citizens type with or without Telex marks; the catalog is written with them.
 */
public final class Fold {

	private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

	private Fold() {
	}

	public static String text(String s) {
		return vn.motcua.platform.Texts.unaccented(s.toLowerCase(Locale.ROOT));
	}

	/** The folded words, at most {@code limit}. */
	public static List<String> words(String s, int limit) {
		List<String> out = new ArrayList<>();
		for (String w : SEPARATORS.split(text(s))) {
			if (!w.isEmpty() && out.size() < limit) {
				out.add(w);
			}
		}
		return out;
	}

	public static List<String> words(String s) {
		return words(s, 64);
	}
}
