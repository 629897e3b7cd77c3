package vn.motcua.dossier;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.Api;
import vn.motcua.MotCuaIntegrationTest;
import vn.motcua.TestProcedures;
import vn.motcua.WebSession;
import vn.motcua.sandbox.DemoCitizens;
import vn.motcua.sandbox.DemoCitizens.DemoCitizen;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Filing against a procedure's template (docs/api.md, "Procedure templates" and "Documents and the personal
 * document store"): what a template may be, every e-form field type and rule, required components online and at
 * the counter, scans replacing paper and the digitized flag feeding the KPI, the citizen's own store and drafts.
 */
@MotCuaIntegrationTest
class FilingTemplatesIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String PROCEDURE = "9.900016";
	private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	vn.motcua.TestClock clock;

	Api api;

	static final List<Map<String, Object>> DOCUMENTS = List.of(
			Map.of("code", "DON", "name", "Đơn đề nghị", "required", true, "copies", 1, "replacedByData", false),
			Map.of("code", "BANVE", "name", "Bản vẽ", "required", false, "copies", 2, "replacedByData", false),
			Map.of("code", "QSDD", "name", "Giấy tờ về đất", "required", true, "copies", 0, "replacedByData", true));

	static final List<Map<String, Object>> FIELDS = List.of(
			Map.of("name", "mucDich", "label", "Mục đích", "type", "text", "required", true),
			Map.of("name", "dienTich", "label", "Diện tích", "type", "number", "required", true),
			Map.of("name", "loai", "label", "Loại", "type", "select", "required", false, "options", List.of("A", "B")),
			Map.of("name", "ngay", "label", "Ngày", "type", "date", "required", false),
			Map.of("name", "coTang", "label", "Có tầng hầm", "type", "boolean", "required", false),
			Map.of("name", "soTang", "label", "Số tầng hầm", "type", "number", "required", true, "showWhen",
					Map.of("field", "coTang", "equals", "true")));

	private String template() {
		TestProcedures.ensure(api, PROCEDURE, "Thủ tục kiểm thử mẫu hồ sơ", "SXD", 5, 0);
		String caseCode = api.get("/api/v1/procedures/" + PROCEDURE).json().get("cases").get(0).get("code").asString();
		Api.Response r = put("/api/v1/admin/procedures/" + PROCEDURE + "/cases/" + caseCode + "/template",
				Map.of("documents", DOCUMENTS, "form", Map.of("fields", FIELDS)), "admin");
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return caseCode;
	}

	@Test
	void aTemplateIsCheckedWholeWrittenByAdministratorsOnlyAndAudited() {
		String caseCode = template();
		String path = "/api/v1/admin/procedures/" + PROCEDURE + "/cases/" + caseCode + "/template";
		Map<String, Object> scripted = new HashMap<>(DOCUMENTS.get(1));
		scripted.put("templateUrl", "javascript:alert(1)");
		Map<String, Object> bad = Map.of("documents", List.of(DOCUMENTS.get(0), DOCUMENTS.get(0), scripted), "form",
				Map.of("fields", List.of(FIELDS.get(0), FIELDS.get(0),
						Map.of("name", "x", "label", "X", "type", "select", "options", List.of()),
						Map.of("name", "y", "label", "Y", "type", "colour"),
						Map.of("name", "z", "label", "Z", "type", "text", "showWhen", Map.of("field", "later")),
						Map.of("name", "later", "label", "L", "type", "text"))),
				"requiresElectronicResult", "yes");
		Api.Response refused = put(path, bad, "admin");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(errorFields(refused)).contains("documents[1].code", "documents[2].templateUrl", "form.fields.mucDich",
				"form.fields.x",
				"form.fields[3].type", "form.fields.z", "requiresElectronicResult");
		assertThat(put(path, Map.of("documents", DOCUMENTS), "officer").status()).isEqualTo(403);
		assertThat(put("/api/v1/admin/procedures/" + PROCEDURE + "/cases/NO-SUCH/template", Map.of("documents",
				DOCUMENTS), "admin").status()).isEqualTo(404);
		JsonNode shown = api.get("/api/v1/procedures/" + PROCEDURE).json().get("cases").get(0);
		assertThat(shown.get("documents").valueStream().map(d -> d.get("code").asString()).toList())
			.containsExactly("DON", "BANVE", "QSDD");
		assertThat(shown.get("form").get("fields").get(2).get("options").valueStream().map(JsonNode::asString).toList())
			.containsExactly("A", "B");
		assertThat(shown.get("form").get("fields").get(5).get("showWhen").get("field").asString()).isEqualTo("coTang");
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'catalog.template-set' and subject_id = ?")
			.param(PROCEDURE).query(Long.class).single()).isPositive();
	}

	@Test
	void everyFieldTypeAndRuleOfTheFormIsChecked() {
		template();
		Map<String, Object> good = new HashMap<>(Map.of("mucDich", "Nhà ở", "dienTich", 120.5, "loai", "A", "ngay",
				"2027-03-01", "coTang", false, "soTang", 9));
		for (Object[] wrong : new Object[][] { { "mucDich", "" }, { "dienTich", "một trăm" }, { "loai", "C" },
				{ "ngay", "01/03/2027" }, { "ngay", "2027-02-30" }, { "coTang", "có" }, { "mucDich", 5 } }) {
			Map<String, Object> form = new HashMap<>(good);
			form.put((String) wrong[0], wrong[1]);
			Api.Response r = counter(paper("DON"), form);
			assertThat(r.status()).as(wrong[0] + " = " + wrong[1]).isEqualTo(400);
			assertThat(errorFields(r)).containsExactly("formData." + wrong[0]);
		}
		// a question shown only under a condition is required only then, and its answer kept only then
		Map<String, Object> basement = new HashMap<>(good);
		basement.put("coTang", true);
		basement.remove("soTang");
		assertThat(errorFields(counter(paper("DON"), basement))).containsExactly("formData.soTang");
		JsonNode filed = counter(paper("DON"), good).json();
		assertThat(filed.get("formData").get("dienTich").isNumber()).isTrue();
		assertThat(filed.get("formData").get("dienTich").decimalValue()).isEqualByComparingTo("120.5");
		assertThat(filed.get("formData").get("coTang").asBoolean()).isFalse();
		assertThat(filed.get("formData").has("soTang")).as("hidden by its condition").isFalse();
		assertThat(api.get("/api/v1/dossiers/" + filed.get("code").asString(), api.token("specialist")).json()
			.get("formData").get("mucDich").asString()).isEqualTo("Nhà ở");
	}

	@Test
	void requiredComponentsAtTheCounterAndScansThatDigitizeTheDossierAndTheKpi() throws Exception {
		template();
		long before = jdbc.sql("select count(*) from dossier").query(Long.class).single();
		Api.Response none = counter(List.of(), form());
		assertThat(none.status()).isEqualTo(400);
		assertThat(errorFields(none)).containsExactly("documents.DON");
		assertThat(none.body()).contains("Đơn đề nghị");
		assertThat(errorFields(counter(List.of(Map.of("component", "XYZ", "paper", true)), form())))
			.contains("documents.XYZ", "documents.DON");
		assertThat(jdbc.sql("select count(*) from dossier").query(Long.class).single()).isEqualTo(before);

		// a day of its own, so that the KPI's figures for it are this dossier's alone
		clock.set(java.time.Instant.parse("2027-05-12T09:30:00+07:00"));
		api = new Api(port);
		JsonNode d = counter(List.of(Map.of("component", "DON", "paper", true), Map.of("component", "BANVE", "paper",
				true)), form()).json();
		String code = d.get("code").asString();
		assertThat(d.get("documents").valueStream().filter(c -> c.get("paper").asBoolean())
			.map(c -> c.get("component").asString()).toList()).containsExactlyInAnyOrder("DON", "BANVE");
		assertThat(d.get("documents").valueStream().filter(c -> c.get("replacedByData").asBoolean())
			.map(c -> c.get("component").asString()).toList()).containsExactly("QSDD");
		assertThat(d.get("digitized").asBoolean()).isFalse();

		assertThat(scan(code, "DON").statusCode()).isEqualTo(201);
		JsonNode half = api.get("/api/v1/dossiers/" + code, api.token("officer")).json();
		assertThat(half.get("digitized").asBoolean()).isFalse();
		assertThat(half.get("documents").valueStream().filter(c -> c.get("component").asString().equals("DON"))
			.map(c -> c.get("fileName").asString()).toList()).as("the scan took the paper entry's place")
			.containsExactly("scan.pdf");
		assertThat(scan(code, "BANVE").statusCode()).isEqualTo(201);
		assertThat(api.get("/api/v1/dossiers/" + code, api.token("officer")).json().get("digitized").asBoolean()).isTrue();
		// a working file that answers no component leaves the flag as it is
		assertThat(scan(code, "Ghi chú của cán bộ").statusCode()).isEqualTo(201);
		assertThat(api.get("/api/v1/dossiers/" + code, api.token("officer")).json().get("digitized").asBoolean()).isTrue();

		clock.advance(java.time.Duration.ofMinutes(5)); // the period is judged up to now, and the clock stands still
		JsonNode kpi = kpi("2027-05-12");
		assertThat(kpi.get("received").asLong()).isEqualTo(1);
		assertThat(kpi.get("digitizedRate").decimalValue()).as("the scanned dossier counts as digitized")
			.isEqualByComparingTo("100");
		// its land paper was replaced by data: reuse (4.3), though nothing came from the applicant's store (4.4)
		assertThat(indicator(kpi, "4.3").get("numerator").asLong()).isEqualTo(1);
		assertThat(indicator(kpi, "4.4").get("numerator").asLong()).isZero();
		assertThat(indicator(kpi, "4.4").get("score").isNull()).as("scored now, not left out").isFalse();
	}

	@Test
	void aCitizenAttachesFilesOfTheirOwnStoreAndNobodyElsesAndStaffReadThemThroughTheDossier() throws Exception {
		template();
		DemoCitizen a = citizen(0);
		DemoCitizen b = citizen(1);
		WebSession webA = WebSession.citizen(port, a.person().idNumber(), 2);
		WebSession webB = WebSession.citizen(port, b.person().idNumber(), 2);
		JsonNode stored = JSON.readTree(webA.postFile("/api/v1/documents", webA.cookie("XSRF-TOKEN"), "file",
				"don.pdf", "application/pdf", PDF).body());
		assertThat(stored.get("kind").asString()).isEqualTo("UPLOAD");
		assertThat(stored.get("size").asLong()).isEqualTo(PDF.length);
		String id = stored.get("id").asString();
		String theirs = JSON.readTree(webB.postFile("/api/v1/documents", webB.cookie("XSRF-TOKEN"), "file", "b.pdf",
				"application/pdf", PDF).body()).get("id").asString();
		JsonNode mine = webA.json("GET", "/api/v1/documents", null).json();
		assertThat(mine.get("items").valueStream().map(x -> x.get("id").asString()).toList()).contains(id)
			.doesNotContain(theirs);

		Api.Response paperOnline = webA.json("POST", "/api/v1/dossiers", JSON.writeValueAsString(online(a,
				List.of(Map.of("component", "DON", "paper", true)))));
		assertThat(errorFields(paperOnline)).containsExactly("documents.DON");
		Api.Response someoneElses = webA.json("POST", "/api/v1/dossiers", JSON.writeValueAsString(online(a,
				List.of(Map.of("component", "DON", "documentId", theirs)))));
		assertThat(someoneElses.status()).isEqualTo(400);
		assertThat(errorFields(someoneElses)).containsExactly("documents.DON");
		Api.Response filed = webA.json("POST", "/api/v1/dossiers", JSON.writeValueAsString(online(a,
				List.of(Map.of("component", "DON", "documentId", id)))));
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		JsonNode held = filed.json().get("documents").valueStream()
			.filter(c -> c.get("component").asString().equals("DON")).findFirst().orElseThrow();
		assertThat(held.get("documentId").asString()).isEqualTo(id);
		assertThat(held.get("reused").asBoolean()).isTrue();
		assertThat(filed.json().get("digitized").asBoolean()).isTrue();

		assertThat(webB.get("/api/v1/documents/" + id + "/content").statusCode()).isEqualTo(404);
		assertThat(api.get("/api/v1/documents/" + id + "/content", api.token("specialist")).status())
			.as("staff of the deciding unit read it through the dossier").isEqualTo(200);
		assertThat(api.get("/api/v1/documents/" + id + "/content", api.token("specialist.stp")).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/documents/" + theirs + "/content", api.token("specialist")).status()).isEqualTo(404);
		assertThat(webA.download("/api/v1/documents/" + id + "/content").body()).isEqualTo(PDF);
	}

	@Test
	void draftsAreSavedResumedReplacedAndDeletedByTheirOwnerOnly() throws Exception {
		template();
		WebSession webA = WebSession.citizen(port, citizen(0).person().idNumber(), 2);
		WebSession webB = WebSession.citizen(port, citizen(1).person().idNumber(), 2);
		long dossiersBefore = jdbc.sql("select count(*) from dossier").query(Long.class).single();
		Api.Response created = webA.json("POST", "/api/v1/drafts", JSON.writeValueAsString(Map.of("procedureCode",
				PROCEDURE, "fields", Map.of("f.mucDich", "Nhà ở", "phone", "0912345678"))));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(webA.json("GET", "/api/v1/drafts", null).json().get("items").valueStream()
			.map(x -> x.get("id").asString()).toList()).contains(id);
		assertThat(webB.json("GET", "/api/v1/drafts/" + id, null).status()).isEqualTo(404);
		assertThat(webB.json("DELETE", "/api/v1/drafts/" + id, null).status()).isEqualTo(404);
		Api.Response replaced = webA.json("PUT", "/api/v1/drafts/" + id, JSON.writeValueAsString(Map.of(
				"procedureCode", PROCEDURE, "fields", Map.of("f.mucDich", "Nhà xưởng"))));
		assertThat(replaced.json().get("fields").get("f.mucDich").asString()).isEqualTo("Nhà xưởng");
		assertThat(replaced.json().get("fields").has("phone")).isFalse();
		assertThat(webA.json("POST", "/api/v1/drafts", JSON.writeValueAsString(Map.of("procedureCode", "0.000000")))
			.status()).isEqualTo(400);
		assertThat(jdbc.sql("select count(*) from dossier").query(Long.class).single())
			.as("a draft takes no dossier number").isEqualTo(dossiersBefore);
		assertThat(webA.json("DELETE", "/api/v1/drafts/" + id, null).status()).isEqualTo(204);
		assertThat(webA.json("GET", "/api/v1/drafts/" + id, null).status()).isEqualTo(404);
	}

	@Test
	void administratorsEditTheTemplateOnItsPageCheckedAsTheApiChecksIt() {
		String caseCode = template();
		WebSession admin = new WebSession(port);
		admin.signIn("admin", "admin");
		String path = "/admin/catalog/procedures/" + PROCEDURE + "/cases/" + caseCode + "/template";
		java.net.http.HttpResponse<String> page = admin.get(path);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("value=\"DON\"", "value=\"mucDich\"");
		String token = WebSession.csrf(page.body());
		// a repeated code is refused with its reason, and the template stays as it was
		java.net.http.HttpResponse<String> refused = admin.post(path, token, "d0.code=DON&d0.name=A&d0.required=on"
				+ "&d1.code=DON&d1.name=B&q0.name=&q0.label=&q0.type=text");
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"errors\"", "trùng");
		assertThat(api.get("/api/v1/procedures/" + PROCEDURE).json().get("cases").get(0).get("documents").size())
			.isEqualTo(3);
		java.net.http.HttpResponse<String> saved = admin.post(path, token, "d0.code=DON&d0.name="
				+ WebSession.encode("Đơn đề nghị (mẫu mới)") + "&d0.required=on&d0.originals=1&d0.copies=0"
				+ "&q0.name=soTang&q0.label=" + WebSession.encode("Số tầng") + "&q0.type=number&q0.required=on"
				+ "&q1.name=loai&q1.label=Loai&q1.type=select&q1.options=" + WebSession.encode("Nhà ở\nNhà xưởng"));
		assertThat(saved.statusCode()).isEqualTo(302);
		JsonNode c = api.get("/api/v1/procedures/" + PROCEDURE).json().get("cases").get(0);
		assertThat(c.get("documents").valueStream().map(d -> d.get("name").asString()).toList())
			.containsExactly("Đơn đề nghị (mẫu mới)");
		assertThat(c.get("form").get("fields").get(1).get("options").valueStream().map(JsonNode::asString).toList())
			.containsExactly("Nhà ở", "Nhà xưởng");
		assertThat(new WebSession(port).get(path).statusCode()).as("not for the anonymous").isNotEqualTo(200);
	}

	@Test
	void whomAProcedureServesFeedsTheShareOfBusinessProceduresOnline() {
		template();
		JsonNode before = api.get("/api/v1/kpi?from=2026-01-01&to=2026-12-31", api.token("admin")).json()
			.get("businessProcedures");
		assertThat(before.get("published").asLong()).isPositive();
		assertThat(before.get("online").asLong()).isLessThanOrEqualTo(before.get("published").asLong());
		Api.Response set = put("/api/v1/admin/procedures/" + PROCEDURE + "/audience", Map.of("audience", "BUSINESS"),
				"admin");
		assertThat(set.status()).as(set.body()).isEqualTo(200);
		assertThat(api.get("/api/v1/procedures/" + PROCEDURE).json().get("audience").asString()).isEqualTo("BUSINESS");
		JsonNode after = api.get("/api/v1/kpi?from=2026-01-01&to=2026-12-31", api.token("admin")).json()
			.get("businessProcedures");
		assertThat(after.get("published").asLong()).isEqualTo(before.get("published").asLong() + 1);
		assertThat(after.get("fullyOnline").asLong()).as("the test procedure is fully online")
			.isEqualTo(before.get("fullyOnline").asLong() + 1);
		assertThat(put("/api/v1/admin/procedures/" + PROCEDURE + "/audience", Map.of("audience", "ALIENS"), "admin")
			.status()).isEqualTo(400);
		assertThat(put("/api/v1/admin/procedures/" + PROCEDURE + "/audience", Map.of("audience", "CITIZEN"), "officer")
			.status()).isEqualTo(403);
		assertThat(put("/api/v1/admin/procedures/" + PROCEDURE + "/audience", Map.of("audience", "CITIZEN"), "admin")
			.status()).isEqualTo(200);
	}

	private Map<String, Object> online(DemoCitizen c, List<Map<String, Object>> documents) {
		Map<String, Object> applicant = Map.of("type", "CITIZEN", "idNumber", c.person().idNumber(), "fullName",
				c.person().fullName(), "dateOfBirth", c.person().dateOfBirth().toString());
		return Map.of("procedureCode", PROCEDURE, "channel", "ONLINE", "applicant", applicant, "documents", documents,
				"formData", form());
	}

	private static DemoCitizen citizen(int skip) {
		return DemoCitizens.all().stream().filter(c -> c.level() == 2 && c.taxCode() == null).skip(skip).findFirst()
			.orElseThrow();
	}

	private static Map<String, Object> form() {
		return Map.of("mucDich", "Nhà ở", "dienTich", 80);
	}

	private static List<Map<String, Object>> paper(String component) {
		return List.of(Map.of("component", component, "paper", true));
	}

	private Api.Response counter(List<Map<String, Object>> documents, Map<String, Object> form) {
		return api.postJson("/api/v1/dossiers", Map.of("procedureCode", PROCEDURE, "channel", "COUNTER", "applicant",
				DossierTestSupport.applicant(16), "documents", documents, "formData", form), api.token("officer"));
	}

	private JsonNode kpi(String day) {
		Api.Response r = api.get("/api/v1/kpi?from=" + day + "&to=" + day + "&agency=SXD", api.token("admin"));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json();
	}


	private static JsonNode indicator(JsonNode kpi, String code) {
		return kpi.get("score").get("groups").valueStream().flatMap(g -> g.get("indicators").valueStream())
			.filter(i -> i.get("code").asString().equals(code)).findFirst().orElseThrow();
	}

	private java.net.http.HttpResponse<String> scan(String code, String component) throws Exception {
		String boundary = "----motcua" + System.nanoTime();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"component\"\r\n\r\n" + component
				+ "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan.pdf\""
				+ "\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(PDF);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.base()
				+ "/api/v1/dossiers/" + code + "/documents"))
			.header("Authorization", "Bearer " + api.token("officer"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
	}

	private Api.Response put(String path, Object body, String user) {
		return api.send(HttpRequest.newBuilder(URI.create(api.base() + path))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json, application/problem+json")
			.PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), api.token(user));
	}

	private static List<String> errorFields(Api.Response r) {
		JsonNode errors = r.json().get("errors");
		return errors == null ? List.of() : errors.valueStream().map(e -> e.get("field").asString()).toList();
	}
}
