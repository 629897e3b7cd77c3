package vn.motcua.notification;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Settings of the notification module, each from the environment ({@code MOTCUA_MAIL_HOST}, …; docs/api.md). */
final class NotificationSettings {

	private NotificationSettings() {
	}

	/**
	 * The outbox worker.
	 *
	 * @param poll how often each instance looks for messages due (a change's own messages go at its commit)
	 * @param firstRetry the wait after a first failure, doubled after each next one up to {@code longestRetry}
	 * @param giveUpAfter how long a message is retried before it is FAILED (at least an hour, docs/api.md)
	 * @param channels the channels an applicant gets when they chose none
	 * @param enabled false writes no message at all (to measure what notifications cost, bench/run dossier-load)
	 * @param senders how many messages one instance hands to the carriers at once
	 */
	@ConfigurationProperties("motcua.notification")
	record Outbox(@DefaultValue("true") boolean enabled, @DefaultValue("true") boolean worker, @DefaultValue("PT1S") Duration poll,
			@DefaultValue("50") int batch, @DefaultValue("4") int senders, @DefaultValue("PT2M") Duration lease,
			@DefaultValue("PT5S") Duration firstRetry, @DefaultValue("PT10M") Duration longestRetry,
			@DefaultValue("PT2H") Duration giveUpAfter, @DefaultValue({ "EMAIL", "SMS" }) Set<NotificationChannel> channels) {
	}

	@ConfigurationProperties("motcua.mail")
	record Mail(@Nullable String host, @DefaultValue("25") int port, @Nullable String username,
			@Nullable String password, @DefaultValue("MotCua Cà Mau <khong-tra-loi@motcua.camau.gov.vn>") String from,
			@DefaultValue("false") boolean starttls, @DefaultValue("PT5S") Duration connectTimeout,
			@DefaultValue("PT15S") Duration timeout) {
	}

	@ConfigurationProperties("motcua.sms")
	record Sms(@Nullable String url, @Nullable String apiKey, @Nullable String secretKey,
			@DefaultValue("MOTCUA-CAMAU") String brandname, @DefaultValue("PT5S") Duration connectTimeout,
			@DefaultValue("PT15S") Duration timeout) {
	}

	/** @param templates the ZNS template id registered for each event (the event's name when absent) */
	@ConfigurationProperties("motcua.zalo")
	record Zalo(@Nullable String url, @Nullable String accessToken, @DefaultValue Map<String, String> templates,
			@DefaultValue("PT5S") Duration connectTimeout, @DefaultValue("PT15S") Duration timeout) {
	}
}
