package vn.motcua.payment;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The VNPAY terminal ({@code motcua.vnpay.*}: MOTCUA_VNPAY_TMN_CODE, MOTCUA_VNPAY_HASH_SECRET, MOTCUA_VNPAY_URL,
 * MOTCUA_VNPAY_API_URL, MOTCUA_VNPAY_SETTLEMENT_URL). Demo mode falls back to the bundled sandbox with terminal
 * {@code MOTCUA01} and secret {@code motcua-demo-secret}; production refuses to start without them.
 */
@ConfigurationProperties("motcua.vnpay")
record VnpayProperties(@Nullable String tmnCode, @Nullable String hashSecret, @Nullable String url,
		@Nullable String apiUrl, @Nullable String settlementUrl) {

	static final String DEMO_TERMINAL = "MOTCUA01";
	static final String DEMO_SECRET = "motcua-demo-secret";
}
