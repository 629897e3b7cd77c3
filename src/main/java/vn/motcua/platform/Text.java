package vn.motcua.platform;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A text of the message bundles with its arguments, said in the language asked for: Vietnamese (the base bundle) or
 * English. Arguments that are themselves texts (an action's or a status's name) are said in the same language. It
 * follows Spring's message rules: {@link MessageFormat} only when there are arguments.
 */
public record Text(String key, Object... args) {

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	public String in(Locale locale) {
		boolean english = "en".equals(locale.getLanguage());
		ResourceBundle bundle = ResourceBundle.getBundle("messages", english ? Locale.ENGLISH : Locale.ROOT,
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
		if (!bundle.containsKey(key)) {
			return key;
		}
		String pattern = bundle.getString(key);
		if (args.length == 0) {
			return pattern;
		}
		Object[] said = Arrays.stream(args).map(a -> a instanceof Text t ? t.in(locale) : a).toArray();
		return new MessageFormat(pattern, english ? Locale.ENGLISH : VIETNAMESE).format(said);
	}

	/** The Vietnamese text, the one logs and stored notes keep. */
	public String vietnamese() {
		return in(VIETNAMESE);
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof Text t && key.equals(t.key) && Arrays.equals(args, t.args);
	}

	@Override
	public int hashCode() {
		return 31 * key.hashCode() + Arrays.hashCode(args);
	}

	@Override
	public String toString() {
		return vietnamese();
	}
}
