package vn.motcua.sandbox;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.stereotype.Component;

import vn.motcua.platform.DemoMode;

/**
 * The sandbox mail server: a small SMTP server (RFC 5321, no TLS, no authentication required) on the loopback
 * interface, so that MotCua's real SMTP adapter is what delivers demo mail. It keeps what it accepts in
 * {@link SandboxMailboxes} and, during an outage, answers 451 to MAIL FROM as a busy server does. Its port
 * ({@code motcua.sandbox.smtp-port}, any free one by default) is published as {@code local.sandbox.smtp-port}.
 */
@Component
@DemoMode
class SandboxSmtpServer extends LoopbackSandbox {

	private static final Logger log = LoggerFactory.getLogger(SandboxSmtpServer.class);
	private static final int MAX_MESSAGE = 10 * 1024 * 1024;

	private final SandboxMailboxes mailboxes;
	private final int port;
	private @Nullable ServerSocket server;

	SandboxSmtpServer(SandboxMailboxes mailboxes, ConfigurableEnvironment environment,
			@Value("${motcua.sandbox.smtp-port:0}") int port) {
		super(environment, "smtp");
		this.mailboxes = mailboxes;
		this.port = port;
	}

	@Override
	protected int listen(ExecutorService sessions) {
		try {
			ServerSocket s = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
			server = s;
			Thread acceptor = new Thread(() -> accept(s, sessions), "sandbox-smtp-accept");
			acceptor.setDaemon(true);
			acceptor.start();
			log.info("Sandbox SMTP server listening on 127.0.0.1:{}", s.getLocalPort());
			return s.getLocalPort();
		}
		catch (IOException e) {
			throw new IllegalStateException("The sandbox SMTP server cannot listen on port " + port, e);
		}
	}

	private void accept(ServerSocket s, ExecutorService sessions) {
		while (!s.isClosed()) {
			try {
				Socket client = s.accept();
				sessions.execute(() -> session(client));
			}
			catch (IOException e) {
				if (!s.isClosed()) {
					log.debug("sandbox SMTP accept: {}", e.toString());
				}
			}
		}
	}

	private void session(Socket client) {
		try (client) {
			client.setSoTimeout(30_000);
			InputStream in = client.getInputStream();
			OutputStream out = client.getOutputStream();
			say(out, "220 127.0.0.1 ESMTP MotCua sandbox");
			String from = null;
			List<String> recipients = new ArrayList<>();
			while (true) {
				String line = readLine(in);
				if (line == null) {
					return;
				}
				String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line.toUpperCase(java.util.Locale.ROOT);
				switch (verb) {
					case "EHLO" -> say(out, "250-127.0.0.1\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 SIZE " + MAX_MESSAGE);
					case "HELO" -> say(out, "250 127.0.0.1");
					case "MAIL" -> {
						if (mailboxes.down("MAIL")) {
							say(out, "451 4.3.2 Service temporarily unavailable (sandbox outage)");
						}
						else {
							from = line;
							recipients.clear();
							say(out, "250 2.1.0 OK");
						}
					}
					case "RCPT" -> {
						if (from == null) {
							say(out, "503 5.5.1 MAIL first");
						}
						else {
							int lt = line.indexOf('<');
							int gt = line.indexOf('>', lt + 1);
							recipients.add(lt >= 0 && gt > lt ? line.substring(lt + 1, gt) : line.substring(line.indexOf(':') + 1).strip());
							say(out, "250 2.1.5 OK");
						}
					}
					case "DATA" -> {
						if (recipients.isEmpty()) {
							say(out, "503 5.5.1 RCPT first");
							break;
						}
						say(out, "354 End data with <CR><LF>.<CR><LF>");
						byte[] data = readData(in);
						if (data == null) {
							return;
						}
						keep(recipients, data);
						from = null;
						recipients.clear();
						say(out, "250 2.0.0 OK queued");
					}
					case "RSET" -> {
						from = null;
						recipients.clear();
						say(out, "250 2.0.0 OK");
					}
					case "NOOP" -> say(out, "250 2.0.0 OK");
					case "QUIT" -> {
						say(out, "221 2.0.0 Bye");
						return;
					}
					default -> say(out, "502 5.5.2 Command not recognised");
				}
			}
		}
		catch (SocketException e) {
			// the client went away
		}
		catch (IOException | RuntimeException e) {
			log.debug("sandbox SMTP session: {}", e.toString());
		}
	}

	private void keep(List<String> recipients, byte[] data) {
		String subject = null;
		String body;
		String messageId = null;
		try {
			MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(data));
			subject = message.getSubject();
			messageId = message.getMessageID();
			body = text(message);
		}
		catch (Exception e) {
			body = new String(data, StandardCharsets.UTF_8);
		}
		for (String to : recipients) {
			mailboxes.receive("MAIL", to, subject, body, messageId == null ? null : messageId + "|" + to.toLowerCase(java.util.Locale.ROOT));
		}
	}

	private static String text(Part part) throws Exception {
		Object content = part.getContent();
		if (content instanceof String s) {
			return s;
		}
		if (content instanceof Multipart multi) {
			StringBuilder all = new StringBuilder();
			for (int i = 0; i < multi.getCount(); i++) {
				if (multi.getBodyPart(i).isMimeType("text/*") || multi.getBodyPart(i).isMimeType("multipart/*")) {
					all.append(text(multi.getBodyPart(i)));
					break;
				}
			}
			return all.toString();
		}
		return "";
	}

	private static void say(OutputStream out, String reply) throws IOException {
		out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	/** One command line, without its CRLF; null at the end of the stream. */
	private static @Nullable String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) != -1) {
			if (b == '\n') {
				String s = line.toString(StandardCharsets.UTF_8);
				return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
			}
			if (line.size() < 4096) {
				line.write(b);
			}
		}
		return null;
	}

	/** The message up to the line holding a single dot, dots un-stuffed; null if the client went away. */
	private static byte @Nullable [] readData(InputStream in) throws IOException {
		ByteArrayOutputStream data = new ByteArrayOutputStream();
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) != -1) {
			line.write(b);
			if (b == '\n') {
				byte[] l = line.toByteArray();
				line.reset();
				if (l.length <= 3 && l[0] == '.' && (l.length == 2 || l[1] == '\r')) {
					return data.toByteArray();
				}
				if (data.size() < MAX_MESSAGE) {
					data.write(l, l[0] == '.' ? 1 : 0, l[0] == '.' ? l.length - 1 : l.length);
				}
			}
		}
		return null;
	}

	@Override
	protected void close() {
		ServerSocket s = server;
		if (s != null) {
			try {
				s.close();
			}
			catch (IOException e) {
				// closing anyway
			}
		}
		server = null;
	}
}
