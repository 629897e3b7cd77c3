package vn.motcua.catalog.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Vietnamese text as the search compares it: lower case, without tone marks and diacritics (đ → d), split into
 * words (âm tiết) of letters and digits. Citizens type with or without Telex marks; the catalog is written with them.
 */
public final class Fold {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");
	private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

	private Fold() {
	}

	public static String text(String s) {
		String lower = s.toLowerCase(Locale.ROOT).replace('đ', 'd');
		return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
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
