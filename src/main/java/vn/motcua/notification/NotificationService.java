package vn.motcua.notification;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditLog;
import vn.motcua.dossier.Dossiers;
import vn.motcua.identity.Caller;
import vn.motcua.platform.DomainProblem;
import vn.motcua.platform.InvalidParameter;
import vn.motcua.platform.NotFound;
import vn.motcua.platform.PageRequestParams;

@Service
class NotificationService implements Notifications {

	private final Outbox outbox;
	private final Templates templates;
	private final Preferences preferences;
	private final Dossiers dossiers;
	private final Dispatcher dispatcher;
	private final AuditLog audit;
	private final Clock clock;

	NotificationService(Outbox outbox, Templates templates, Preferences preferences, Dossiers dossiers,
			Dispatcher dispatcher, AuditLog audit, Clock clock) {
		this.outbox = outbox;
		this.templates = templates;
		this.preferences = preferences;
		this.dossiers = dossiers;
		this.dispatcher = dispatcher;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Notification> ofDossier(String code, Caller caller) {
		dossiers.get(code, caller); // "not found" unless the caller may see it
		return outbox.ofDossier(code);
	}

	@Override
	public Page inStatus(String status, int page, int size, Caller caller) {
		caller.requireAdmin();
		if (!List.of("PENDING", "SENT", "FAILED").contains(status)) {
			throw new InvalidParameter("status", "status phải là PENDING, SENT hoặc FAILED");
		}
		PageRequestParams.check(page, size);
		return new Page(outbox.inStatus(status, page, size), outbox.count(status));
	}

	@Override
	@Transactional
	public Notification resend(UUID id, Caller caller) {
		caller.requireAdmin();
		Notification n = outbox.find(id).orElseThrow(() -> new NotFound("Không có thông báo này."));
		if (!outbox.resend(id, clock.instant())) {
			throw new NotResendable(n.status());
		}
		audit.record(new AuditEntry(caller.username(), "notification.resent", "notification", id.toString(),
				java.util.Map.of("channel", n.channel().name(), "event", n.event())));
		dispatcher.wakeAfterCommit();
		return outbox.find(id).orElseThrow();
	}

	@Override
	public List<NotificationTemplate> templates(Caller caller) {
		caller.requireAdmin();
		return templates.all();
	}

	@Override
	public List<NotificationTemplate> versions(NoticeEvent event, NotificationChannel channel, String language,
			Caller caller) {
		caller.requireAdmin();
		return templates.versions(event, channel, language);
	}

	@Override
	public NotificationTemplate saveTemplate(NoticeEvent event, NotificationChannel channel, String language,
			@Nullable String subject, String body, Caller caller) {
		caller.requireAdmin();
		return templates.save(event, channel, language, subject, body, caller.username());
	}

	@Override
	public Preview preview(NoticeEvent event, NotificationChannel channel, String language, @Nullable String subject,
			String body, Caller caller) {
		caller.requireAdmin();
		Templates.check(event, channel, language, subject, body);
		Composer.Rendered r = Composer.render(channel, channel == NotificationChannel.EMAIL ? subject : null, body,
				Composer.EXAMPLE);
		return new Preview(r.subject(), r.body());
	}

	@Override
	public NotificationPreference preference(Caller caller) {
		return preferences.of(citizen(caller));
	}

	@Override
	public NotificationPreference savePreference(NotificationPreference preference, Caller caller) {
		return preferences.save(citizen(caller), preference);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Notification> mine(Caller caller, int limit) {
		citizen(caller);
		// the dossiers the citizen may see (their own and those they filed), newest first
		List<String> codes = dossiers.list(vn.motcua.dossier.DossierQuery.all(0, 100), caller)
			.items()
			.stream()
			.map(vn.motcua.dossier.Dossier::code)
			.toList();
		return outbox.ofDossiers(codes, limit);
	}

	private static String citizen(Caller caller) {
		if (!caller.citizen()) {
			throw new vn.motcua.platform.Forbidden("Chỉ công dân, doanh nghiệp có tùy chọn nhận thông báo.");
		}
		return caller.username();
	}

	/** Only a FAILED message can be sent again; a pending one is on its way, a sent one arrived. */
	static final class NotResendable extends DomainProblem {
		NotResendable(String status) {
			super(HttpStatus.CONFLICT, "notification-not-failed", "Thông báo đang ở trạng thái " + status
					+ "; chỉ gửi lại được thông báo thất bại.");
		}
	}
}
