package vn.motcua.platform;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

/** Time zones the law counts in, and the date people read and type. */
public final class Zones {

	/** Asia/Ho_Chi_Minh (UTC+7, no daylight saving): deadlines, dates shown to people, reporting periods. */
	public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	/** dd/MM/yyyy, parsed strictly: 31/02/2026 is an error, not 28/02. */
	public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu")
		.withResolverStyle(ResolverStyle.STRICT);

	private Zones() {
	}

	/** A day typed as dd/MM/yyyy or, as a date input sends it, yyyy-MM-dd; empty when it is neither. */
	public static java.util.Optional<LocalDate> parseDay(String text) {
		try {
			return java.util.Optional.of(text.contains("/") ? LocalDate.parse(text.strip(), DAY) : LocalDate.parse(text.strip()));
		}
		catch (java.time.format.DateTimeParseException e) {
			return java.util.Optional.empty();
		}
	}

	/** Today in Vietnam by {@code clock}. */
	public static LocalDate today(Clock clock) {
		return LocalDate.now(clock.withZone(VIETNAM));
	}
}
