package vn.motcua.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import vn.motcua.platform.TextRules;

/**
 * Tờ khai điện tử — the typed fields a case asks for instead of generic applicant fields (docs/api.md,
 * "Procedure templates"). Values are Java forms of JSON values: {@link String}, {@link BigDecimal},
 * {@link Boolean}; a date is a {@code YYYY-MM-DD} string.
 */
public record EForm(List<Field> fields) {

	public static final EForm EMPTY = new EForm(List.of());

	/** Longest name or code in a template. */
	public static final int MAX_NAME = 64;

	private static final Pattern NAME = Pattern.compile("^[A-Za-z][A-Za-z0-9_]{0,63}$");
	private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");

	public EForm {
		fields = List.copyOf(fields);
	}

	public enum FieldType {
		TEXT, NUMBER, DATE, SELECT, BOOLEAN;

		public String json() {
			return name().toLowerCase(Locale.ROOT);
		}

		public static Optional<FieldType> of(@Nullable String json) {
			for (FieldType t : values()) {
				if (t.json().equals(json)) {
					return Optional.of(t);
				}
			}
			return Optional.empty();
		}
	}

	/**
	 * One question of the form.
	 *
	 * @param showWhen asked only when another field has a value (any value when {@code equals} is null)
	 */
	public record Field(String name, String label, FieldType type, boolean required, List<String> options,
			@Nullable Condition showWhen) {

		public Field {
			options = List.copyOf(options);
		}

		/** An answer as people read it (on the filer's summary and the printed form): dd/MM/yyyy, Có/Không. */
		public String text(@Nullable Object value) {
			if (value == null) {
				return "";
			}
			return switch (type) {
				case BOOLEAN -> Boolean.TRUE.equals(value) ? "Có" : "Không";
				case DATE -> vn.motcua.platform.Zones.parseDay(String.valueOf(value))
					.map(d -> d.format(vn.motcua.platform.Zones.DAY))
					.orElse(String.valueOf(value));
				case NUMBER -> value instanceof BigDecimal b ? b.stripTrailingZeros().toPlainString() : String.valueOf(value);
				default -> String.valueOf(value);
			};
		}
	}

	/** "Shown when {@code field} has a value" or "… equals {@code equals}". */
	public record Condition(String field, @Nullable String equals) {
	}

	/** An answer refused, by field name; the key names a message in {@code messages*.properties}. */
	public record Problem(String field, String messageKey) {
	}

	/** A form read from JSON, and what could not be read. */
	public record Parsed(EForm form, List<Problem> problems) {
	}

	/** The answers kept and what is wrong with the others. */
	public record Checked(Map<String, Object> values, List<Problem> problems) {
	}

	/** Whether the form's definition is sound: names unique and well formed, options for a select, conditions on earlier fields. */
	public List<Problem> definitionProblems() {
		List<Problem> problems = new java.util.ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (Field f : fields) {
			if (!NAME.matcher(f.name()).matches()) {
				problems.add(new Problem(f.name(), "catalog.template.field-name"));
			}
			if (!seen.add(f.name())) {
				problems.add(new Problem(f.name(), "catalog.template.field-repeated"));
			}
			if (f.label().isBlank() || f.label().length() > 200) {
				problems.add(new Problem(f.name(), "catalog.template.field-label"));
			}
			if (f.type() == FieldType.SELECT && (f.options().isEmpty() || f.options().size() > 50
					|| f.options().stream().anyMatch(o -> o.isBlank() || o.length() > 200)
					|| new HashSet<>(f.options()).size() != f.options().size())) {
				problems.add(new Problem(f.name(), "catalog.template.options"));
			}
			if (f.type() != FieldType.SELECT && !f.options().isEmpty()) {
				problems.add(new Problem(f.name(), "catalog.template.options-not-select"));
			}
			if (f.showWhen() != null && (f.showWhen().field().equals(f.name()) || !seen.contains(f.showWhen().field()))) {
				problems.add(new Problem(f.name(), "catalog.template.condition"));
			}
		}
		if (fields.size() > 50) {
			problems.add(new Problem("form", "catalog.template.too-many"));
		}
		return problems;
	}

	/**
	 * Checks answers as they come from the API: each of the right JSON type, required ones present, a select
	 * among its options. Answers to unknown fields or to fields hidden by their condition are dropped.
	 */
	public Checked check(Map<String, ?> answers) {
		Map<String, Object> kept = new LinkedHashMap<>();
		List<Problem> problems = new java.util.ArrayList<>();
		for (Field f : fields) {
			if (!shown(f, kept)) {
				continue;
			}
			Object v = answers.get(f.name());
			if (v == null || v instanceof String s && s.isBlank()) {
				if (f.required()) {
					problems.add(new Problem(f.name(), "form.required"));
				}
				continue;
			}
			Optional<String> wrong = wrongValue(f, v);
			if (wrong.isPresent()) {
				problems.add(new Problem(f.name(), wrong.get()));
			}
			else {
				kept.put(f.name(), v instanceof String s ? s.strip() : v instanceof Number n && !(n instanceof BigDecimal)
						? new BigDecimal(n.toString()) : v);
			}
		}
		return new Checked(kept, problems);
	}

	/**
	 * Converts a page's text answers to typed values (numbers with a comma or a point, dates as
	 * {@code dd/MM/yyyy} or {@code YYYY-MM-DD}, check boxes as {@code true}), leaving text that does not convert
	 * as text so that {@link #check} names it.
	 */
	public Map<String, Object> fromText(Map<String, String> text) {
		Map<String, Object> values = new LinkedHashMap<>();
		for (Field f : fields) {
			String t = text.get(f.name());
			if (f.type() == FieldType.BOOLEAN) {
				values.put(f.name(), t != null && (t.equals("true") || t.equals("on")));
				continue;
			}
			if (t == null || t.isBlank()) {
				continue;
			}
			String s = t.strip();
			values.put(f.name(), switch (f.type()) {
				case NUMBER -> number(s).<Object>map(n -> n).orElse(s);
				case DATE -> vn.motcua.platform.Zones.parseDay(s).<Object>map(LocalDate::toString).orElse(s);
				default -> s;
			});
		}
		return values;
	}

	/** Whether a field is asked, given the answers so far. */
	public static boolean shown(Field f, Map<String, ?> answers) {
		if (f.showWhen() == null) {
			return true;
		}
		Object v = answers.get(f.showWhen().field());
		if (v == null || v instanceof String s && s.isBlank() || Boolean.FALSE.equals(v)) {
			return false;
		}
		return f.showWhen().equals() == null || f.showWhen().equals().equals(String.valueOf(v));
	}

	private static Optional<String> wrongValue(Field f, Object v) {
		return switch (f.type()) {
			case TEXT -> v instanceof String s && TextRules.fits(s, TextRules.FREE_TEXT) ? Optional.empty()
					: Optional.of("form.text");
			case NUMBER -> v instanceof Number n && !(v instanceof Double d && (d.isNaN() || d.isInfinite()))
					&& Math.abs(new BigDecimal(n.toString()).doubleValue()) < 1e15 ? Optional.empty() : Optional.of("form.number");
			case DATE -> v instanceof String s && validDate(s) ? Optional.empty() : Optional.of("form.date");
			case SELECT -> v instanceof String s && f.options().contains(s.strip()) ? Optional.empty()
					: Optional.of("form.option");
			case BOOLEAN -> v instanceof Boolean ? Optional.empty() : Optional.of("form.boolean");
		};
	}

	private static boolean validDate(String s) {
		if (!DATE.matcher(s.strip()).matches()) {
			return false;
		}
		try {
			int year = LocalDate.parse(s.strip()).getYear();
			return year >= 1900 && year <= 2199;
		}
		catch (DateTimeParseException e) {
			return false;
		}
	}

	private static Optional<BigDecimal> number(String s) {
		String t = s.replace(" ", "");
		// 1.234,5 and 1,234.5 are both read; a lone comma is the Vietnamese decimal mark
		if (t.contains(",") && t.contains(".")) {
			t = t.lastIndexOf(',') > t.lastIndexOf('.') ? t.replace(".", "").replace(',', '.') : t.replace(",", "");
		}
		else {
			t = t.replace(',', '.');
		}
		try {
			return Optional.of(new BigDecimal(t));
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
	}
}
