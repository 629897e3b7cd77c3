package vn.motcua.notification;

import java.net.URI;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import vn.motcua.platform.MotCuaProperties;

/**
 * The channels and the outbox worker. Each channel goes to the system configured for it; in demo mode an
 * unconfigured one goes to the bundled sandbox on this server (its SMTP server, its SMS gateway, its Zalo), so a
 * tester sees every message, and in production an unconfigured channel is not used at all.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ NotificationSettings.Outbox.class, NotificationSettings.Mail.class,
		NotificationSettings.Sms.class, NotificationSettings.Zalo.class })
class NotificationConfiguration {

	private static final Logger log = LoggerFactory.getLogger(NotificationConfiguration.class);

	@Bean
	Dispatcher notificationDispatcher(Outbox outbox, NotificationSettings.Mail mail, NotificationSettings.Sms sms,
			NotificationSettings.Zalo zalo, NotificationSettings.Outbox settings, MotCuaProperties motcua,
			Environment environment, Clock clock, MeterRegistry meters) {
		Map<NotificationChannel, Dispatcher.Sender> senders = new EnumMap<>(NotificationChannel.class);
		boolean demo = motcua.demo();
		Supplier<Optional<String>> self = () -> Optional.ofNullable(environment.getProperty("local.server.port"))
			.map(port -> "http://127.0.0.1:" + port);
		if (present(mail.host()) || demo) {
			Supplier<Optional<SmtpEmailGateway.Server>> server = present(mail.host())
					? () -> Optional.of(new SmtpEmailGateway.Server(mail.host().strip(), mail.port()))
					: () -> Optional.ofNullable(environment.getProperty("local.sandbox.smtp-port", Integer.class))
						.map(port -> new SmtpEmailGateway.Server("127.0.0.1", port));
			SmtpEmailGateway email = new SmtpEmailGateway(server, mail);
			senders.put(NotificationChannel.EMAIL, n -> email.send(n.recipient(), String.valueOf(n.subject()), n.body(),
					n.id().toString()));
		}
		else {
			log.warn("No SMTP server configured (MOTCUA_MAIL_HOST): applicants get no e-mail");
		}
		if (present(sms.url()) || demo) {
			NotificationSettings.Sms effective = present(sms.apiKey()) ? sms
					: new NotificationSettings.Sms(sms.url(), "sandbox-sms-key", sms.secretKey(), sms.brandname(),
							sms.connectTimeout(), sms.timeout());
			Supplier<Optional<URI>> url = present(sms.url()) ? () -> Optional.of(URI.create(sms.url().strip()))
					: () -> self.get().map(base -> URI.create(base + "/sandbox/sms/api/send"));
			BrandnameSmsGateway gateway = new BrandnameSmsGateway(url, effective);
			senders.put(NotificationChannel.SMS, n -> gateway.send(n.recipient(), n.body(), n.id().toString()));
		}
		else {
			log.warn("No SMS gateway configured (MOTCUA_SMS_URL): applicants get no SMS");
		}
		if (present(zalo.url()) || demo) {
			NotificationSettings.Zalo effective = present(zalo.accessToken()) ? zalo
					: new NotificationSettings.Zalo(zalo.url(), "sandbox-zalo-token", zalo.templates(),
							zalo.connectTimeout(), zalo.timeout());
			Supplier<Optional<URI>> url = present(zalo.url()) ? () -> Optional.of(URI.create(zalo.url().strip().replaceAll("/+$", "")))
					: () -> self.get().map(base -> URI.create(base + "/sandbox/zalo"));
			ZnsGateway gateway = new ZnsGateway(url, effective);
			senders.put(NotificationChannel.ZALO, n -> gateway.send(n.recipient(),
					effective.templates().getOrDefault(n.event(), n.event()),
					Map.of("ma_ho_so", String.valueOf(n.dossierCode()), "noi_dung", n.body()), n.id().toString()));
		}
		Dispatcher dispatcher = new Dispatcher(outbox, senders, settings, clock, meters);
		Gauge.builder("motcua.notifications.pending", outbox, o -> o.count("PENDING")).register(meters);
		Gauge.builder("motcua.notifications.failed.waiting", outbox, o -> o.count("FAILED")).register(meters);
		Gauge.builder("motcua.notifications.oldest.pending.seconds", outbox,
				o -> o.oldestPending().map(at -> (double) java.time.Duration.between(at, clock.instant()).toSeconds()).orElse(0.0))
			.register(meters);
		return dispatcher;
	}

	/** The bundled first versions of the templates, before the first message can need them. */
	@Bean
	SmartInitializingSingleton notificationTemplateSeed(Templates templates) {
		return templates::seed;
	}

	/** The morning digest at 07:00 in Viet Nam, on working days (the task itself skips days off). */
	@Bean
	com.github.kagkarlsson.scheduler.task.helper.RecurringTask<Void> notificationDigestTask(StaffNotices notices, Clock clock) {
		return com.github.kagkarlsson.scheduler.task.helper.Tasks.recurring("notification-daily-digest",
				com.github.kagkarlsson.scheduler.task.schedule.Schedules.daily(vn.motcua.platform.Zones.VIETNAM,
						java.time.LocalTime.of(7, 0)))
			.execute((instance, context) -> notices.digest(java.time.LocalDate.now(clock)));
	}

	private static boolean present(@org.jspecify.annotations.Nullable String s) {
		return s != null && !s.isBlank();
	}

	@Bean
	vn.motcua.platform.NavigationItem notificationAdminNavigation() {
		return new vn.motcua.platform.NavigationItem("nav.notifications-admin", "/admin/notifications",
				java.util.Set.of("ADMIN"), 860, vn.motcua.platform.NavigationItem.Group.MONITOR);
	}

	/** Each staff member's own contact and morning digest. */
	@Bean
	vn.motcua.platform.NavigationItem notificationContactNavigation() {
		return new vn.motcua.platform.NavigationItem("nav.notifications", "/staff/notifications", java.util.Set.of(), 980,
				vn.motcua.platform.NavigationItem.Group.ACCOUNT);
	}
}
