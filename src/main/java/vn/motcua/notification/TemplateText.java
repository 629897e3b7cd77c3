package vn.motcua.notification;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a template with {@code ((placeholder))} fields, as GOV.UK Notify writes them: filled from the
 * message's values, and checked when an administrator saves it so that no field is left unknown.
 */
final class TemplateText {

	private static final Pattern FIELD = Pattern.compile("\\(\\(([A-Za-z][A-Za-z0-9]*)\\)\\)");

	private TemplateText() {
	}

	/** The placeholders the text uses. */
	static Set<String> fields(String text) {
		Set<String> found = new LinkedHashSet<>();
		Matcher m = FIELD.matcher(text);
		while (m.find()) {
			found.add(m.group(1));
		}
		return found;
	}

	/** The text with every placeholder replaced by its value (empty when the message has none). */
	static String render(String text, Map<String, String> values) {
		Matcher m = FIELD.matcher(text);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
		}
		m.appendTail(out);
		return out.toString();
	}
}
