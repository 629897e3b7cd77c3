package vn.motcua.notification;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Mẫu thông báo: one version of the text of a message for an event, channel and language; {@code subject} only
 * for e-mail.
 */
public record NotificationTemplate(NoticeEvent event, NotificationChannel channel, String language, int version,
		@Nullable String subject, String body, Instant createdAt, String createdBy) {
}
