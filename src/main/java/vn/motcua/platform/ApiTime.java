package vn.motcua.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/**
 * Instants as the API exchanges them: input ISO-8601 with any offset (one without an offset is refused),
 * output in Asia/Ho_Chi_Minh with second precision, such as {@code 2026-04-24T10:00:00+07:00}.
 */
public final class ApiTime {

	private static final DateTimeFormatter OUTPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

	private ApiTime() {
	}

	public static @Nullable String format(@Nullable Instant instant) {
		return instant == null ? null : OUTPUT.format(instant.atZone(Zones.VIETNAM));
	}

	/**
	 * Parses a required instant parameter.
	 *
	 * @throws InvalidParameter when it is missing, malformed or has no offset
	 */
	public static Instant parseInstant(@Nullable String text, String field) {
		if (text == null || text.isBlank()) {
			throw new InvalidParameter(field, field + " là bắt buộc (ISO-8601 có múi giờ, ví dụ 2026-04-24T10:00:00+07:00)");
		}
		// a '+' left unencoded in a query string arrives as a space
		String repaired = text.strip().replaceFirst(" (\\d{2}:?\\d{2})$", "+$1");
		Instant parsed;
		try {
			parsed = OffsetDateTime.parse(repaired).toInstant();
		}
		catch (DateTimeParseException e) {
			throw new InvalidParameter(field, field + " phải là thời điểm ISO-8601 có múi giờ (ví dụ"
					+ " 2026-04-24T10:00:00+07:00 hoặc 2026-04-24T03:00:00Z): \"" + text + "\"");
		}
		if (!TextRules.inRange(parsed)) {
			throw outOfRange(field, text);
		}
		return parsed;
	}

	private static InvalidParameter outOfRange(String field, String text) {
		return new InvalidParameter(field, field + " phải thuộc các năm " + TextRules.MIN_YEAR + "–" + TextRules.MAX_YEAR
				+ ": \"" + text + "\"");
	}

	/** Parses a required {@code YYYY-MM-DD} date parameter. */
	public static LocalDate parseDate(@Nullable String text, String field) {
		LocalDate parsed;
		try {
			parsed = LocalDate.parse(text == null ? "" : text.strip());
		}
		catch (DateTimeParseException e) {
			throw new InvalidParameter(field, field + " phải là ngày dạng YYYY-MM-DD: \"" + text + "\"");
		}
		if (!TextRules.inRange(parsed)) {
			throw outOfRange(field, String.valueOf(text));
		}
		return parsed;
	}
}
