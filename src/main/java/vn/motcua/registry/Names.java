package vn.motcua.registry;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Compares Vietnamese names the way docs/api.md fixes: after Unicode NFC normalisation, ignoring case and
 * repeated or surrounding spaces, with diacritics significant ("Nguyễn" is not "Nguyen").
 */
public final class Names {

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private Names() {
	}

	public static boolean same(String a, String b) {
		return canonical(a).equals(canonical(b));
	}

	static String canonical(String name) {
		return Normalizer.normalize(name, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ").toLowerCase(VIETNAMESE);
	}
}
