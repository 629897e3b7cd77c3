package vn.motcua.calendar;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An interval during which a deadline's clock stops, such as a supplement request waiting for the
 * applicant (tạm dừng). An open pause ({@code end == null}) has not ended yet.
 */
public record Pause(Instant start, @Nullable Instant end) {

	public Pause {
		if (end != null && end.isBefore(start)) {
			throw new IllegalArgumentException("A pause cannot end before it starts: " + start + " > " + end);
		}
	}

	public boolean open() {
		return end == null;
	}
}
