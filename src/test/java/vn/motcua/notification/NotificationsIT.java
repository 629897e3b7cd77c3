package vn.motcua.notification;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.Api;
import vn.motcua.MotCuaIntegrationTest;
import vn.motcua.TestClock;
import vn.motcua.TestProcedures;
import vn.motcua.WebSession;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.platform.ApiTime;
import vn.motcua.platform.Zones;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What applicants and staff are told (docs/api.md, Notifications; docs/adr/0011), through the demo sandboxes: every
 * applicant event's e-mail and SMS, content in Vietnamese and English, an outage of the SMS gateway with no loss
 * and no duplicate, FAILED after the retry window and resent by an administrator, template versions and preview,
 * and the morning digest.
 */
@MotCuaIntegrationTest
class NotificationsIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String PROCEDURE = "9.900180";
	private static final String PROCEDURE_NAME = "Thủ tục kiểm thử thông báo";

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	StaffNotices staffNotices;

	@Autowired
	vn.motcua.identity.StaffContacts staffContacts;

	Api api;

	private static int serial;

	private synchronized Map<String, Object> applicant(String email, String phone) {
		serial++;
		Map<String, Object> a = new HashMap<>();
		a.put("type", "CITIZEN");
		a.put("idNumber", "096089" + String.format("%06d", 4000 + serial));
		a.put("fullName", "Trần Thị Thông Báo");
		a.put("dateOfBirth", "1989-03-04");
		a.put("email", email);
		a.put("phone", phone);
		a.put("address", "Phường 5, Cà Mau");
		return a;
	}

	private String counter(Map<String, Object> applicant) {
		TestProcedures.ensure(api, PROCEDURE, PROCEDURE_NAME, "SXD", 5, 0);
		Api.Response r = api.postJson("/api/v1/dossiers", Map.of("procedureCode", PROCEDURE, "channel", "COUNTER",
				"applicant", applicant), api.token("officer"));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("code").asString();
	}

	private void act(String code, String user, String action, Map<String, Object> fields) {
		int version = api.get("/api/v1/dossiers/" + code, api.token("admin")).json().get("version").asInt();
		Map<String, Object> body = new HashMap<>(fields);
		body.put("action", action);
		body.put("version", version);
		Api.Response r = api.postJson("/api/v1/dossiers/" + code + "/actions", body, api.token(user));
		assertThat(r.status()).as(action + ": " + r.body()).isEqualTo(200);
	}

	private List<JsonNode> notifications(String code) {
		Api.Response r = api.get("/api/v1/dossiers/" + code + "/notifications", api.token("officer"));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		List<JsonNode> out = new ArrayList<>();
		r.json().forEach(out::add);
		return out;
	}

	private List<JsonNode> sandbox(String system, String to) {
		Api.Response r = api.get("/sandbox/" + system + "/messages?to=" + URLEncoder.encode(to, StandardCharsets.UTF_8));
		assertThat(r.status()).isEqualTo(200);
		List<JsonNode> out = new ArrayList<>();
		r.json().forEach(out::add);
		return out;
	}

	private static <T> T await(java.util.function.Supplier<T> probe, Predicate<T> done) throws InterruptedException {
		T v = probe.get();
		for (int i = 0; i < 100 && !done.test(v); i++) {
			Thread.sleep(100);
			v = probe.get();
		}
		assertThat(done.test(v)).as("awaited: " + v).isTrue();
		return v;
	}

	/** Waits until the {@code channel} message of {@code code} has failed {@code attempts} times, each recorded. */
	private void awaitFailure(String code, String channel, int attempts) throws InterruptedException {
		await(() -> api.get("/api/v1/admin/notifications?status=PENDING&size=100", api.token("admin")).json().get("items"),
				items -> items.valueStream().anyMatch(n -> code.equals(n.get("dossierCode").asString())
						&& n.get("channel").asString().equals(channel) && n.get("attempts").asInt() >= attempts
						&& !n.get("lastError").isNull()));
	}

	private static boolean allSent(List<JsonNode> ns) {
		return !ns.isEmpty() && ns.stream().allMatch(n -> n.get("status").asString().equals("SENT") && !n.get("sentAt").isNull());
	}

	@Test
	void everyStepOfADossierTellsTheApplicantOncePerChannelAndAForwardTellsNobody() throws Exception {
		String mail = "buoc.thong.bao@example.vn";
		String phone = "0913000181";
		String code = counter(applicant(mail, phone));
		act(code, "officer", "FORWARD", Map.of());
		act(code, "specialist", "REQUEST_SUPPLEMENT", Map.of("reason", "Thiếu bản sao", "items", List.of("Bản sao sổ đỏ", "Bản vẽ")));
		act(code, "officer", "SUPPLEMENT", Map.of("note", "Đã nộp"));
		act(code, "specialist", "REQUEST_PAYMENT", Map.of("amountVnd", 50000, "reason", "Lệ phí cấp phép"));
		Api.Response paid = api.postJson("/api/v1/dossiers/" + code + "/payments", Map.of("method", "CASH"), api.token("officer"));
		assertThat(paid.status()).as(paid.body()).isEqualTo(201);
		String due = api.get("/api/v1/dossiers/" + code, api.token("admin")).json().get("dueAt").asString();
		String newDue = ApiTime.format(ApiTime.parseInstant(due, "dueAt").plus(Duration.ofDays(7)));
		act(code, "leader", "EXTEND", Map.of("reason", "Cần xác minh thực địa", "newDueAt", newDue));
		act(code, "specialist", "APPROVE", Map.of("note", "Đủ điều kiện"));
		act(code, "leader", "FINISH", Map.of("note", "Đồng ý"));

		List<String> expected = List.of("RECEIVE", "REQUEST_SUPPLEMENT", "REQUEST_PAYMENT", "PAYMENT_SETTLED", "EXTEND", "FINISH");
		List<JsonNode> sent = await(() -> notifications(code), ns -> ns.size() == expected.size() * 2 && allSent(ns));
		for (String channel : List.of("EMAIL", "SMS")) {
			assertThat(sent.stream().filter(n -> n.get("channel").asString().equals(channel)).map(n -> n.get("event").asString()))
				.as(channel).containsExactlyElementsOf(expected);
		}
		assertThat(sent).allSatisfy(n -> {
			assertThat(n.get("attempts").asInt()).isEqualTo(1);
			assertThat(n.get("to").asString()).isIn(mail, phone);
		});
		List<JsonNode> mails = await(() -> sandbox("mail", mail), m -> m.size() == 6);
		assertThat(mails).allSatisfy(m -> assertThat(m.get("body").asString()).contains(code, PROCEDURE_NAME));
		String all = String.join("\n---\n", mails.stream().map(m -> m.get("subject").asString() + "\n" + m.get("body").asString()).toList());
		assertThat(all).contains("đã được tiếp nhận", "Ngày hẹn trả kết quả", "Thiếu bản sao", "- Bản sao sổ đỏ", "- Bản vẽ",
				"50.000 đồng", "Lệ phí cấp phép", "/dossiers/" + code, "thành thật xin lỗi", "Cần xác minh thực địa",
				"Ngày hẹn trả kết quả mới", "đã có kết quả", "Bộ phận Một cửa", "Đã nhận khoản nộp");
		List<JsonNode> texts = await(() -> sandbox("sms", phone), m -> m.size() == 6);
		assertThat(texts).allSatisfy(m -> {
			assertThat(m.get("text").asString()).contains(code).doesNotContain("ồ", "ơ", "đ", "Đ");
		});
		assertThat(texts.get(0).get("text").asString()).as("newest first").contains("ket qua");
	}

	@Test
	void aRefusalAndAStopAreExplainedAndAnEnglishSpeakerIsToldInEnglishOnTheChannelsTheyChose() throws Exception {
		String stopped = counter(applicant("dung.giai.quyet@example.vn", "0913000182"));
		act(stopped, "officer", "FORWARD", Map.of());
		act(stopped, "leader", "STOP", Map.of("reason", "Người nộp không đến làm việc theo giấy mời"));
		JsonNode mail = await(() -> sandbox("mail", "dung.giai.quyet@example.vn"), m -> m.size() == 2).get(0);
		assertThat(mail.get("subject").asString()).contains(stopped, "dừng giải quyết");
		assertThat(mail.get("body").asString()).contains("Người nộp không đến làm việc theo giấy mời", "hoàn trả");

		// a citizen who chose English, e-mail and Zalo, filing online; the officer refuses at reception
		// a person of the synthetic population no other test signs in as
		vn.motcua.sandbox.SyntheticPopulation.Person person = java.util.stream.IntStream.range(4100, 4200)
			.mapToObj(vn.motcua.sandbox.SyntheticPopulation::person)
			.filter(p -> p.dateOfBirth().isBefore(LocalDate.of(2000, 1, 1)) && p.alive())
			.findFirst()
			.orElseThrow();
		String idNumber = person.idNumber();
		WebSession citizen = WebSession.citizen(port, idNumber, 2);
		Api.Response pref = citizen.json("PUT", "/api/v1/me/notification-preferences",
				JSON.writeValueAsString(Map.of("channels", List.of("EMAIL", "ZALO"), "language", "en")));
		assertThat(pref.status()).as(pref.body()).isEqualTo(200);
		assertThat(pref.json().get("channels").toString()).isEqualTo("[\"EMAIL\",\"ZALO\"]");
		assertThat(citizen.json("PUT", "/api/v1/me/notification-preferences",
				JSON.writeValueAsString(Map.of("channels", List.of("PIGEON")))).status()).isEqualTo(400);
		assertThat(citizen.json("PUT", "/api/v1/me/notification-preferences",
				JSON.writeValueAsString(Map.of("channels", List.of("SMS"), "phone", "12345"))).status()).isEqualTo(400);
		assertThat(api.get("/api/v1/me/notification-preferences", api.token("officer")).status()).isEqualTo(403);
		Map<String, Object> a = new HashMap<>();
		a.put("type", "CITIZEN");
		a.put("idNumber", idNumber);
		a.put("fullName", person.fullName());
		a.put("dateOfBirth", person.dateOfBirth().toString());
		a.put("email", "english.speaker@example.vn");
		a.put("phone", "0913000183");
		TestProcedures.ensure(api, PROCEDURE, PROCEDURE_NAME, "SXD", 5, 0);
		Api.Response filed = citizen.json("POST", "/api/v1/dossiers", JSON.writeValueAsString(Map.of("procedureCode",
				PROCEDURE, "channel", "ONLINE", "applicant", a)));
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		String code = filed.json().get("code").asString();
		assertThat(notifications(code)).as("a submission is not yet a reception").isEmpty();
		act(code, "officer", "REFUSE", Map.of("reason", "Sai thẩm quyền"));
		List<JsonNode> ns = await(() -> notifications(code), l -> l.size() == 2 && allSent(l));
		assertThat(ns.stream().map(n -> n.get("channel").asString())).containsExactlyInAnyOrder("EMAIL", "ZALO");
		assertThat(ns).allSatisfy(n -> assertThat(n.get("language").asString()).isEqualTo("en"));
		JsonNode english = sandbox("mail", "english.speaker@example.vn").get(0);
		assertThat(english.get("subject").asString()).isEqualTo("Application " + code + " not accepted");
		assertThat(english.get("body").asString()).contains("Dear ", "Reason: Sai thẩm quyền");
		assertThat(sandbox("zalo", "0913000183").get(0).get("text").asString()).contains(code, "was not accepted");
		assertThat(sandbox("sms", "0913000183")).isEmpty();
		// the citizen sees what they were sent on their own page
		assertThat(citizen.get("/my/notifications").body()).contains(code, "not accepted");
		assertThat(api.get("/api/v1/dossiers/" + code + "/notifications", api.token("specialist.stp")).status()).isEqualTo(404);
	}

	@Test
	void anSmsOutageDelaysWithoutLossOrDuplicateAndAfterTheRetryWindowTheMessageFailsUntilResent() throws Exception {
		String phone = "0913000184";
		assertThat(api.putJson("/sandbox/sms/outage", Map.of("mode", "DOWN"), null).status()).isEqualTo(200);
		String code;
		try {
			code = counter(applicant("mat.ket.noi@example.vn", phone));
			awaitFailure(code, "SMS", 1);
			JsonNode sms = notifications(code).stream().filter(n -> n.get("channel").asString().equals("SMS")).findFirst().orElseThrow();
			assertThat(sms.get("status").asString()).isEqualTo("PENDING");
			assertThat(sandbox("sms", phone)).isEmpty();
			// the e-mail went out meanwhile: one channel down does not hold the other
			await(() -> sandbox("mail", "mat.ket.noi@example.vn"), m -> m.size() == 1);
		}
		finally {
			api.putJson("/sandbox/sms/outage", Map.of("mode", "NONE"), null);
		}
		clock.advance(Duration.ofSeconds(10));
		await(() -> notifications(code), NotificationsIT::allSent);
		Thread.sleep(1500);
		assertThat(sandbox("sms", phone)).hasSize(1);

		// down for longer than the retry window: FAILED, listed for administrators, resent once it is back
		String late = "0913000185";
		api.putJson("/sandbox/sms/outage", Map.of("mode", "DOWN"), null);
		String second;
		try {
			second = counter(applicant("qua.han.thu.lai@example.vn", late));
			awaitFailure(second, "SMS", 1);
			clock.advance(Duration.ofSeconds(10)); // past the first back-off: tried again, still down
			awaitFailure(second, "SMS", 2);
			assertThat(notifications(second).stream().filter(n -> n.get("channel").asString().equals("SMS")).findFirst()
				.orElseThrow().get("status").asString()).isEqualTo("PENDING");
			clock.advance(Duration.ofHours(3));
			api = new Api(port); // tokens of three hours ago have expired
			await(() -> notifications(second), l -> l.stream().anyMatch(n -> n.get("status").asString().equals("FAILED")));
		}
		finally {
			api.putJson("/sandbox/sms/outage", Map.of("mode", "NONE"), null);
		}
		JsonNode failed = notifications(second).stream().filter(n -> n.get("status").asString().equals("FAILED")).findFirst().orElseThrow();
		assertThat(failed.get("attempts").asInt()).isGreaterThanOrEqualTo(2);
		Api.Response listed = api.get("/api/v1/admin/notifications?status=FAILED&size=100", api.token("admin"));
		assertThat(listed.body()).contains(failed.get("id").asString(), "503");
		assertThat(api.get("/api/v1/admin/notifications?status=FAILED", api.token("officer")).status()).isEqualTo(403);
		assertThat(api.postJson("/api/v1/admin/notifications/" + failed.get("id").asString() + "/resend", Map.of(),
				api.token("officer")).status()).isEqualTo(403);
		Api.Response resent = api.postJson("/api/v1/admin/notifications/" + failed.get("id").asString() + "/resend", Map.of(),
				api.token("admin"));
		assertThat(resent.status()).as(resent.body()).isEqualTo(200);
		await(() -> notifications(second), NotificationsIT::allSent);
		assertThat(sandbox("sms", late)).hasSize(1);
		assertThat(api.postJson("/api/v1/admin/notifications/" + failed.get("id").asString() + "/resend", Map.of(),
				api.token("admin")).status()).as("a sent message is not sent again").isEqualTo(409);
	}

	@Test
	void anAdministratorEditsATemplateAsANewVersionWithAPreviewAndTheNextMessageUsesIt() throws Exception {
		String path = "/api/v1/admin/notification-templates/RECEIVE/SMS/vi";
		JsonNode before = api.get(path, api.token("admin")).json().get(0);
		Api.Response bad = api.putJson(path, Map.of("body", "Ho so ((code)) ((khongCo))"), api.token("admin"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("((khongCo))");
		assertThat(api.putJson(path, Map.of("body", "x"), api.token("officer")).status()).isEqualTo(403);
		assertThat(api.putJson("/api/v1/admin/notification-templates/RECEIVE/EMAIL/vi", Map.of("body", "Không tiêu đề ((code))"),
				api.token("admin")).status()).as("an e-mail needs a subject").isEqualTo(400);
		Api.Response preview = api.postJson(path + "/preview", Map.of("body", "Hồ sơ ((code)) hẹn ((appointment))"), api.token("admin"));
		assertThat(preview.status()).isEqualTo(200);
		assertThat(preview.json().get("body").asString()).isEqualTo("Ho so 000.00.20.H12-261207-0001 hen 10:00 14/12/2026");
		try {
			Api.Response saved = api.putJson(path, Map.of("body", "MOI: ho so ((code)) da tiep nhan, hen ((appointment))."), api.token("admin"));
			assertThat(saved.status()).as(saved.body()).isEqualTo(200);
			assertThat(saved.json().get("version").asInt()).isEqualTo(before.get("version").asInt() + 1);
			String code = counter(applicant("mau.moi@example.vn", "0913000186"));
			JsonNode sms = await(() -> sandbox("sms", "0913000186"), m -> m.size() == 1).get(0);
			assertThat(sms.get("text").asString()).startsWith("MOI: ho so " + code + " da tiep nhan, hen ");
			assertThat(api.get(path, api.token("admin")).json().size()).isGreaterThanOrEqualTo(2);
		}
		finally {
			api.putJson(path, Map.of("body", before.get("body").asString()), api.token("admin"));
		}
	}

	@Test
	void theMorningDigestListsALeadersOverdueDossiersOnWorkingDaysOnly() throws Exception {
		TestProcedures.ensure(api, "9.900181", "Thủ tục kiểm thử thư tổng hợp", "SXD_QLXD", 1, 0);
		Api.Response r = api.postJson("/api/v1/dossiers", Map.of("procedureCode", "9.900181", "channel", "COUNTER",
				"applicant", applicant("tong.hop@example.vn", "0913000187")), api.token("officer"));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		String code = r.json().get("code").asString();
		act(code, "officer", "FORWARD", Map.of());
		clock.advance(Duration.ofDays(6));
		LocalDate day = LocalDate.now(clock.withZone(Zones.VIETNAM));
		while (!calendar.isWorkingDay(day)) {
			clock.advance(Duration.ofDays(1));
			day = day.plusDays(1);
		}
		LocalDate off = day.plusDays(1);
		while (calendar.isWorkingDay(off)) {
			off = off.plusDays(1);
		}
		assertThat(staffNotices.digest(off)).as("no digest on a day off").isZero();
		assertThat(staffNotices.digest(day)).isPositive();
		assertThat(staffNotices.digest(day)).as("once a day, however often the task runs").isZero();
		JsonNode mail = await(() -> sandbox("mail", "leader.qlxd@demo.motcua.vn"), m -> !m.isEmpty()).get(0);
		assertThat(mail.get("subject").asString()).contains(day.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")),
				"1 quá hạn");
		assertThat(mail.get("body").asString()).contains(code, "Thủ tục kiểm thử thư tổng hợp", "quá ");
	}

	@Test
	void staffKeepTheirContactAndDigestOnTheirOwnPageAndAnAdministratorOnTheirs() {
		WebSession leader = new WebSession(port);
		leader.signIn("leader.stp", "leader.stp");
		java.net.http.HttpResponse<String> page = leader.get("/staff/notifications");
		assertThat(page.statusCode()).isEqualTo(200);
		java.net.http.HttpResponse<String> bad = leader.post("/staff/notifications", WebSession.csrf(page.body()),
				"email=khong-phai-thu&phone=0913000190&digest=true");
		assertThat(bad.statusCode()).isEqualTo(200);
		assertThat(bad.body()).contains("id=\"errors\"", "Địa chỉ thư điện tử không hợp lệ");
		java.net.http.HttpResponse<String> saved = leader.follow(leader.post("/staff/notifications", WebSession.csrf(bad.body()),
				"email=lanh.dao.stp%40camau.gov.vn&phone=0913%20000%20190"), 2);
		assertThat(saved.body()).contains("lanh.dao.stp@camau.gov.vn", "0913000190");
		assertThat(staffContacts.find("leader.stp").orElseThrow().digest()).as("a leader turned the digest off").isFalse();
		WebSession admin = new WebSession(port);
		admin.signIn("admin", "admin");
		java.net.http.HttpResponse<String> edit = admin.get("/admin/accounts/leader.stp");
		assertThat(edit.body()).contains("lanh.dao.stp@camau.gov.vn");
		java.net.http.HttpResponse<String> restored = admin.follow(admin.post("/admin/accounts/leader.stp/contact",
				WebSession.csrf(edit.body()), "email=leader.stp%40demo.motcua.vn&phone=0913000190&digest=true"), 2);
		assertThat(restored.body()).contains("leader.stp@demo.motcua.vn");
		assertThat(staffContacts.find("leader.stp").orElseThrow().digest()).isTrue();
		assertThat(leader.post("/admin/accounts/leader.stp/contact", WebSession.csrf(saved.body()), "email=x%40y.vn")
			.statusCode()).as("only an administrator sets another's contact").isEqualTo(403);
	}
}
