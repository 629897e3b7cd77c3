package vn.motcua.notification;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One message as the outbox holds it.
 *
 * @param audience {@code APPLICANT} or {@code STAFF}
 * @param event the action or event that caused it ({@code RECEIVE}, {@code PAYMENT_SETTLED}, {@code DIGEST}, …)
 * @param status {@code PENDING} until a channel accepted it ({@code SENT}), {@code FAILED} once retries are over
 */
public record Notification(UUID id, @Nullable String dossierCode, String audience, String event,
		NotificationChannel channel, String recipient, String language, int templateVersion, @Nullable String subject,
		String body, String status, int attempts, Instant nextAttemptAt, Instant createdAt, @Nullable Instant sentAt,
		@Nullable String lastError) {
}
