package vn.motcua.dossier;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.Api;
import vn.motcua.MotCuaIntegrationTest;
import vn.motcua.WebSession;
import vn.motcua.sandbox.DemoCitizens;
import vn.motcua.sandbox.DemoCitizens.DemoCitizen;
import vn.motcua.sandbox.SyntheticPopulation.Person;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Online filing by signed-in citizens, reception or refusal by the one-stop officer, and the visibility rule
 * with two citizens and two units: the other's dossier answers 404 on every dossier endpoint.
 */
@MotCuaIntegrationTest
class DossierCitizenIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	DossierTestSupport dossiers;


	@Test
	void aCitizenFilesOnlineAndTheOfficerReceivesOrRefuses() {
		DemoCitizen who = level(2, 0);
		WebSession citizen = WebSession.citizen(port, who.person().idNumber(), 2);
		JsonNode filed = fileOnline(citizen, who.person(), DossierTestSupport.PROCEDURE);
		String code = filed.get("code").asString();
		assertThat(filed.get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(filed.get("nationalStatus").asInt()).isEqualTo(1);
		assertThat(filed.get("channel").asString()).isEqualTo("ONLINE");
		assertThat(filed.get("receivingUnitCode").asString()).isEqualTo("TTPVHCC");
		assertThat(filed.get("agencyCode").asString()).isEqualTo("SXD");
		assertThat(filed.get("receivedAt").isNull()).isTrue();
		assertThat(filed.get("assuranceLevel").asInt()).isEqualTo(2);
		assertThat(filed.get("registryCheck").asString()).isEqualTo("MATCH");
		// the check made while filing is logged under the dossier's code, though the code came after it
		assertThat(new Api(port).get("/api/v1/registry/lookups?size=100", new Api(port).token("admin")).body())
			.contains("\"dossierCode\":\"" + code + "\"");
		assertThat(code).matches("\\d{3}\\.\\d{2}\\.\\d{2}\\.H12-\\d{6}-\\d{4}");

		assertThat(dossiers.act("specialist", code, "RECEIVE", Map.of()).status()).isEqualTo(403);
		JsonNode received = dossiers.ok("officer", code, "RECEIVE", Map.of());
		assertThat(received.get("status").asString()).isEqualTo("RECEIVED");
		assertThat(received.get("receivedAt").isNull()).isFalse();
		assertThat(received.get("dueAt").isNull()).isFalse();
		assertThat(dossiers.act("officer", code, "RECEIVE", Map.of()).status()).isEqualTo(409);
		assertThat(dossiers.act("officer", code, "REFUSE", Map.of("reason", "x")).status()).as("REFUSE after reception")
			.isEqualTo(409);

		String other = fileOnline(citizen, who.person(), DossierTestSupport.PROCEDURE).get("code").asString();
		assertThat(dossiers.act("leader", other, "REFUSE", Map.of("reason", "x")).status()).isEqualTo(403);
		assertThat(dossiers.act("officer", other, "REFUSE", Map.of()).status()).isEqualTo(400);
		JsonNode refused = dossiers.ok("officer", other, "REFUSE", Map.of("reason", "Không thuộc thẩm quyền"));
		assertThat(refused.get("nationalStatus").asInt()).isEqualTo(3);
		assertThat(refused.get("onTime").isNull()).isTrue();

		// the citizen sees their own dossiers, withdraws one, and cannot file at the counter
		Api.Response mine = citizen.json("GET", "/api/v1/dossiers", null);
		assertThat(mine.json().get("items").valueStream().map(d -> d.get("code").asString())).contains(code, other);
		JsonNode current = citizen.json("GET", "/api/v1/dossiers/" + code, null).json();
		Api.Response withdrawn = citizen.json("POST", "/api/v1/dossiers/" + code + "/actions",
				json(Map.of("action", "WITHDRAW", "version", current.get("version").asInt(), "reason", "Không cần nữa")));
		assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
		assertThat(withdrawn.json().get("status").asString()).isEqualTo("WITHDRAWN");
		Map<String, Object> counter = body(who.person(), DossierTestSupport.PROCEDURE);
		counter.put("channel", "COUNTER");
		assertThat(citizen.json("POST", "/api/v1/dossiers", json(counter)).status()).isEqualTo(400);
		assertThat(citizen.json("POST", "/api/v1/dossiers", json(body(who.person(), DossierTestSupport.PROCEDURE)),
				false).status()).as("no CSRF token, no filing").isEqualTo(403);
	}

	@Test
	void otherPeoplesDossiersDoNotExistForYou() {
		DemoCitizen a = level(2, 0);
		DemoCitizen b = level(2, 1);
		WebSession citizenA = WebSession.citizen(port, a.person().idNumber(), 2);
		WebSession citizenB = WebSession.citizen(port, b.person().idNumber(), 2);
		String code = fileOnline(citizenA, a.person(), DossierTestSupport.PROCEDURE).get("code").asString();
		dossiers.ok("officer", code, "RECEIVE", Map.of());

		for (String path : new String[] { "/api/v1/dossiers/" + code, "/api/v1/dossiers/" + code + "/history" }) {
			assertThat(citizenB.json("GET", path, null).status()).as(path).isEqualTo(404);
			for (String staff : new String[] { "officer.anxuyen", "specialist.stp", "leader.stp" }) {
				assertThat(api.get(path, api.token(staff)).status()).as(staff + " " + path).isEqualTo(404);
			}
			for (String staff : new String[] { "officer", "specialist", "leader", "province", "admin" }) {
				assertThat(api.get(path, api.token(staff)).status()).as(staff + " " + path).isEqualTo(200);
			}
			assertThat(citizenA.json("GET", path, null).status()).isEqualTo(200);
		}
		Api.Response act = citizenB.json("POST", "/api/v1/dossiers/" + code + "/actions",
				json(Map.of("action", "WITHDRAW", "version", 1, "reason", "x")));
		assertThat(act.status()).isEqualTo(404);
		assertThat(api.postJson("/api/v1/dossiers/" + code + "/actions",
				Map.of("action", "FORWARD", "version", 1), api.token("specialist.stp")).status()).isEqualTo(404);
		assertThat(citizenB.json("GET", "/api/v1/dossiers", null).json().get("items").valueStream()
			.map(d -> d.get("code").asString())).doesNotContain(code);
		assertThat(api.get("/api/v1/dossiers?size=100", api.token("specialist.stp")).json().get("items").valueStream()
			.map(d -> d.get("code").asString())).doesNotContain(code);
		assertThat(api.get("/api/v1/dossiers/" + code).status()).as("anonymous").isEqualTo(401);

		// public tracking: the applicant's ID number opens the status, nothing personal
		Api.Response tracked = api.get("/api/v1/track/" + code + "?idNumber=" + a.person().idNumber());
		assertThat(tracked.status()).isEqualTo(200);
		assertThat(tracked.body()).contains("RECEIVED").doesNotContain(a.person().fullName());
		assertThat(api.get("/api/v1/track/" + code + "?idNumber=" + b.person().idNumber()).status()).isEqualTo(404);
	}

	@Test
	void aLevelOneAccountIsRefusedWhereTheProcedureRequiresLevelTwo() {
		Api.Response set = api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base()
				+ "/api/v1/admin/procedures/" + DossierTestSupport.OTHER_UNIT_PROCEDURE + "/settings"))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"minAssuranceLevel\":2}")), api.token("admin"));
		assertThat(set.status()).as(set.body()).isEqualTo(200);
		DemoCitizen low = level(1, 0);
		WebSession citizen = WebSession.citizen(port, low.person().idNumber(), 1);
		Api.Response refused = citizen.json("POST", "/api/v1/dossiers",
				json(body(low.person(), DossierTestSupport.OTHER_UNIT_PROCEDURE)));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().get("type").asString()).endsWith("assurance-level-required");
		assertThat(refused.json().get("detail").asString()).contains("mức độ 2");
		assertThat(citizen.json("POST", "/api/v1/dossiers", json(body(low.person(), DossierTestSupport.PROCEDURE)))
			.status()).isEqualTo(201);
	}

	@Test
	void badApplicantDataIsReportedFieldByFieldAndNothingIsFiled() {
		long before = jdbc.sql("select count(*) from dossier").query(Long.class).single();
		Map<String, Object> applicant = DossierTestSupport.applicant(1);
		applicant.put("idNumber", "096190100001"); // century digit 1 = a woman born in the 1900s, year 90 ok
		applicant.put("dateOfBirth", "1991-03-15");
		applicant.put("phone", "12345");
		applicant.put("email", "not-an-email");
		Api.Response r = api.postJson("/api/v1/dossiers", Map.of("procedureCode", DossierTestSupport.PROCEDURE,
				"channel", "COUNTER", "applicant", applicant), api.token("officer"));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.json().get("errors").valueStream().map(e -> e.get("field").asString()))
			.contains("applicant.idNumber", "applicant.phone", "applicant.email");
		Map<String, Object> business = new HashMap<>(Map.of("type", "BUSINESS", "taxCode", "0100109107",
				"businessName", "Công ty A"));
		Api.Response tax = api.postJson("/api/v1/dossiers", Map.of("procedureCode", DossierTestSupport.PROCEDURE,
				"channel", "POSTAL", "applicant", business), api.token("officer"));
		assertThat(tax.status()).isEqualTo(400);
		assertThat(tax.body()).contains("applicant.taxCode");
		business.put("taxCode", "0100109106");
		Api.Response ok = api.postJson("/api/v1/dossiers", Map.of("procedureCode", DossierTestSupport.PROCEDURE,
				"channel", "POSTAL", "applicant", business), api.token("officer"));
		assertThat(ok.status()).isEqualTo(201);
		assertThat(ok.json().get("registryCheck").asString()).isEqualTo("NOT_CHECKED");
		assertThat(api.postJson("/api/v1/dossiers", Map.of("procedureCode", DossierTestSupport.PROCEDURE, "channel",
				"COUNTER", "applicant", DossierTestSupport.applicant(2)), api.token("specialist")).status())
			.as("a specialist does not receive").isEqualTo(403);
		assertThat(jdbc.sql("select count(*) from dossier").query(Long.class).single()).isEqualTo(before + 1);
	}

	@Test
	void theApplicantRatesTheServiceOnceAfterTheResultIsReturned() {
		DemoCitizen who = level(2, 1);
		WebSession citizen = WebSession.citizen(port, who.person().idNumber(), 2);
		String code = fileOnline(citizen, who.person(), DossierTestSupport.PROCEDURE).get("code").asString();
		String rate = json(Map.of("rating", "DISSATISFIED", "comment", "Phải đi lại hai lần"));
		assertThat(citizen.json("POST", "/api/v1/dossiers/" + code + "/rating", rate).status()).as("not returned yet")
			.isEqualTo(409);
		dossiers.ok("officer", code, "RECEIVE", Map.of());
		dossiers.ok("officer", code, "FORWARD", Map.of());
		dossiers.ok("specialist", code, "APPROVE", Map.of("note", "Đạt"));
		dossiers.ok("leader", code, "FINISH", Map.of("note", "Đồng ý"));
		dossiers.ok("officer", code, "RETURN_RESULT", Map.of());
		assertThat(citizen.json("POST", "/api/v1/dossiers/" + code + "/rating", json(Map.of("rating", "MEH"))).status())
			.isEqualTo(400);
		assertThat(api.postJson("/api/v1/dossiers/" + code + "/rating", Map.of("rating", "SATISFIED"), api.token("officer"))
			.status()).as("only the applicant rates").isEqualTo(403);
		Api.Response rated = citizen.json("POST", "/api/v1/dossiers/" + code + "/rating", rate);
		assertThat(rated.status()).as(rated.body()).isEqualTo(200);
		assertThat(rated.json().get("rating").asString()).isEqualTo("DISSATISFIED");
		assertThat(citizen.json("POST", "/api/v1/dossiers/" + code + "/rating", rate).status()).as("once").isEqualTo(409);
		assertThat(citizen.get("/dossiers/" + code).body()).contains("Bạn đã đánh giá: Không hài lòng");
		assertThat(api.get("/api/v1/dossiers/" + code + "/history", api.token("officer")).body()).contains("RATED",
				"Phải đi lại hai lần");
	}

	@Test
	void theApplicantSeesUnitsNotStaffSignInNamesAndNoInternalProcess() {
		DemoCitizen who = level(2, 1);
		WebSession citizen = WebSession.citizen(port, who.person().idNumber(), 2);
		String code = fileOnline(citizen, who.person(), DossierTestSupport.PROCEDURE).get("code").asString();
		dossiers.ok("officer", code, "RECEIVE", Map.of());
		dossiers.ok("officer", code, "FORWARD", Map.of());
		String page = citizen.get("/dossiers/" + code).body();
		String history = page.substring(page.indexOf("id=\"history\""));
		assertThat(history).contains("Bạn", "Trung tâm Phục vụ hành chính công tỉnh Cà Mau")
			.doesNotContain(">officer<");
		assertThat(page).doesNotContain("id=\"steps\"");
		// staff still see who did what
		WebSession officer = new WebSession(port);
		officer.signIn("officer", "officer");
		assertThat(officer.get("/dossiers/" + code).body()).contains(">officer<");
	}

	/** Mẫu 03 is headed by the unit whose officer refused: the ward, in its own name, not the provincial centre. */
	@Test
	void aWardRefusesAnOnlineDossierUnderItsOwnName() throws Exception {
		vn.motcua.TestProcedures.ensure(api, "9.900009", "Thủ tục kiểm thử của phường An Xuyên", "P_ANXUYEN", 3, 0);
		DemoCitizen who = level(2, 2);
		WebSession citizen = WebSession.citizen(port, who.person().idNumber(), 2);
		String code = fileOnline(citizen, who.person(), "9.900009").get("code").asString();
		dossiers.ok("officer.anxuyen", code, "REFUSE", Map.of("reason", "Thiếu tờ khai"));
		java.net.http.HttpResponse<byte[]> form = java.net.http.HttpClient.newHttpClient().send(
				java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base() + "/api/v1/dossiers/" + code + "/forms/03"))
					.header("Authorization", "Bearer " + api.token("officer.anxuyen"))
					.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
		assertThat(form.statusCode()).as(new String(form.body())).isEqualTo(200);
		try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(form.body())) {
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
			assertThat(text).contains("ỦY BAN NHÂN DÂN", "PHƯỜNG AN XUYÊN", "Thiếu tờ khai")
				.doesNotContain("TRUNG TÂM PHỤC VỤ", "UBND TỈNH");
			assertThat(FormLayout.problems(pdf, "form-03")).isEmpty();
		}
	}

	private JsonNode fileOnline(WebSession citizen, Person p, String procedure) {
		Api.Response r = citizen.json("POST", "/api/v1/dossiers", json(body(p, procedure)));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json();
	}

	private static Map<String, Object> body(Person p, String procedure) {
		Map<String, Object> applicant = new HashMap<>(Map.of("type", "CITIZEN", "idNumber", p.idNumber(), "fullName",
				p.fullName(), "dateOfBirth", p.dateOfBirth().toString(), "phone", "0912345678"));
		return new HashMap<>(Map.of("procedureCode", procedure, "channel", "ONLINE", "applicant", applicant));
	}

	private static DemoCitizen level(int level, int skip) {
		return DemoCitizens.all().stream().filter(c -> c.level() == level && c.taxCode() == null).skip(skip)
			.findFirst().orElseThrow();
	}

	private static String json(Object o) {
		return JSON.writeValueAsString(o);
	}
}
