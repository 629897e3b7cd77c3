package vn.motcua.dossier;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

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
 * Results as signed electronic documents (docs/api.md, "Results and electronic signatures"): a case that
 * requires one cannot finish without it; FINISH signs the drafts; the applicant sees signed results only, in the
 * dossier and in their store; other units get 404; verification by id and by file.
 */
@MotCuaIntegrationTest
class ResultsIT {

	private static final String PROCEDURE = "9.900017";
	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	Api api;

	DossierTestSupport dossiers;

	@Test
	void aRequiredResultIsSignedAtFinishAndReachesTheApplicantSignedOnly() throws Exception {
		TestProcedures.ensure(api, PROCEDURE, "Thủ tục kiểm thử kết quả điện tử", "SXD", 3, 0);
		String caseCode = api.get("/api/v1/procedures/" + PROCEDURE).json().get("cases").get(0).get("code").asString();
		Api.Response set = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/admin/procedures/" + PROCEDURE
				+ "/cases/" + caseCode + "/template"))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"documents\":[],\"form\":{\"fields\":[]},\"requiresElectronicResult\":true}")),
				api.token("admin"));
		assertThat(set.status()).as(set.body()).isEqualTo(200);
		DemoCitizen citizen = DemoCitizens.all().stream().filter(c -> c.taxCode() == null).skip(4).findFirst().orElseThrow();
		Map<String, Object> applicant = new HashMap<>(Map.of("type", "CITIZEN", "idNumber", citizen.person().idNumber(),
				"fullName", citizen.person().fullName(), "dateOfBirth", citizen.person().dateOfBirth().toString()));
		applicant.put("email", "ket.qua.dien.tu@example.vn");
		Api.Response filed = api.postJson("/api/v1/dossiers", Map.of("procedureCode", PROCEDURE, "channel", "COUNTER",
				"applicant", applicant), api.token("officer"));
		String code = filed.json().get("code").asString();
		dossiers.ok("officer", code, "FORWARD", Map.of());
		dossiers.ok("specialist", code, "APPROVE", Map.of("note", "Đạt"));
		Api.Response refused = dossiers.act("leader", code, "FINISH", Map.of("note", "Đồng ý"));
		assertThat(refused.status()).as("no result yet").isEqualTo(409);
		assertThat(refused.json().get("detail").asString()).contains("kết quả điện tử");

		WebSession specialist = new WebSession(port);
		specialist.signIn("specialist", "specialist");
		assertThat(specialist.get("/dossiers/" + code).body()).as("the deciding unit is offered the draft form")
			.contains("id=\"result-form\"");
		HttpResponse<String> draft = upload(code, "specialist", "Giấy phép");
		assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
		String id = JSON.readTree(draft.body()).get("id").asString();
		WebSession web = WebSession.citizen(port, citizen.person().idNumber(), citizen.level());
		assertThat(web.json("GET", "/api/v1/dossiers/" + code + "/results", null).json()).as("a draft is not the applicant's")
			.isEmpty();
		assertThat(web.download("/api/v1/dossiers/" + code + "/results/" + id + "/content").statusCode()).isEqualTo(404);
		assertThat(api.get("/api/v1/results/" + id + "/verification").status()).as("a draft is not issued").isEqualTo(404);
		assertThat(upload(code, "specialist.stp", "Giấy phép").statusCode()).isEqualTo(404);
		assertThat(upload(code, "leader", "").statusCode()).as("a result needs a title").isEqualTo(400);

		dossiers.ok("leader", code, "FINISH", Map.of("note", "Đồng ý"));
		JsonNode d = api.get("/api/v1/dossiers/" + code, api.token("officer")).json();
		assertThat(d.get("electronicResult").asBoolean()).isTrue();
		JsonNode signed = web.json("GET", "/api/v1/dossiers/" + code + "/results", null).json().get(0);
		assertThat(signed.get("status").asString()).isEqualTo("SIGNED");
		assertThat(signed.get("signer").asString()).isEqualTo("Sở Xây dựng");
		byte[] pdf = web.download("/api/v1/dossiers/" + code + "/results/" + id + "/content").body();
		assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		assertThat(api.get("/api/v1/dossiers/" + code + "/results/" + id + "/content", api.token("specialist.stp")).status())
			.isEqualTo(404);
		// the result joined the applicant's store, where it can be reused
		JsonNode store = web.json("GET", "/api/v1/documents", null).json().get("items");
		assertThat(store.valueStream().filter(x -> x.get("kind").asString().equals("RESULT"))
			.map(x -> x.get("dossierCode").asString()).toList()).contains(code);
		// the applicant was told the result is ready to download, as it was signed at FINISH
		JsonNode told = null;
		for (int i = 0; i < 100 && told == null; i++) {
			for (JsonNode m : api.get("/sandbox/mail/messages?to=ket.qua.dien.tu@example.vn").json()) {
				if (m.get("subject").asString().contains(code) && m.get("subject").asString().contains("đã có kết quả")) {
					told = m;
				}
			}
			Thread.sleep(100);
		}
		assertThat(told).isNotNull();
		assertThat(told.get("body").asString()).contains("Kết quả điện tử đã ký số có trên trang hồ sơ");
		JsonNode verified = api.get("/api/v1/results/" + id + "/verification").json();
		assertThat(verified.get("valid").asBoolean()).isTrue();
		assertThat(verified.get("timestampedAt").isNull()).as("PAdES B-T: time-stamped by the demo's authority").isFalse();
		assertThat(verified.toString()).doesNotContain(citizen.person().idNumber(), citizen.person().fullName());
		// the page behind the QR code and the page that checks a file, for anyone
		WebSession anyone = new WebSession(port);
		HttpResponse<String> page = anyone.get("/results/" + id);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("data-valid=\"true\"", "Sở Xây dựng").doesNotContain(citizen.person().fullName());
		String form = anyone.get("/results/verify").body();
		HttpResponse<String> checked = anyone.postFile("/results/verify", WebSession.csrf(form), "file", "kq.pdf",
				"application/pdf", pdf);
		assertThat(checked.body()).contains("data-valid=\"true\"");
		byte[] changed = pdf.clone();
		changed[20] ^= 1;
		assertThat(anyone.postFile("/results/verify", WebSession.csrf(form), "file", "kq.pdf", "application/pdf", changed)
			.body()).contains("data-valid=\"false\"");
		// administrators see the certificate that signed, and when it must be renewed
		WebSession admin = new WebSession(port);
		admin.signIn("admin", "admin");
		String certificates = admin.get("/admin/signing").body();
		assertThat(certificates).contains("CN=Sở Xây dựng", "data-renew=\"false\"");
		assertThat(specialist.get("/admin/signing").statusCode()).isNotEqualTo(200);
		// the hand-over is recorded: an electronic result handed over in the system unless told otherwise
		assertThat(dossiers.act("officer", code, "RETURN_RESULT", Map.of("handover", "PIGEON")).status()).isEqualTo(400);
		dossiers.ok("officer", code, "RETURN_RESULT", Map.of());
		assertThat(jdbc.sql("select details->>'handover' from dossier_history where dossier_code = ? and action = 'RETURN_RESULT'")
			.param(code).query(String.class).single()).isEqualTo("ELECTRONIC");
		// the history and the audit say who signed what
		assertThat(api.get("/api/v1/dossiers/" + code + "/history", api.token("officer")).json().valueStream()
			.map(h -> h.get("action").asString()).toList()).contains("RESULT_DRAFTED", "RESULT_SIGNED", "FINISH");
	}

	@Test
	void aDraftIsMadeFromTheCasesResultTemplateFilledWithTheDossier() throws Exception {
		String procedure = "9.900018";
		TestProcedures.ensure(api, procedure, "Thủ tục kiểm thử mẫu kết quả", "SXD", 3, 0);
		String caseCode = api.get("/api/v1/procedures/" + procedure).json().get("cases").get(0).get("code").asString();
		String path = "/api/v1/admin/procedures/" + procedure + "/cases/" + caseCode + "/template";
		Map<String, Object> form = Map.of("fields", List.of(Map.of("name", "dienTich", "label", "Diện tích", "type",
				"number", "required", true)));
		Api.Response unknown = put(path, Map.of("documents", List.of(), "form", form, "result", Map.of("title", "Giấy phép",
				"body", "{{applicant.salary}}")));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.body()).contains("applicant.salary");
		Api.Response set = put(path, Map.of("documents", List.of(), "form", form, "result", Map.of("title",
				"Giấy phép xây dựng", "body", "Cấp cho: {{applicant.fullName}}\nDiện tích: {{form.dienTich}} m²\nHồ sơ {{dossier.code}}")));
		assertThat(set.status()).as(set.body()).isEqualTo(200);
		assertThat(set.json().get("result").get("title").asString()).isEqualTo("Giấy phép xây dựng");
		Api.Response filed = api.postJson("/api/v1/dossiers", Map.of("procedureCode", procedure, "channel", "COUNTER",
				"applicant", DossierTestSupport.applicant(18), "formData", Map.of("dienTich", 120.5)), api.token("officer"));
		String code = filed.json().get("code").asString();
		String generate = "/api/v1/dossiers/" + code + "/results:generate";
		assertThat(api.post(generate, "", api.token("specialist")).status()).as("not yet processing").isEqualTo(409);
		dossiers.ok("officer", code, "FORWARD", Map.of());
		assertThat(api.post(generate, "", api.token("officer")).status()).isEqualTo(403);
		Api.Response draft = api.post(generate, "", api.token("specialist"));
		assertThat(draft.status()).as(draft.body()).isEqualTo(201);
		assertThat(draft.json().get("status").asString()).isEqualTo("DRAFT");
		HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.base()
				+ "/api/v1/dossiers/" + code + "/results/" + draft.json().get("id").asString() + "/content"))
			.header("Authorization", "Bearer " + api.token("specialist")).build(), HttpResponse.BodyHandlers.ofByteArray());
		try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
			assertThat(text).contains("GIẤY PHÉP XÂY DỰNG", "Cấp cho: Trần Văn Thử 18", "Diện tích: 120.5 m²", code,
					"SỞ XÂY DỰNG");
		}
		dossiers.ok("specialist", code, "APPROVE", Map.of("note", "Đạt"));
		dossiers.ok("leader", code, "FINISH", Map.of("note", "Đồng ý"));
		assertThat(api.get("/api/v1/dossiers/" + code + "/results", api.token("officer")).json().get(0).get("status")
			.asString()).isEqualTo("SIGNED");
	}

	@Test
	void aResultTheCaseSaysAProvinceLeaderSignsIsFinishedByOneWithTheProvincesCertificate() throws Exception {
		String procedure = "9.900019";
		TestProcedures.ensure(api, procedure, "Thủ tục kiểm thử người ký kết quả", "SXD", 3, 0);
		String caseCode = api.get("/api/v1/procedures/" + procedure).json().get("cases").get(0).get("code").asString();
		String path = "/api/v1/admin/procedures/" + procedure + "/cases/" + caseCode + "/template";
		Api.Response wrong = put(path, Map.of("documents", List.of(), "requiresElectronicResult", true, "resultSigner", "ADMIN"));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.body()).contains("resultSigner");
		Api.Response set = put(path, Map.of("documents", List.of(), "requiresElectronicResult", true, "resultSigner",
				"PROVINCE_LEADER"));
		assertThat(set.status()).as(set.body()).isEqualTo(200);
		assertThat(set.json().get("resultSigner").asString()).isEqualTo("PROVINCE_LEADER");
		Api.Response filed = api.postJson("/api/v1/dossiers", Map.of("procedureCode", procedure, "channel", "COUNTER",
				"applicant", DossierTestSupport.applicant(19)), api.token("officer"));
		String code = filed.json().get("code").asString();
		dossiers.ok("officer", code, "FORWARD", Map.of());
		assertThat(upload(code, "specialist", "Quyết định").statusCode()).isEqualTo(201);
		dossiers.ok("specialist", code, "APPROVE", Map.of("note", "Đạt"));
		Api.Response byDepartment = dossiers.act("leader", code, "FINISH", Map.of("note", "Đồng ý"));
		assertThat(byDepartment.status()).isEqualTo(403);
		assertThat(byDepartment.json().get("detail").asString()).contains("lãnh đạo UBND tỉnh");
		dossiers.ok("province", code, "FINISH", Map.of("note", "Đồng ý"));
		JsonNode result = api.get("/api/v1/dossiers/" + code + "/results", api.token("officer")).json().get(0);
		assertThat(result.get("status").asString()).isEqualTo("SIGNED");
		assertThat(result.get("signer").asString()).as("signed with the province's certificate")
			.isNotEqualTo("Sở Xây dựng").contains("tỉnh");
		assertThat(api.get("/api/v1/results/" + result.get("id").asString() + "/verification").json().get("valid").asBoolean())
			.isTrue();
		// a province leader finishes nothing else
		TestProcedures.ensure(api, PROCEDURE, "Thủ tục kiểm thử kết quả điện tử", "SXD", 3, 0);
		Api.Response other = api.postJson("/api/v1/dossiers", Map.of("procedureCode", PROCEDURE, "channel", "COUNTER",
				"applicant", DossierTestSupport.applicant(20)), api.token("officer"));
		String plain = other.json().get("code").asString();
		dossiers.ok("officer", plain, "FORWARD", Map.of());
		dossiers.ok("specialist", plain, "APPROVE", Map.of("note", "Đạt"));
		assertThat(dossiers.act("province", plain, "FINISH", Map.of("note", "Đồng ý")).status()).isEqualTo(403);
	}

	private Api.Response put(String path, Object body) {
		return api.send(HttpRequest.newBuilder(URI.create(api.base() + path))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json, application/problem+json")
			.PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), api.token("admin"));
	}

	private HttpResponse<String> upload(String code, String user, String title) throws Exception {
		byte[] pdf = ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
				+ "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
			.getBytes(StandardCharsets.ISO_8859_1);
		String boundary = "----motcua" + System.nanoTime();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n" + title + "\r\n--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"giay-phep.pdf\"\r\n"
				+ "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(pdf);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/dossiers/" + code
				+ "/results"))
			.header("Authorization", "Bearer " + api.token(user))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
