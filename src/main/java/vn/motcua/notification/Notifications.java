package vn.motcua.notification;

import java.util.List;
import java.util.UUID;

import vn.motcua.identity.Caller;

/** The messages sent and to send, as a caller may see and handle them (docs/api.md, Notifications). */
public interface Notifications {

	/** The applicant's messages about a dossier the caller may see, oldest first; "not found" otherwise. */
	List<Notification> ofDossier(String code, Caller caller);

	/** Messages in a status ({@code PENDING}, {@code SENT}, {@code FAILED}), newest first: administrators only. */
	Page inStatus(String status, int page, int size, Caller caller);

	/** Puts a FAILED message back in the queue: administrators only; 409 unless it is FAILED. */
	Notification resend(UUID id, Caller caller);

	/** The newest version of every template: administrators only. */
	List<NotificationTemplate> templates(Caller caller);

	/** Every version of one template, newest first: administrators only. */
	List<NotificationTemplate> versions(NoticeEvent event, NotificationChannel channel, String language, Caller caller);

	/** Adds a version of a template (checked, audited): administrators only. */
	NotificationTemplate saveTemplate(NoticeEvent event, NotificationChannel channel, String language,
			@org.jspecify.annotations.Nullable String subject, String body, Caller caller);

	/** A text rendered with example values, checked as a save would: administrators only. */
	Preview preview(NoticeEvent event, NotificationChannel channel, String language,
			@org.jspecify.annotations.Nullable String subject, String body, Caller caller);

	/** The signed-in citizen's preference (the default when they set none). */
	NotificationPreference preference(Caller caller);

	NotificationPreference savePreference(NotificationPreference preference, Caller caller);

	/** The messages sent to the signed-in citizen about their dossiers, newest first. */
	List<Notification> mine(Caller caller, int limit);

	record Page(List<Notification> items, long total) {
	}

	record Preview(@org.jspecify.annotations.Nullable String subject, String body) {
	}
}
