package vn.motcua.platform;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Numbers as pages show them ({@code ${@vnNumber.percent(rate)}}): in Vietnamese a comma before the decimals, a dot
 * between thousands and a space before the percent sign (87,95 %; 4.000); in English 87.95% and 4,000. A missing
 * value is a dash.
 */
@Component("vnNumber")
public class VietnamNumbers {

	private static final String NONE = "—";

	private static boolean english() {
		return "en".equals(LocaleContextHolder.getLocale().getLanguage());
	}

	private static DecimalFormat format(String pattern) {
		return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(english() ? Locale.ENGLISH : new Locale("vi", "VN")));
	}

	/** A percentage, up to two decimals. */
	public String percent(@Nullable BigDecimal rate) {
		return rate == null ? NONE : format("#,##0.##").format(rate) + (english() ? "%" : " %");
	}

	/** A decimal number, up to two decimals (a score). */
	public String decimal(@Nullable BigDecimal value) {
		return value == null ? NONE : format("#,##0.##").format(value);
	}

	/** A count, with thousands grouped. */
	public String count(long value) {
		return format("#,##0").format(value);
	}
}
