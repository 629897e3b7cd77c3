package vn.motcua.dossier;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import vn.motcua.Api;
import vn.motcua.MotCuaIntegrationTest;
import vn.motcua.TestClock;
import vn.motcua.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Configured internal processes: the administrators' API and page, and a dossier run through the steps with
 * their shares of the time limit, the consulted unit's answer, the hand-overs and the control sheet.
 */
@MotCuaIntegrationTest
class InternalProcessIT {

	/** A test procedure of SXD with 10 working days, its own so the other tests keep the default process. */
	static final String PROCEDURE = "9.900003";

	private static final Instant MONDAY = Instant.parse("2026-11-23T08:00:00+07:00");

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	Api api;

	DossierTestSupport dossiers;

	@BeforeEach
	void setUp() {
		fresh();
		vn.motcua.TestProcedures.ensure(api, PROCEDURE, "Thủ tục kiểm thử có quy trình nội bộ", "SXD", 10, 0);
	}

	@AfterEach
	void backToNow() {
		clock.set(Clock.systemUTC().instant());
	}

	@Test
	void anAdministratorSavesReadsAndRemovesAProcessAndEveryBadRowIsNamed() {
		String path = processPath();
		Map<String, Object> bad = Map.of("steps", List.of(
				step("Thẩm định", "STP", "SPECIALIST", 60, null),
				step("", "SXD", "PROVINCE_LEADER", 0, "SXD"),
				step("Ký", null, "DEPARTMENT_LEADER", 50, null)));
		Api.Response refused = api.send(put(path, bad), api.token("admin"));
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.body()).contains("steps[0].unitCode", "steps[1].name", "steps[1].role", "steps[1].timeShare",
				"steps[1].consultUnitCode", "\"steps\"");
		assertThat(api.get(path, api.token("admin")).json().get("configured").asBoolean()).isFalse();

		assertThat(api.send(put(path, process()), api.token("officer")).status()).isEqualTo(403);
		assertThat(api.send(put("/api/v1/admin/procedures/9.999999/cases/X/process", process()), api.token("admin"))
			.status()).isEqualTo(404);

		Api.Response saved = api.send(put(path, process()), api.token("admin"));
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		JsonNode read = api.get(path, api.token("admin")).json();
		assertThat(read.get("configured").asBoolean()).isTrue();
		assertThat(read.get("steps")).hasSize(3);
		assertThat(read.get("steps").get(0).get("unitCode").asString()).isEqualTo("SXD_QLXD");
		assertThat(read.get("steps").get(0).get("consultUnitCode").asString()).isEqualTo("SNNMT");
		assertThat(read.get("steps").get(2).get("unitCode").isNull()).as("the deciding unit").isTrue();
		assertThat(read.get("updatedBy").asString()).isEqualTo("admin");
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'process.saved' and subject_id like ?")
			.param(PROCEDURE + "/%")
			.query(Long.class)
			.single()).isPositive();

		assertThat(api.send(HttpRequest.newBuilder(URI.create(api.base() + path)).DELETE(), api.token("admin")).status())
			.isEqualTo(204);
		assertThat(api.get(path, api.token("admin")).json().get("configured").asBoolean()).isFalse();
		assertThat(api.send(HttpRequest.newBuilder(URI.create(api.base() + path)).DELETE(), api.token("admin")).status())
			.isEqualTo(404);
	}

	@Test
	void aDossierGoesThroughTheStepsWithTheirSharesTheConsultationAndTheHandOvers() throws Exception {
		assertThat(api.send(put(processPath(), process()), api.token("admin")).status()).isEqualTo(200);
		clock.set(MONDAY);
		fresh();
		String code = dossiers.fileAtCounter(PROCEDURE, 9301).get("code").asString();
		assertThat(dossiers.current(code).get("dueAt").asString()).isEqualTo("2026-12-07T08:00:00+07:00");
		// the division and the consulted unit do not see it before it reaches them
		assertThat(api.get("/api/v1/dossiers/" + code, api.token("specialist.snnmt")).status()).isEqualTo(404);
		dossiers.ok("officer", code, "FORWARD", Map.of());

		// the process was copied: a change now does not reach this dossier
		assertThat(api.send(put(processPath(), Map.of("steps", List.of(step("Một bước", null, "SPECIALIST", 100, null)))),
				api.token("admin")).status()).isEqualTo(200);

		WebSession qlxd = signedIn("specialist.qlxd");
		String page = qlxd.get("/dossiers/" + code).body();
		assertThat(page).contains("Thẩm định hồ sơ", "Trưởng phòng xem xét", "Lãnh đạo Sở ký",
				// 50% of 10 days = 5 working days from Monday 08:00
				"30/11/2026 08:00", "đang chờ ý kiến phối hợp");
		assertThat(qlxd.get("/staff/dossiers?turn=true").body()).contains(code);
		assertThat(signedIn("specialist").get("/staff/dossiers?turn=true").body()).doesNotContain(code);

		assertThat(dossiers.act("specialist", code, "HAND_OVER", Map.of()).status()).as("not the step's unit")
			.isEqualTo(403);
		Api.Response early = dossiers.act("specialist.qlxd", code, "HAND_OVER", Map.of());
		assertThat(early.status()).as("waits for the consulted unit").isEqualTo(409);
		assertThat(dossiers.act("specialist.qlxd", code, "APPROVE", Map.of("note", "x")).status()).isEqualTo(409);
		assertThat(api.get("/api/v1/dossiers/" + code, api.token("specialist.stp")).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/dossiers/" + code, api.token("specialist.snnmt")).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/dossiers?size=100", api.token("specialist.snnmt")).body()).contains(code);

		clock.advance(Duration.ofHours(2));
		fresh();
		dossiers.ok("specialist.snnmt", code, "CONSULT_REPLY", Map.of("note", "Phù hợp quy hoạch sử dụng đất"));
		assertThat(dossiers.act("specialist.snnmt", code, "CONSULT_REPLY", Map.of("note", "lần hai")).status())
			.isEqualTo(403);
		dossiers.ok("specialist.qlxd", code, "HAND_OVER", Map.of("note", "Đủ điều kiện cấp phép"));
		assertThat(dossiers.act("specialist.qlxd", code, "HAND_OVER", Map.of()).status()).as("no longer theirs")
			.isEqualTo(403);
		assertThat(dossiers.act("leader", code, "FINISH", Map.of("note", "x")).status()).as("steps remain")
			.isEqualTo(409);

		// step 2 started Monday 10:00 with 15% of 10 days = 12 working hours; the division head is late
		clock.advance(Duration.ofDays(3));
		fresh();
		dossiers.ok("leader.qlxd", code, "HAND_OVER", Map.of());
		dossiers.ok("leader", code, "HAND_OVER", Map.of("note", "Đã ký"));
		JsonNode finished = dossiers.ok("leader", code, "FINISH", Map.of("note", "Cấp phép"));
		assertThat(finished.get("status").asString()).isEqualTo("FINISHED");

		List<String> actions = api.get("/api/v1/dossiers/" + code + "/history", api.token("admin"))
			.json()
			.valueStream()
			.map(e -> e.get("action").asString())
			.toList();
		assertThat(actions).containsExactly("RECEIVE", "FORWARD", "CONSULT_REPLY", "HAND_OVER", "HAND_OVER",
				"HAND_OVER", "FINISH");

		try (PDDocument pdf = Loader.loadPDF(pdf("/api/v1/dossiers/" + code + "/forms/06", "officer"))) {
			String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
			assertThat(text).contains("Sở Nông nghiệp và Môi trường", "Phòng Quản lý xây dựng", "Trưởng phòng xem xét",
					"Trễ hạn", "Đúng hạn");
		}
	}

	@Test
	void theStepsSpecialistRequestsASupplementAndTheWaitIsGivenBackToTheStep() {
		assertThat(api.send(put(processPath(), process()), api.token("admin")).status()).isEqualTo(200);
		clock.set(MONDAY);
		fresh();
		String code = dossiers.fileAtCounter(PROCEDURE, 9302).get("code").asString();
		dossiers.ok("officer", code, "FORWARD", Map.of());
		dossiers.ok("specialist.qlxd", code, "REQUEST_SUPPLEMENT",
				Map.of("reason", "Thiếu bản vẽ", "items", List.of("Bản vẽ hiện trạng")));
		clock.set(Instant.parse("2026-11-25T08:00:00+07:00")); // two working days later
		fresh();
		dossiers.ok("officer", code, "SUPPLEMENT", Map.of("note", "Đã nộp bản vẽ"));
		assertThat(jdbc.sql("select due_at from dossier_step where dossier_code = ? and position = 1")
			.param(code)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant()).as("5 working days from Monday, plus the 2 days of waiting")
			.isEqualTo(Instant.parse("2026-12-02T08:00:00+07:00"));
	}

	@Test
	void thePageEditorSavesAndExplainsMistakesInVietnamese() {
		WebSession admin = signedIn("admin");
		String editor = admin.get("/admin/processes/" + PROCEDURE + "/" + caseCode()).body();
		assertThat(editor).contains("Sửa quy trình nội bộ", "Phòng Quản lý xây dựng");
		String form = "name0=" + WebSession.encode("Thẩm định") + "&unit0=SXD_QLXD&role0=SPECIALIST&share0=80&consult0="
				+ "&name1=" + WebSession.encode("Ký") + "&unit1=&role1=DEPARTMENT_LEADER&share1=40&consult1=STP"
				+ "&name2=&unit2=&role2=SPECIALIST&share2=&consult2=";
		HttpResponse<String> refused = admin.post("/admin/processes/" + PROCEDURE + "/" + caseCode(),
				WebSession.csrf(editor), form);
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("Tổng thời gian các bước là 120%");
		HttpResponse<String> saved = admin.post("/admin/processes/" + PROCEDURE + "/" + caseCode(),
				WebSession.csrf(editor), form.replace("share1=40", "share1=20"));
		assertThat(saved.statusCode()).isEqualTo(302);
		String cases = admin.follow(saved, 1).body();
		assertThat(cases).contains("Đã lưu quy trình nội bộ", "Thẩm định", "phối hợp STP");
		assertThat(admin.get("/admin/processes").body()).contains(PROCEDURE, "Thẩm định → Ký");
		assertThat(signedIn("officer").get("/admin/processes").statusCode()).isEqualTo(403);
	}

	private void fresh() {
		api = new Api(port);
		dossiers = new DossierTestSupport(api);
	}

	private WebSession signedIn(String user) {
		WebSession s = new WebSession(port);
		s.signIn(user, user);
		return s;
	}

	private String caseCode() {
		return api.get("/api/v1/procedures/" + PROCEDURE).json().get("cases").get(0).get("code").asString();
	}

	private String processPath() {
		return "/api/v1/admin/procedures/" + PROCEDURE + "/cases/" + caseCode() + "/process";
	}

	private static Map<String, Object> process() {
		return Map.of("steps", List.of(
				step("Thẩm định hồ sơ", "SXD_QLXD", "SPECIALIST", 50, "SNNMT"),
				step("Trưởng phòng xem xét", "SXD_QLXD", "DEPARTMENT_LEADER", 15, null),
				step("Lãnh đạo Sở ký", null, "DEPARTMENT_LEADER", 15, null)));
	}

	private static Map<String, Object> step(String name, String unit, String role, int share, String consult) {
		Map<String, Object> s = new java.util.HashMap<>();
		s.put("name", name);
		s.put("unitCode", unit);
		s.put("role", role);
		s.put("timeShare", share);
		s.put("consultUnitCode", consult);
		return s;
	}

	private HttpRequest.Builder put(String path, Object body) {
		try {
			return HttpRequest.newBuilder(URI.create(api.base() + path))
				.header("Content-Type", "application/json")
				.header("Accept", "application/json")
				.PUT(HttpRequest.BodyPublishers.ofString(tools.jackson.databind.json.JsonMapper.builder()
					.build()
					.writeValueAsString(body)));
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private byte[] pdf(String path, String user) throws Exception {
		HttpResponse<byte[]> r = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(api.base() + path)).header("Authorization", "Bearer " + api.token(user))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(r.statusCode()).isEqualTo(200);
		return r.body();
	}
}
