package vn.motcua.notification;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import tools.jackson.databind.JsonNode;
import vn.motcua.Api;
import vn.motcua.MotCuaApplication;
import vn.motcua.TestProcedures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two MotCua instances on one PostgreSQL drain one outbox into a real SMTP server (GreenMail): every message
 * arrives once, including a backlog both race for after the mail server was down (docs/adr/0011).
 */
class NotificationOutboxIT {

	private static final int DOSSIERS = 16;

	@Test
	void twoInstancesDeliverEachMessageOnceThroughAnSmtpOutage() throws Exception {
		Path dir = Files.createTempDirectory(Path.of("target"), "outbox-").toAbsolutePath();
		int smtpPort;
		try (ServerSocket s = new ServerSocket(0)) {
			smtpPort = s.getLocalPort();
		}
		GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		mail.start();
		try (EmbeddedPostgres db = EmbeddedPostgres.builder()
			.setOverrideWorkingDirectory(dir.resolve("server-bin").toFile())
			.setDataDirectory(dir.resolve("server-data"))
			.start()) {
			try (Connection c = db.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
				s.execute("create role motcua login password 'Outb0x-Two'");
				s.execute("create database motcua_outbox owner motcua");
			}
			String url = "jdbc:postgresql://localhost:" + db.getPort() + "/motcua_outbox";
			try (ConfigurableApplicationContext a = start(dir.resolve("a"), url, smtpPort);
					ConfigurableApplicationContext b = start(dir.resolve("b"), url, smtpPort)) {
				List<Api> apis = List.of(api(a), api(b));
				TestProcedures.ensure(apis.get(0), "9.900182", "Thủ tục kiểm thử hộp thư đi", "SXD", 5, 0);

				// up: each filing's messages leave at once, through whichever instance filed it
				List<String> first = file(apis, 0);
				List<MimeMessage> got = awaitMail(mail, DOSSIERS);
				// down: the backlog waits, its attempts counted; back up: both instances race for it
				mail.stop();
				List<String> second = file(apis, 1);
				for (String code : second) {
					awaitAttempted(apis.get(0), code);
				}
				mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
				mail.start();
				got = awaitMail(mail, DOSSIERS);
				Thread.sleep(3000); // time for a duplicate to show, were there one
				got = List.of(mail.getReceivedMessages());
				assertThat(got).hasSize(DOSSIERS);
				Set<String> ids = new HashSet<>();
				Set<String> codes = new HashSet<>();
				for (MimeMessage m : got) {
					ids.add(m.getMessageID());
					second.stream().filter(code -> subject(m).contains(code)).forEach(codes::add);
				}
				assertThat(ids).hasSize(DOSSIERS);
				assertThat(codes).containsExactlyInAnyOrderElementsOf(second);
				for (String code : concat(first, second)) {
					JsonNode ns = apis.get(1).get("/api/v1/dossiers/" + code + "/notifications", apis.get(1).token("officer")).json();
					assertThat(ns.size()).isEqualTo(2);
					ns.forEach(n -> assertThat(n.get("status").asString()).as(code + " " + n).isEqualTo("SENT"));
				}
				// SMS from both instances went to the same sandbox table: one each, none twice
				JsonNode sms = apis.get(0).get("/sandbox/sms/messages").json();
				for (String code : concat(first, second)) {
					int n = 0;
					for (JsonNode m : sms) {
						n += m.get("text").asString().contains(code) ? 1 : 0;
					}
					assertThat(n).as(code).isEqualTo(1);
				}
			}
		}
		finally {
			mail.stop();
		}
	}

	private static List<String> concat(List<String> a, List<String> b) {
		List<String> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

	private static String subject(MimeMessage m) {
		try {
			return m.getSubject();
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Files {@code DOSSIERS} dossiers, half through each instance, concurrently. */
	private static List<String> file(List<Api> apis, int round) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<String>> codes = new ArrayList<>();
			for (int i = 0; i < DOSSIERS; i++) {
				Api api = apis.get(i % 2);
				int n = round * DOSSIERS + i;
				codes.add(pool.submit(() -> {
					Api.Response r = api.postJson("/api/v1/dossiers", Map.of("procedureCode", "9.900182", "channel", "COUNTER",
							"applicant", Map.of("type", "CITIZEN", "idNumber", String.format("0960900%05d", n), "fullName",
									"Người Nhận Thư " + n, "dateOfBirth", "1990-01-01", "email", "nguoi.nhan." + n + "@example.vn",
									"phone", String.format("09140%05d", n), "address", "Cà Mau")), api.token("officer"));
					assertThat(r.status()).as(r.body()).isEqualTo(201);
					return r.json().get("code").asString();
				}));
			}
			List<String> out = new ArrayList<>();
			for (Future<String> f : codes) {
				out.add(f.get());
			}
			return out;
		}
		finally {
			pool.shutdown();
		}
	}

	private static List<MimeMessage> awaitMail(GreenMail mail, int count) throws InterruptedException {
		for (int i = 0; i < 300 && mail.getReceivedMessages().length < count; i++) {
			Thread.sleep(100);
		}
		assertThat(mail.getReceivedMessages()).hasSizeGreaterThanOrEqualTo(count);
		return List.of(mail.getReceivedMessages());
	}

	private static void awaitAttempted(Api api, String code) throws InterruptedException {
		for (int i = 0; i < 300; i++) {
			JsonNode ns = api.get("/api/v1/dossiers/" + code + "/notifications", api.token("officer")).json();
			for (JsonNode n : ns) {
				if (n.get("channel").asString().equals("EMAIL") && n.get("attempts").asInt() >= 1) {
					assertThat(n.get("status").asString()).isEqualTo("PENDING");
					return;
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("no attempt at the e-mail of " + code);
	}

	private static Api api(ConfigurableApplicationContext context) {
		return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
	}

	private static ConfigurableApplicationContext start(Path dataDir, String url, int smtpPort) {
		return new SpringApplicationBuilder(MotCuaApplication.class).run("--server.port=0",
				"--motcua.data-dir=" + dataDir, "--motcua.db.url=" + url, "--motcua.db.user=motcua",
				"--motcua.db.password=Outb0x-Two", "--motcua.demo.history=false", "--motcua.mail.host=127.0.0.1",
				"--motcua.mail.port=" + smtpPort, "--motcua.notification.first-retry=PT1S",
				"--motcua.notification.longest-retry=PT2S");
	}
}
