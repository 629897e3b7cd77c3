package vn.motcua.notification.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.motcua.identity.Caller;
import vn.motcua.identity.Callers;
import vn.motcua.identity.StaffContact;
import vn.motcua.identity.StaffContacts;
import vn.motcua.notification.NoticeEvent;
import vn.motcua.notification.NotificationChannel;
import vn.motcua.notification.NotificationPreference;
import vn.motcua.notification.NotificationTemplate;
import vn.motcua.notification.Notifications;
import vn.motcua.platform.FormOutcome;
import vn.motcua.platform.InvalidFields;

/**
 * The pages of notifications: the delivery panel of a dossier (staff), the administrators' outbox and template
 * editor with preview and versions, a citizen's preferences and messages, a staff member's contact and digest.
 */
@Controller
class NotificationPages {

	private final Notifications notifications;
	private final StaffContacts staff;
	private final Callers callers;
	private final MessageSource messages;

	NotificationPages(Notifications notifications, StaffContacts staff, Callers callers, MessageSource messages) {
		this.notifications = notifications;
		this.staff = staff;
		this.callers = callers;
		this.messages = messages;
	}

	/** Loaded into the dossier page: what the applicant was told and whether it arrived (staff only). */
	@GetMapping("/dossiers/{code}/notifications-panel")
	String panel(@PathVariable String code, Authentication auth, Model model) {
		Caller caller = callers.of(auth);
		model.addAttribute("items", caller.citizen() ? List.of() : notifications.ofDossier(code, caller));
		return "notification/panel :: panel";
	}

	@GetMapping("/admin/notifications")
	String outbox(@RequestParam(defaultValue = "FAILED") String status, @RequestParam(defaultValue = "0") int page,
			Authentication auth, Model model) {
		Caller caller = callers.of(auth);
		model.addAttribute("status", status);
		model.addAttribute("page", notifications.inStatus(status, page, 50, caller));
		model.addAttribute("pageNumber", page);
		model.addAttribute("templates", notifications.templates(caller));
		return "notification/admin";
	}

	@PostMapping("/admin/notifications/{id}/resend")
	String resend(@PathVariable UUID id, Authentication auth, RedirectAttributes flash) {
		FormOutcome.attempt(flash, "resent", () -> notifications.resend(id, callers.of(auth)));
		return "redirect:/admin/notifications?status=FAILED";
	}

	@GetMapping("/admin/notifications/templates/{event}/{channel}/{language}")
	String template(@PathVariable String event, @PathVariable String channel, @PathVariable String language,
			Authentication auth, Model model) {
		Caller caller = callers.of(auth);
		List<NotificationTemplate> versions = notifications.versions(NotificationController.event(event),
				NotificationController.channel(channel), language, caller);
		NotificationTemplate current = versions.isEmpty() ? null : versions.get(0);
		return editor(model, event, channel, language, versions, current == null ? null : current.subject(),
				current == null ? "" : current.body(), null, List.of());
	}

	@PostMapping("/admin/notifications/templates/{event}/{channel}/{language}")
	String saveTemplate(@PathVariable String event, @PathVariable String channel, @PathVariable String language,
			@RequestParam(required = false) @Nullable String subject, @RequestParam(defaultValue = "") String body,
			@RequestParam(defaultValue = "save") String intent, Authentication auth, Model model, Locale locale,
			RedirectAttributes flash) {
		Caller caller = callers.of(auth);
		NoticeEvent e = NotificationController.event(event);
		NotificationChannel c = NotificationController.channel(channel);
		List<NotificationTemplate> versions = notifications.versions(e, c, language, caller);
		try {
			if ("preview".equals(intent)) {
				Notifications.Preview p = notifications.preview(e, c, language, subject, body, caller);
				return editor(model, event, channel, language, versions, subject, body, p, List.of());
			}
			NotificationTemplate saved = notifications.saveTemplate(e, c, language, subject, body, caller);
			flash.addFlashAttribute("saved", saved.version());
			return "redirect:/admin/notifications/templates/" + event + "/" + channel + "/" + language;
		}
		catch (InvalidFields problem) {
			return editor(model, event, channel, language, versions, subject, body, null,
					problem.messages(messages, locale));
		}
	}

	private static String editor(Model model, String event, String channel, String language,
			List<NotificationTemplate> versions, @Nullable String subject, String body,
			Notifications.@Nullable Preview preview, List<String> errors) {
		model.addAttribute("event", NotificationController.event(event));
		model.addAttribute("channel", channel);
		model.addAttribute("language", language);
		model.addAttribute("versions", versions);
		model.addAttribute("subject", subject);
		model.addAttribute("body", body);
		model.addAttribute("preview", preview);
		model.addAttribute("errors", errors);
		return "notification/template";
	}

	@GetMapping("/my/notifications")
	String mine(Authentication auth, Model model) {
		Caller caller = callers.of(auth);
		return preferences(model, notifications.preference(caller), caller, List.of());
	}

	@PostMapping("/my/notifications")
	String saveMine(@RequestParam(required = false) @Nullable List<String> channels,
			@RequestParam(defaultValue = "vi") String language, @RequestParam(required = false) @Nullable String email,
			@RequestParam(required = false) @Nullable String phone, Authentication auth, Model model, Locale locale,
			RedirectAttributes flash) {
		Caller caller = callers.of(auth);
		Set<NotificationChannel> chosen = EnumSet.noneOf(NotificationChannel.class);
		for (String c : channels == null ? List.<String>of() : channels) {
			chosen.add(NotificationController.channel(c));
		}
		NotificationPreference wanted = new NotificationPreference(chosen, language, email, phone);
		try {
			notifications.savePreference(wanted, caller);
			flash.addFlashAttribute("saved", true);
			return "redirect:/my/notifications";
		}
		catch (InvalidFields problem) {
			return preferences(model, wanted, caller, problem.messages(messages, locale));
		}
	}

	private String preferences(Model model, NotificationPreference p, Caller caller, List<String> errors) {
		model.addAttribute("preference", p);
		model.addAttribute("channels", NotificationChannel.values());
		model.addAttribute("received", notifications.mine(caller, 50));
		model.addAttribute("errors", errors);
		return "notification/mine";
	}

	@GetMapping("/staff/notifications")
	String staffSettings(Authentication auth, Model model) {
		Caller caller = callers.of(auth);
		StaffContact c = staff.find(caller.username()).orElseThrow();
		model.addAttribute("contact", c);
		model.addAttribute("errors", List.of());
		return "notification/staff";
	}

	@PostMapping("/staff/notifications")
	String saveStaffSettings(@RequestParam(required = false) @Nullable String email,
			@RequestParam(required = false) @Nullable String phone, @RequestParam(defaultValue = "false") boolean digest,
			Authentication auth, Model model, Locale locale, RedirectAttributes flash) {
		Caller caller = callers.of(auth);
		try {
			staff.update(caller.username(), email, phone, digest, caller.username());
			flash.addFlashAttribute("saved", true);
			return "redirect:/staff/notifications";
		}
		catch (InvalidFields problem) {
			StaffContact c = staff.find(caller.username()).orElseThrow();
			model.addAttribute("contact", new StaffContact(c.username(), c.fullName(), c.unitCode(), c.roles(), email,
					phone, digest));
			model.addAttribute("errors", problem.messages(messages, locale));
			return "notification/staff";
		}
	}
}
