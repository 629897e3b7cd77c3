package vn.motcua.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.jspecify.annotations.Nullable;

/** A share in percent as the indicators give it: half-up to 2 decimals, null when there is nothing to divide by. */
public final class Percent {

	private Percent() {
	}

	public static @Nullable BigDecimal of(long part, long whole) {
		return whole == 0 ? null
				: BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(whole), 2,
						RoundingMode.HALF_UP);
	}
}
