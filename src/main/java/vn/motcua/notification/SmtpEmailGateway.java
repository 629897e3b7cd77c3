package vn.motcua.notification;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.jspecify.annotations.Nullable;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * E-mail through an SMTP server (Spring's mail support over Angus Mail). The server is looked up at each send:
 * in demo mode without {@code MOTCUA_MAIL_HOST} it is the bundled sandbox, whose port is known only once it
 * listens. A 5xx refusal of the recipient is final; anything else (4xx, no connection, time-out) is tried again.
 */
class SmtpEmailGateway implements Gateways.Email {

	record Server(String host, int port) {
	}

	private final Supplier<Optional<Server>> server;
	private final NotificationSettings.Mail settings;
	/** One configured sender per server (thread-safe: each send opens its own connection). */
	private final java.util.concurrent.ConcurrentMap<Server, JavaMailSenderImpl> senders = new java.util.concurrent.ConcurrentHashMap<>();

	SmtpEmailGateway(Supplier<Optional<Server>> server, NotificationSettings.Mail settings) {
		this.server = server;
		this.settings = settings;
	}

	@Override
	public String send(String to, String subject, String body, String messageId) throws DeliveryFailure {
		Server target = server.get().orElseThrow(() -> new DeliveryFailure("Chưa có máy chủ thư (SMTP).", false));
		JavaMailSenderImpl sender = senders.computeIfAbsent(target, this::sender);
		String id = "<" + messageId + "@motcua>";
		MimeMessage message = new MimeMessage(sender.getSession()) {
			@Override
			protected void updateMessageID() throws MessagingException {
				setHeader("Message-ID", id); // the outbox's id: a repeat after a lost answer is recognisable
			}
		};
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
			helper.setFrom(settings.from());
			helper.setTo(to);
			helper.setSubject(subject);
			helper.setText(body, false);
			sender.send(message);
			return id;
		}
		catch (MessagingException e) {
			throw new DeliveryFailure("Thư không hợp lệ: " + e.getMessage(), true, e);
		}
		catch (MailException e) {
			throw new DeliveryFailure(describe(e), refusedForGood(e), e);
		}
	}

	private JavaMailSenderImpl sender(Server target) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost(target.host());
		sender.setPort(target.port());
		sender.setUsername(blankToNull(settings.username()));
		sender.setPassword(blankToNull(settings.password()));
		sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
		Properties p = new Properties();
		p.put("mail.smtp.connectiontimeout", String.valueOf(settings.connectTimeout().toMillis()));
		p.put("mail.smtp.timeout", String.valueOf(settings.timeout().toMillis()));
		p.put("mail.smtp.writetimeout", String.valueOf(settings.timeout().toMillis()));
		p.put("mail.smtp.auth", String.valueOf(blankToNull(settings.username()) != null));
		p.put("mail.smtp.starttls.enable", String.valueOf(settings.starttls()));
		sender.setJavaMailProperties(p);
		return sender;
	}

	/** A 5xx reply (the server's text starts with it) refuses for good; 4xx and I/O failures are for now. */
	private static boolean refusedForGood(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof MessagingException m) {
				if (m.getMessage() != null && m.getMessage().strip().matches("(?s)^5\\d\\d\\b.*")) {
					return true;
				}
				if (m.getNextException() != null && m.getNextException() != t && refusedForGood(m.getNextException())) {
					return true;
				}
			}
		}
		return false;
	}

	private static String describe(Throwable e) {
		Throwable root = e;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return "SMTP: " + (root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().strip());
	}

	private static @Nullable String blankToNull(@Nullable String s) {
		return s == null || s.isBlank() ? null : s;
	}
}
