package vn.motcua.notification;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A citizen's choice of how to be told: channels, language ({@code vi} or {@code en}), and an e-mail and phone used
 * when a dossier was filed without them.
 */
public record NotificationPreference(Set<NotificationChannel> channels, String language, @Nullable String email,
		@Nullable String phone) {
}
