package vn.motcua.notification;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierEvents.DossierEnded;
import vn.motcua.dossier.DossierEvents.DossierExtended;
import vn.motcua.dossier.DossierEvents.DossierFinished;
import vn.motcua.dossier.DossierEvents.DossierReceived;
import vn.motcua.dossier.DossierEvents.PaymentRequested;
import vn.motcua.dossier.DossierEvents.PaymentSettled;
import vn.motcua.dossier.DossierEvents.SupplementRequested;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.Dossiers;
import vn.motcua.organization.Agencies;
import vn.motcua.organization.Agency;
import vn.motcua.platform.Zones;

/**
 * Tells the applicant what happened to their dossier (docs/api.md, Notifications): each typed event of the dossier
 * becomes one message per channel the applicant has (their preference, else e-mail and SMS) and an address for,
 * rendered now in their language and written to the outbox in the transaction of the change, so that a change
 * that rolls back tells nobody and one that commits is told exactly once. Migrated dossiers publish no events.
 */
@Component
class ApplicantNotices {

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm dd/MM/uuuu").withZone(Zones.VIETNAM);

	private final Dossiers dossiers;
	private final Agencies agencies;
	private final Preferences preferences;
	private final Composer composer;
	private final String publicBaseUrl;

	ApplicantNotices(Dossiers dossiers, Agencies agencies, Preferences preferences, Composer composer,
			@Value("${motcua.public-base-url:http://localhost:8080}") String publicBaseUrl) {
		this.dossiers = dossiers;
		this.agencies = agencies;
		this.preferences = preferences;
		this.composer = composer;
		this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
	}

	@EventListener
	void on(DossierReceived e) {
		tell(e.code(), NoticeEvent.RECEIVE, e.at(), lang -> Map.of("appointment", e.dueAt() == null
				? (lang.equals("en") ? "no time limit" : "không có thời hạn") : MINUTE.format(e.dueAt())));
	}

	@EventListener
	void on(DossierEnded e) {
		NoticeEvent event = switch (e.status()) {
			case REFUSED -> NoticeEvent.REFUSE;
			case STOPPED -> NoticeEvent.STOP;
			default -> null; // withdrawn by the applicant: they know
		};
		if (event != null) {
			tell(e.code(), event, e.at(), lang -> Map.of("reason", text(e.reason())));
		}
	}

	@EventListener
	void on(SupplementRequested e) {
		tell(e.code(), NoticeEvent.REQUEST_SUPPLEMENT, e.at(), lang -> Map.of("reason", text(e.reason()),
				"items", String.join("\n", e.items().stream().map(i -> "- " + i).toList()),
				"itemsInline", String.join("; ", e.items())));
	}

	@EventListener
	void on(PaymentRequested e) {
		tell(e.code(), NoticeEvent.REQUEST_PAYMENT, e.at(), lang -> Map.of("amount", amount(e.amountVnd(), lang),
				"reason", text(e.reason()), "payUrl", publicBaseUrl + "/dossiers/" + e.code()));
	}

	@EventListener
	void on(DossierExtended e) {
		tell(e.code(), NoticeEvent.EXTEND, e.at(), lang -> Map.of("reason", text(e.reason()),
				"newDueDate", MINUTE.format(e.newDueAt())));
	}

	@EventListener
	void on(DossierFinished e) {
		// read when the message is written, at the end of the transaction: the results are signed by then
		tell(e.code(), NoticeEvent.FINISH, e.at(), (d, lang) -> {
			boolean electronic = d.electronicResult();
			boolean postal = d.channel() == Channel.POSTAL;
			return Map.of("handover", handover(lang, electronic, postal, false), "handoverShort",
					handover(lang, electronic, postal, true));
		});
	}

	@EventListener
	void on(PaymentSettled e) {
		tell(e.code(), NoticeEvent.PAYMENT_SETTLED, e.at(), lang -> Map.of("amount", amount(e.amountVnd(), lang)));
	}

	private void tell(String code, NoticeEvent event, Instant at, Function<String, Map<String, String>> own) {
		tell(code, event, at, (d, lang) -> own.apply(lang));
	}

	/**
	 * Writes the messages at the end of the change's transaction, still inside it, so that they describe the
	 * dossier as the change leaves it (a FINISH signs its results after announcing itself).
	 */
	private void tell(String code, NoticeEvent event, Instant at,
			java.util.function.BiFunction<Dossier, String, Map<String, String>> own) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void beforeCommit(boolean readOnly) {
					write(code, event, at, own);
				}
			});
		}
		else {
			write(code, event, at, own);
		}
	}

	private void write(String code, NoticeEvent event, Instant at,
			java.util.function.BiFunction<Dossier, String, Map<String, String>> own) {
		Dossier d = dossiers.find(code).orElse(null);
		if (d == null || d.status() == DossierStatus.WITHDRAWN && event != NoticeEvent.PAYMENT_SETTLED) {
			return;
		}
		String owner = d.applicant().idNumber() != null ? d.applicant().idNumber() : d.submitter();
		NotificationPreference p = preferences.of(owner);
		String email = d.applicant().email() != null ? d.applicant().email() : p.email();
		String phone = d.applicant().phone() != null ? d.applicant().phone() : p.phone();
		Map<String, String> values = new HashMap<>(own.apply(d, p.language()));
		values.put("code", d.code());
		values.put("procedure", d.procedureName() == null ? d.procedureCode() : d.procedureName());
		values.put("applicant", applicantName(d, p.language()));
		values.put("agency", agencies.find(d.agencyCode()).map(Agency::name).orElse(d.agencyCode()));
		values.put("trackUrl", publicBaseUrl + "/track?code=" + d.code());
		for (NotificationChannel channel : List.of(NotificationChannel.EMAIL, NotificationChannel.SMS, NotificationChannel.ZALO)) {
			String to = channel == NotificationChannel.EMAIL ? email : phone;
			if (p.channels().contains(channel) && to != null && !to.isBlank()) {
				composer.compose(code + "|" + event + "|" + at + "|" + channel, d.code(), "APPLICANT", event, channel,
						to, p.language(), values);
			}
		}
	}

	private static String applicantName(Dossier d, String lang) {
		String name = "BUSINESS".equals(d.applicant().type()) && d.applicant().businessName() != null
				? d.applicant().businessName() : d.applicant().fullName();
		return name == null ? (lang.equals("en") ? "Sir or Madam" : "Ông/Bà") : name;
	}

	private static String text(@Nullable String s) {
		return s == null ? "" : s.strip();
	}

	static String amount(long vnd, String lang) {
		if (lang.equals("en")) {
			return NumberFormat.getIntegerInstance(Locale.UK).format(vnd) + " VND";
		}
		return NumberFormat.getIntegerInstance(Locale.GERMANY).format(vnd) + " đồng";
	}

	private static String handover(String lang, boolean electronic, boolean postal, boolean brief) {
		boolean en = lang.equals("en");
		if (electronic) {
			return en ? (brief ? "Download it from your application page." : "The signed electronic result is on your application's page and in your document store.")
					: (brief ? "Tải kết quả điện tử trên trang hồ sơ." : "Kết quả điện tử đã ký số có trên trang hồ sơ và trong kho dữ liệu cá nhân của ông/bà.");
		}
		if (postal) {
			return en ? "The result will be sent by post to the address you gave."
					: "Kết quả sẽ được gửi qua bưu chính đến địa chỉ ông/bà đã đăng ký.";
		}
		return en ? (brief ? "Collect it at the one-stop counter." : "Please collect it at the one-stop counter, bringing your ID card.")
				: (brief ? "Mời nhận kết quả tại Bộ phận Một cửa." : "Mời ông/bà đến Bộ phận Một cửa nhận kết quả, mang theo căn cước.");
	}
}
