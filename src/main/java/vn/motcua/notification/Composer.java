package vn.motcua.notification;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Renders a message from the template in use and writes it to the outbox; the dispatcher is woken when the
 * transaction commits. A message is fixed when written: a later edit of its template does not change it.
 */
@Component
class Composer {

	private static final Logger log = LoggerFactory.getLogger(Composer.class);

	/** Example values for a preview, one per placeholder any template may use. */
	static final Map<String, String> EXAMPLE = Map.ofEntries(Map.entry("code", "000.00.20.H12-261207-0001"),
			Map.entry("procedure", "Đăng ký khai sinh"), Map.entry("applicant", "Nguyễn Văn An"),
			Map.entry("agency", "UBND Phường 5, thành phố Cà Mau"), Map.entry("trackUrl", "https://dichvucong.camau.gov.vn/track?code=000.00.20.H12-261207-0001"),
			Map.entry("appointment", "10:00 14/12/2026"), Map.entry("reason", "Bản sao giấy chứng nhận kết hôn chưa chứng thực"),
			Map.entry("items", "- Bản sao giấy chứng nhận kết hôn (có chứng thực)"),
			Map.entry("itemsInline", "Bản sao giấy chứng nhận kết hôn (có chứng thực)"), Map.entry("amount", "1.500.000 đồng"),
			Map.entry("payUrl", "https://dichvucong.camau.gov.vn/dossiers/000.00.20.H12-261207-0001"),
			Map.entry("newDueDate", "16:30 18/12/2026"),
			Map.entry("handover", "Kết quả điện tử đã ký số có trên trang hồ sơ và trong kho dữ liệu cá nhân của ông/bà."),
			Map.entry("handoverShort", "Tải kết quả điện tử trên trang hồ sơ."), Map.entry("name", "Trần Thị Bình"),
			Map.entry("unit", "Phòng Tài nguyên và Môi trường"), Map.entry("step", "Thẩm định hồ sơ"),
			Map.entry("dossierUrl", "https://dichvucong.camau.gov.vn/dossiers/000.00.20.H12-261207-0001"),
			Map.entry("date", "07/12/2026"), Map.entry("overdue", "2"), Map.entry("dueSoon", "5"), Map.entry("waiting", "3"),
			Map.entry("lines", "- 000.00.20.H12-261201-0007 Đăng ký khai sinh — quá hạn 1 ngày"),
			Map.entry("inboxUrl", "https://dichvucong.camau.gov.vn/inbox"));

	/** A message as it would be sent. */
	record Rendered(@Nullable String subject, String body) {
	}

	private final Templates templates;
	private final Outbox outbox;
	private final Dispatcher dispatcher;
	private final Clock clock;
	private final boolean enabled;

	Composer(Templates templates, Outbox outbox, Dispatcher dispatcher, Clock clock, NotificationSettings.Outbox settings) {
		this.enabled = settings.enabled();
		this.templates = templates;
		this.outbox = outbox;
		this.dispatcher = dispatcher;
		this.clock = clock;
	}

	/** Writes the message of {@code event} for {@code to}, unless {@code key} already wrote one: true when written. */
	boolean compose(String key, @Nullable String dossierCode, String audience, NoticeEvent event,
			NotificationChannel channel, String to, String language, Map<String, String> values) {
		if (!enabled) {
			return false;
		}
		Optional<NotificationTemplate> template = templates.current(event, channel, language);
		if (template.isEmpty()) {
			log.warn("No {} template for {} in {}: message not written", channel, event, language);
			return false;
		}
		Rendered r = render(template.get(), values);
		boolean added = outbox.add(new Outbox.Message(key, dossierCode, audience, event.name(), channel, to.strip(),
				template.get().language(), template.get().version(), r.subject(), r.body()), clock.instant());
		if (added) {
			dispatcher.wakeAfterCommit();
		}
		return added;
	}

	static Rendered render(NotificationTemplate t, Map<String, String> values) {
		return render(t.channel(), t.subject(), t.body(), values);
	}

	/** SMS goes without diacritics (see {@link TemplateText#unaccented}); e-mail and Zalo keep them. */
	static Rendered render(NotificationChannel channel, @Nullable String subject, String body, Map<String, String> values) {
		String text = TemplateText.render(body, values);
		String title = subject == null ? null : TemplateText.render(subject, values).replaceAll("\\s+", " ").strip();
		return channel == NotificationChannel.SMS ? new Rendered(null, vn.motcua.platform.Texts.unaccented(text).strip())
				: new Rendered(title, text.strip());
	}
}
