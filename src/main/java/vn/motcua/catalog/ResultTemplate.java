package vn.motcua.catalog;

import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Mẫu kết quả — the text of a case's result (a permit, a certificate, a written answer) with placeholders the
 * dossier fills: {@code {{applicant.fullName}}}, {@code {{applicant.idNumber}}}, {@code {{applicant.dateOfBirth}}},
 * {@code {{applicant.address}}}, {@code {{applicant.businessName}}}, {@code {{dossier.code}}},
 * {@code {{procedure.name}}}, {@code {{agency.name}}}, {@code {{date}}}, and {@code {{form.<field>}}} for an answer
 * of the e-form. A placeholder the dossier has no value for is left blank, never shown as code.
 */
public record ResultTemplate(String title, String body) {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_.]{0,80})\\s*}}");

	/** The placeholders a template may use besides {@code form.<field>}. */
	public static final java.util.Set<String> KNOWN = java.util.Set.of("applicant.fullName", "applicant.idNumber",
			"applicant.dateOfBirth", "applicant.address", "applicant.businessName", "applicant.taxCode", "dossier.code",
			"procedure.name", "agency.name", "date");

	/** The text with every placeholder replaced by {@code values} (by name), or by nothing. */
	public static String fill(String text, Function<String, @Nullable String> values) {
		Matcher m = PLACEHOLDER.matcher(text);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String v = values.apply(m.group(1));
			m.appendReplacement(out, Matcher.quoteReplacement(v == null ? "" : v));
		}
		m.appendTail(out);
		return out.toString();
	}

	/** The placeholders of the text that neither the dossier nor the e-form ({@code fields}) can fill. */
	public java.util.List<String> unknownPlaceholders(EForm form) {
		java.util.List<String> unknown = new java.util.ArrayList<>();
		Matcher m = PLACEHOLDER.matcher(title + "\n" + body);
		while (m.find()) {
			String name = m.group(1);
			boolean formField = name.startsWith("form.")
					&& form.fields().stream().anyMatch(f -> f.name().equals(name.substring(5)));
			if (!KNOWN.contains(name) && !formField) {
				unknown.add(name);
			}
		}
		return unknown;
	}

	/** As the API shows it. */
	public Map<String, Object> toMap() {
		return Map.of("title", title, "body", body);
	}
}
