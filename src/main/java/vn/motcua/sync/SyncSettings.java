package vn.motcua.sync;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The national portal and the delivery worker ({@code MOTCUA_DVCQG_URL}, {@code _USERNAME}, {@code _PASSWORD}; demo
 * mode without a URL: the bundled sandbox portal).
 *
 * @param giveUpAfter how long a delivery is retried before it is a dead letter (FAILED), holding its dossier's later
 *        ones back until an administrator resends it
 * @param truststore a PKCS#12 trust store of this integration only ({@code MOTCUA_DVCQG_TRUSTSTORE}); the JDK's when
 *        absent. TLS certificates and host names are always verified.
 * @param provinceCode the province's unit code on the portal, sent with {@code LayDanhSachTTHC}
 *        ({@code MOTCUA_DVCQG_PROVINCECODE}); without it the portal lists what the account may see
 * @param catalogPullAt the time of the nightly catalog pull in Viet Nam, {@code HH:mm}; blank turns it off
 */
@ConfigurationProperties("motcua.dvcqg")
record SyncSettings(@Nullable String url, @Nullable String username, @Nullable String password,
		@Nullable String truststore, @Nullable String truststorePassword,
		@DefaultValue("true") boolean worker, @DefaultValue("PT1S") Duration poll, @DefaultValue("100") int batch,
		@DefaultValue("8") int senders, @DefaultValue("PT2M") Duration lease, @DefaultValue("PT5S") Duration firstRetry,
		@DefaultValue("PT10M") Duration longestRetry, @DefaultValue("PT24H") Duration giveUpAfter,
		@DefaultValue("PT5S") Duration connectTimeout, @DefaultValue("PT20S") Duration timeout,
		@Nullable String provinceCode, @DefaultValue("02:30") String catalogPullAt) {
}
