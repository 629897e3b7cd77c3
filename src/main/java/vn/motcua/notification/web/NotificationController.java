package vn.motcua.notification.web;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.motcua.identity.Callers;
import vn.motcua.notification.NoticeEvent;
import vn.motcua.notification.Notification;
import vn.motcua.notification.NotificationChannel;
import vn.motcua.notification.NotificationPreference;
import vn.motcua.notification.NotificationTemplate;
import vn.motcua.notification.Notifications;
import vn.motcua.platform.ApiTime;
import vn.motcua.platform.InvalidParameter;

/** Notifications over the API (docs/api.md, Notifications). */
@RestController
class NotificationController {

	private final Notifications notifications;
	private final Callers callers;

	NotificationController(Notifications notifications, Callers callers) {
		this.notifications = notifications;
		this.callers = callers;
	}

	@GetMapping("/api/v1/dossiers/{code}/notifications")
	List<Map<String, @Nullable Object>> ofDossier(@PathVariable String code, Authentication auth) {
		return notifications.ofDossier(code, callers.of(auth)).stream().map(NotificationController::json).toList();
	}

	@GetMapping("/api/v1/admin/notifications")
	Map<String, Object> list(@RequestParam(defaultValue = "FAILED") String status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Authentication auth) {
		Notifications.Page p = notifications.inStatus(status, page, size, callers.of(auth));
		return Map.of("items", p.items().stream().map(NotificationController::adminJson).toList(), "total", p.total(),
				"page", page, "size", size);
	}

	@PostMapping("/api/v1/admin/notifications/{id}/resend")
	Map<String, @Nullable Object> resend(@PathVariable UUID id, Authentication auth) {
		return adminJson(notifications.resend(id, callers.of(auth)));
	}

	@GetMapping("/api/v1/admin/notification-templates")
	List<Map<String, @Nullable Object>> templates(Authentication auth) {
		return notifications.templates(callers.of(auth)).stream().map(NotificationController::json).toList();
	}

	@GetMapping("/api/v1/admin/notification-templates/{event}/{channel}/{language}")
	List<Map<String, @Nullable Object>> versions(@PathVariable String event, @PathVariable String channel,
			@PathVariable String language, Authentication auth) {
		return notifications.versions(event(event), channel(channel), language, callers.of(auth))
			.stream()
			.map(NotificationController::json)
			.toList();
	}

	@PutMapping("/api/v1/admin/notification-templates/{event}/{channel}/{language}")
	Map<String, @Nullable Object> save(@PathVariable String event, @PathVariable String channel,
			@PathVariable String language, @RequestBody Map<String, Object> body, Authentication auth) {
		return json(notifications.saveTemplate(event(event), channel(channel), language, text(body, "subject"),
				String.valueOf(text(body, "body")), callers.of(auth)));
	}

	@PostMapping("/api/v1/admin/notification-templates/{event}/{channel}/{language}/preview")
	Map<String, @Nullable Object> preview(@PathVariable String event, @PathVariable String channel,
			@PathVariable String language, @RequestBody Map<String, Object> body, Authentication auth) {
		Notifications.Preview p = notifications.preview(event(event), channel(channel), language, text(body, "subject"),
				String.valueOf(text(body, "body")), callers.of(auth));
		Map<String, @Nullable Object> m = new LinkedHashMap<>();
		m.put("subject", p.subject());
		m.put("body", p.body());
		return m;
	}

	@GetMapping("/api/v1/me/notification-preferences")
	Map<String, @Nullable Object> preference(Authentication auth) {
		return json(notifications.preference(callers.of(auth)));
	}

	@PutMapping("/api/v1/me/notification-preferences")
	Map<String, @Nullable Object> savePreference(@RequestBody Map<String, Object> body, Authentication auth) {
		Set<NotificationChannel> channels = EnumSet.noneOf(NotificationChannel.class);
		if (body.get("channels") instanceof List<?> list) {
			for (Object c : list) {
				channels.add(channel(String.valueOf(c)));
			}
		}
		else if (body.get("channels") != null) {
			throw new InvalidParameter("channels", "channels phải là danh sách EMAIL, SMS, ZALO");
		}
		String language = body.get("language") == null ? "vi" : String.valueOf(body.get("language"));
		return json(notifications.savePreference(new NotificationPreference(channels, language, text(body, "email"),
				text(body, "phone")), callers.of(auth)));
	}

	static NoticeEvent event(String name) {
		try {
			return NoticeEvent.valueOf(name);
		}
		catch (IllegalArgumentException e) {
			throw new InvalidParameter("event", "Không có thông báo " + name + ".");
		}
	}

	static NotificationChannel channel(String name) {
		try {
			return NotificationChannel.valueOf(name);
		}
		catch (IllegalArgumentException e) {
			throw new InvalidParameter("channel", "Kênh phải là EMAIL, SMS hoặc ZALO.");
		}
	}

	private static @Nullable String text(Map<String, Object> body, String field) {
		Object v = body.get(field);
		if (v != null && !(v instanceof String)) {
			throw new InvalidParameter(field, field + " phải là chuỗi ký tự");
		}
		return (String) v;
	}

	static Map<String, @Nullable Object> json(Notification n) {
		Map<String, @Nullable Object> m = new LinkedHashMap<>();
		m.put("id", n.id().toString());
		m.put("event", n.event());
		m.put("channel", n.channel().name());
		m.put("to", n.recipient());
		m.put("status", n.status());
		m.put("attempts", n.attempts());
		m.put("sentAt", ApiTime.format(n.sentAt()));
		m.put("language", n.language());
		m.put("createdAt", ApiTime.format(n.createdAt()));
		return m;
	}

	private static Map<String, @Nullable Object> adminJson(Notification n) {
		Map<String, @Nullable Object> m = json(n);
		m.put("dossierCode", n.dossierCode());
		m.put("audience", n.audience());
		m.put("subject", n.subject());
		m.put("lastError", n.lastError());
		m.put("nextAttemptAt", "PENDING".equals(n.status()) ? ApiTime.format(n.nextAttemptAt()) : null);
		return m;
	}

	private static Map<String, @Nullable Object> json(NotificationTemplate t) {
		Map<String, @Nullable Object> m = new LinkedHashMap<>();
		m.put("event", t.event().name());
		m.put("channel", t.channel().name());
		m.put("language", t.language());
		m.put("version", t.version());
		m.put("subject", t.subject());
		m.put("body", t.body());
		m.put("placeholders", t.event().placeholderList());
		m.put("createdAt", ApiTime.format(t.createdAt()));
		m.put("createdBy", t.createdBy());
		return m;
	}

	private static Map<String, @Nullable Object> json(NotificationPreference p) {
		Map<String, @Nullable Object> m = new LinkedHashMap<>();
		m.put("channels", p.channels().stream().map(Enum::name).sorted().toList());
		m.put("language", p.language());
		m.put("email", p.email());
		m.put("phone", p.phone());
		return m;
	}
}
