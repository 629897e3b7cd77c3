package vn.motcua.platform;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Instants and working durations as pages show them ({@code ${@vnTime.format(d.dueAt)}}): dd/MM/yyyy HH:mm in
 * Asia/Ho_Chi_Minh, and "2 ngày 3 giờ" of working time.
 */
@Component("vnTime")
public class VietnamTime {

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm").withZone(Zones.VIETNAM);

	public String format(@Nullable Instant instant) {
		return instant == null ? "" : MINUTE.format(instant);
	}

	/** A day as typed ({@code YYYY-MM-DD} or dd/MM/yyyy) shown as dd/MM/yyyy; other text as it is. */
	public String day(@Nullable String text) {
		return text == null ? "" : Zones.parseDay(text).map(d -> d.format(Zones.DAY)).orElse(text);
	}

	/** A date as dd/MM/yyyy; empty for none. */
	public String day(java.time.@Nullable LocalDate date) {
		return date == null ? "" : date.format(Zones.DAY);
	}

	/** Working time in working days of {@code dayLengthSeconds} and hours, signed. */
	public String workingTime(@Nullable Duration d, int dayLengthSeconds) {
		if (d == null) {
			return "";
		}
		long seconds = Math.abs(d.getSeconds());
		long days = seconds / dayLengthSeconds;
		long hours = (seconds % dayLengthSeconds) / 3600;
		long minutes = (seconds % 3600) / 60;
		String text = (days > 0 ? days + " ngày " : "") + (hours > 0 ? hours + " giờ " : "")
				+ (days == 0 && hours == 0 ? minutes + " phút" : "");
		return (d.isNegative() ? "quá " : "còn ") + text.strip();
	}
}
