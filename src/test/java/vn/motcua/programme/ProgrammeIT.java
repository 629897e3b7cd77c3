package vn.motcua.programme;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import vn.motcua.Api;
import vn.motcua.MotCuaIntegrationTest;
import vn.motcua.platform.Zones;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The programme tracker through its API: the five clear fields, evidence for done, who may plan, read and report,
 * the status and rates, the plan's import (bad lines, nothing half-imported), the S&T share from the roster, and the
 * reminders. Each test plans its tasks in a programme of its own, beside the demo's.
 */
@MotCuaIntegrationTest
class ProgrammeIT {

	private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	Api api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReminderSweep reminders;

	@Autowired
	vn.motcua.TestClock clock;

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.VIETNAM));
	}

	private void programme(String code) {
		Api.Response r = api.putJson("/api/v1/programme/programmes/" + code, Map.of("name", "Kế hoạch kiểm thử " + code,
				"groups", List.of(Map.of("code", "G1", "name", "Nhóm 1"))), api.token("admin"));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
	}

	private Map<String, Object> task(String programme, String code, LocalDate deadline) {
		Map<String, Object> t = new HashMap<>();
		t.put("programme", programme);
		t.put("code", code);
		t.put("title", "Làm sạch dữ liệu hộ tịch " + code);
		t.put("ownerUsername", "specialist");
		t.put("unitCode", "SXD");
		t.put("partnerUnitCodes", List.of("STP"));
		t.put("startDate", deadline.minusDays(60).toString());
		t.put("deadline", deadline.toString());
		t.put("expectedResult", "≥ 80% dữ liệu được làm sạch");
		t.put("targetValue", 80);
		t.put("targetUnit", "%");
		return t;
	}

	private JsonNode create(Map<String, Object> task, String user) {
		Api.Response r = api.postJson("/api/v1/programme/tasks", task, api.token(user));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json();
	}

	private String evidence(long id, String user) {
		Api.Response r = api.postFile("/api/v1/programme/tasks/" + id + "/evidence", "bien-ban.pdf", "application/pdf",
				PDF, api.token(user));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("id").asString();
	}

	@Test
	void aTaskNeedsItsFiveClearFieldsAndDoneNeedsEvidence() {
		programme("KT_FIVE");
		Api.Response empty = api.postJson("/api/v1/programme/tasks", Map.of("programme", "KT_FIVE", "code", "K-1"),
				api.token("admin"));
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.json().get("errors").valueStream().map(e -> e.get("field").asString()))
			.contains("title", "ownerUsername", "unitCode", "deadline", "expectedResult");
		Map<String, Object> wrong = task("KT_FIVE", "K-2", today().plusDays(30));
		wrong.put("ownerUsername", "nobody.here");
		wrong.put("partnerUnitCodes", List.of("NO_SUCH_UNIT"));
		wrong.put("startDate", today().plusDays(40).toString());
		Api.Response refused = api.postJson("/api/v1/programme/tasks", wrong, api.token("admin"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").valueStream().map(e -> e.get("field").asString()))
			.contains("ownerUsername", "partnerUnitCodes", "deadline");

		JsonNode t = create(task("KT_FIVE", "K-3", today().minusDays(3)), "admin");
		assertThat(t.get("status").asString()).as("plans are recorded late").isEqualTo("OVERDUE");
		assertThat(api.postJson("/api/v1/programme/tasks", task("KT_FIVE", "K-3", today()), api.token("admin")).status())
			.as("a code once per programme").isEqualTo(409);
		long id = t.get("id").asLong();
		Api.Response noEvidence = api.postJson("/api/v1/programme/tasks/" + id + "/reports",
				Map.of("progressPercent", 100, "done", true), api.token("specialist"));
		assertThat(noEvidence.status()).isEqualTo(400);
		assertThat(noEvidence.json().get("errors").get(0).get("field").asString()).isEqualTo("evidenceDocumentIds");
		assertThat(api.postJson("/api/v1/programme/tasks/" + id + "/reports", Map.of("progressPercent", 101),
				api.token("specialist")).status()).isEqualTo(400);
		assertThat(api.postJson("/api/v1/programme/tasks/" + id + "/reports", Map.of("progressPercent", 40.5),
				api.token("specialist")).status()).isEqualTo(400);
		Api.Response progress = api.postJson("/api/v1/programme/tasks/" + id + "/reports",
				Map.of("progressPercent", 60, "note", "Đã làm sạch 48% dữ liệu", "value", 48), api.token("specialist"));
		assertThat(progress.status()).as(progress.body()).isEqualTo(201);
		String doc = evidence(id, "specialist");
		Api.Response done = api.postJson("/api/v1/programme/tasks/" + id + "/reports",
				Map.of("done", true, "evidenceDocumentIds", List.of(doc), "value", 82), api.token("specialist"));
		assertThat(done.status()).as(done.body()).isEqualTo(201);
		assertThat(done.json().get("progressPercent").asInt()).isEqualTo(100);
		JsonNode after = api.get("/api/v1/programme/tasks/" + id, api.token("specialist")).json();
		assertThat(after.get("status").asString()).isEqualTo("DONE_LATE");
		assertThat(after.get("doneAt").asString()).isEqualTo(today().toString());
		assertThat(after.get("reports")).hasSize(2);
		assertThat(after.get("currentValue").decimalValue()).isEqualByComparingTo("82");
		assertThat(api.postJson("/api/v1/programme/tasks/" + id + "/reports", Map.of("progressPercent", 100),
				api.token("specialist")).status()).as("a done task takes no report").isEqualTo(409);
		assertThat(jdbc.sql("select count(*) from audit_record where subject_type = 'programme-task' and subject_id = ?")
			.param(Long.toString(id)).query(Long.class).single()).as("created, reported, evidence, done").isEqualTo(4);
	}

	@Test
	void whoMayPlanReadAndReport() {
		programme("KT_ACCESS");
		assertThat(api.postJson("/api/v1/programme/tasks", task("KT_ACCESS", "A-0", today().plusDays(30)),
				api.token("specialist")).status()).as("a specialist plans nothing").isEqualTo(403);
		Map<String, Object> other = task("KT_ACCESS", "A-1", today().plusDays(30));
		other.put("unitCode", "STP");
		assertThat(api.postJson("/api/v1/programme/tasks", other, api.token("leader")).status())
			.as("another department's unit").isEqualTo(403);
		long id = create(task("KT_ACCESS", "A-2", today().plusDays(30)), "leader").get("id").asLong();
		create(other, "province");

		assertThat(api.get("/api/v1/programme/tasks/" + id, api.token("specialist.stp")).status())
			.as("outside the unit's subtree: not found").isEqualTo(404);
		assertThat(api.postJson("/api/v1/programme/tasks/" + id + "/reports", Map.of("progressPercent", 10),
				api.token("specialist.stp")).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/programme/tasks/" + id, api.token("specialist.qlxd")).status())
			.as("a division reads only its own subtree").isEqualTo(404);
		assertThat(api.postJson("/api/v1/programme/tasks/" + id + "/reports", Map.of("progressPercent", 10),
				api.token("leader.qlxd")).status()).as("the division's leader is below the task's unit").isEqualTo(404);
		assertThat(api.postJson("/api/v1/programme/tasks/" + id + "/reports", Map.of("progressPercent", 10),
				api.token("officer")).status()).isEqualTo(404);
		Map<String, Object> leaders = task("KT_ACCESS", "A-3", today().plusDays(30));
		leaders.put("ownerUsername", "leader");
		long theLeaders = create(leaders, "leader").get("id").asLong();
		assertThat(api.get("/api/v1/programme/tasks/" + theLeaders, api.token("specialist")).status())
			.as("the unit's staff read it").isEqualTo(200);
		assertThat(api.postJson("/api/v1/programme/tasks/" + theLeaders + "/reports", Map.of("progressPercent", 10),
				api.token("specialist")).status()).as("but only its owner and leaders report").isEqualTo(403);
		assertThat(api.postJson("/api/v1/programme/tasks/" + id + "/reports", Map.of("progressPercent", 20),
				api.token("leader")).status()).as("a leader of the unit").isEqualTo(201);
		assertThat(api.postJson("/api/v1/programme/tasks/" + id + "/reports", Map.of("progressPercent", 30),
				api.token("specialist")).status()).as("the owner").isEqualTo(201);

		assertThat(codes(api.get("/api/v1/programme/tasks?programme=KT_ACCESS", api.token("leader")).json()))
			.containsExactlyInAnyOrder("A-2", "A-3");
		assertThat(codes(api.get("/api/v1/programme/tasks?programme=KT_ACCESS", api.token("admin")).json()))
			.containsExactlyInAnyOrder("A-1", "A-2", "A-3");
		assertThat(codes(api.get("/api/v1/programme/tasks?programme=KT_ACCESS&unit=STP", api.token("province")).json()))
			.containsExactly("A-1");
		assertThat(api.get("/api/v1/programme/tasks?status=LATE", api.token("admin")).status()).isEqualTo(400);
	}

	@Test
	void theSummaryCountsEachStatusAndTheRates() throws Exception {
		programme("KT_SUM");
		LocalDate t = today();
		long onTime = create(task("KT_SUM", "S-1", t.plusDays(3)), "admin").get("id").asLong();
		long late = create(task("KT_SUM", "S-2", t.minusDays(2)), "admin").get("id").asLong();
		create(task("KT_SUM", "S-3", t.minusDays(1)), "admin");
		create(task("KT_SUM", "S-4", t.plusDays(7)), "admin");
		long onTrack = create(task("KT_SUM", "S-5", t.plusDays(30)), "admin").get("id").asLong();
		create(task("KT_SUM", "S-6", t.plusDays(8)), "admin");
		for (long id : new long[] { onTime, late }) {
			String doc = evidence(id, "specialist");
			assertThat(api.postJson("/api/v1/programme/tasks/" + id + "/reports",
					Map.of("done", true, "evidenceDocumentIds", List.of(doc)), api.token("specialist")).status()).isEqualTo(201);
		}
		api.postJson("/api/v1/programme/tasks/" + onTrack + "/reports", Map.of("progressPercent", 10), api.token("specialist"));
		JsonNode s = api.get("/api/v1/programme/summary?programme=KT_SUM", api.token("admin")).json();
		assertThat(s.get("total").asInt()).isEqualTo(6);
		assertThat(s.get("doneOnTime").asInt()).isEqualTo(1);
		assertThat(s.get("doneLate").asInt()).isEqualTo(1);
		assertThat(s.get("overdue").asInt()).isEqualTo(1);
		assertThat(s.get("dueSoon").asInt()).as("today + 7 is still soon").isEqualTo(1);
		assertThat(s.get("onTrack").asInt()).isEqualTo(1);
		assertThat(s.get("notStarted").asInt()).isEqualTo(1);
		assertThat(s.get("completionRate").decimalValue()).isEqualByComparingTo("33.33");
		assertThat(s.get("onTimeRate").decimalValue()).isEqualByComparingTo("50.00");
		assertThat(codes(api.get("/api/v1/programme/tasks?programme=KT_SUM&status=OVERDUE", api.token("admin")).json()))
			.containsExactly("S-3");
		// the periodic report: every task of the programme in the spreadsheet, the figures in the PDF
		java.net.http.HttpResponse<byte[]> xlsx = download("/api/v1/programme/report?programme=KT_SUM&format=xlsx");
		try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
			assertThat(book.getSheetAt(0).getPhysicalNumberOfRows()).as("a heading and six tasks").isEqualTo(7);
			assertThat(book.getSheetAt(0).getRow(0).getCell(1).getStringCellValue()).isEqualTo("Mã nhiệm vụ");
		}
		java.net.http.HttpResponse<byte[]> pdf = download("/api/v1/programme/report?programme=KT_SUM&format=pdf");
		assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
		try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
			assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).contains("BÁO CÁO TIẾN ĐỘ",
					"Tỷ lệ hoàn thành: 33,33 %", "Tỷ lệ hoàn thành đúng hạn: 50 %", "S-3");
		}
		assertThat(download("/api/v1/programme/report?programme=KT_SUM&format=doc").statusCode()).isEqualTo(400);
		programme("KT_EMPTY");
		JsonNode none = api.get("/api/v1/programme/summary?programme=KT_EMPTY", api.token("admin")).json();
		assertThat(none.get("total").asInt()).isZero();
		assertThat(none.get("completionRate").isNull()).isTrue();
		assertThat(none.get("onTimeRate").isNull()).isTrue();
	}

	@Test
	void aPlanIsImportedWholeOrNotAtAll() throws Exception {
		programme("KT_IMPORT");
		String bad = "Mã nhiệm vụ,Nhiệm vụ,Người chủ trì,Đơn vị chủ trì,Đơn vị phối hợp,Ngày bắt đầu,Thời hạn,Kết quả\n"
				+ "I-1,Số hóa sổ hộ tịch,specialist.stp,STP,SXD,01/01/2026,31/12/2026,≥ 80% sổ được số hóa\n"
				+ "I-2,Làm sạch dữ liệu đất đai,nobody,SNNMT,,01/01/2026,30/02/2026,≥ 70% thửa đất\n"
				+ "I-1,Trùng mã,specialist,SXD,,01/01/2026,31/12/2026,kết quả\n"
				+ "I-4,,specialist,NO_UNIT,,,,\n";
		Api.Response refused = api.postFile("/api/v1/programme/tasks:import?programme=KT_IMPORT", "ke-hoach.csv",
				"text/csv", bad.getBytes(StandardCharsets.UTF_8), api.token("admin"));
		assertThat(refused.status()).isEqualTo(400);
		List<String> fields = refused.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
		assertThat(fields).contains("line 3: ownerUsername", "line 3: deadline", "line 4: code", "line 5: title",
				"line 5: unitCode", "line 5: deadline", "line 5: expectedResult");
		assertThat(fields).noneMatch(f -> f.startsWith("line 2:"));
		assertThat(count("KT_IMPORT")).as("nothing half-imported").isZero();

		byte[] xlsx;
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = book.createSheet("Kế hoạch");
			String[] head = { "Mã nhiệm vụ", "Nhóm", "Nội dung nhiệm vụ", "Người chủ trì", "Đơn vị chủ trì", "Thời hạn",
					"Kết quả", "Chỉ tiêu", "Đơn vị tính" };
			XSSFRow h = sheet.createRow(0);
			for (int i = 0; i < head.length; i++) {
				h.createCell(i).setCellValue(head[i]);
			}
			for (int r = 1; r <= 3; r++) {
				XSSFRow row = sheet.createRow(r);
				row.createCell(0).setCellValue("X-" + r);
				row.createCell(1).setCellValue("G1");
				row.createCell(2).setCellValue("Nhiệm vụ " + r);
				row.createCell(3).setCellValue("leader");
				row.createCell(4).setCellValue("SXD");
				var cell = row.createCell(5);
				cell.setCellValue(LocalDate.of(2026, 12, 20 + r));
				var style = book.createCellStyle();
				style.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
				cell.setCellStyle(style);
				row.createCell(6).setCellValue("Kết quả " + r);
				row.createCell(7).setCellValue(80);
				row.createCell(8).setCellValue("%");
			}
			book.write(out);
			xlsx = out.toByteArray();
		}
		Api.Response imported = api.postFile("/api/v1/programme/tasks:import?programme=KT_IMPORT", "ke-hoach.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx, api.token("leader"));
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(imported.json().get("imported").asInt()).isEqualTo(3);
		JsonNode x2 = api.get("/api/v1/programme/tasks?programme=KT_IMPORT", api.token("leader")).json().get("items").get(1);
		assertThat(x2.get("deadline").asString()).isEqualTo("2026-12-22");
		assertThat(x2.get("group").asString()).isEqualTo("G1");
		assertThat(x2.get("targetValue").decimalValue()).isEqualByComparingTo("80");
		assertThat(api.postFile("/api/v1/programme/tasks:import?programme=KT_IMPORT", "ke-hoach.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx, api.token("leader")).status())
			.as("the same plan twice: its codes exist").isEqualTo(400);
		assertThat(api.postFile("/api/v1/programme/tasks:import?programme=KT_IMPORT", "ke-hoach.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "not a workbook".getBytes(),
				api.token("leader")).status()).isEqualTo(400);
		assertThat(count("KT_IMPORT")).isEqualTo(3);
	}

	@Test
	void theShareOfLeadersWithScienceExpertiseComesFromTheRoster() {
		String roster = "Mã đơn vị,Họ và tên,Chức vụ,Trình độ chuyên môn,Chuyên môn KHCN,Đã bồi dưỡng KHCN\n"
				+ "SKHCN,Nguyễn Văn A,Giám đốc,Tiến sĩ Vật lý,có,có\n"
				+ "SKHCN,Trần Thị B,Phó Giám đốc,Thạc sĩ CNTT,có,không\n"
				+ "STP,Lê Văn C,Giám đốc,Cử nhân Luật,không,có\n"
				+ "STP,Phạm Văn D,Phó Giám đốc,Cử nhân Luật,không,không\n"
				+ "STC,Võ Thị E,Giám đốc,Thạc sĩ Kinh tế,không,không\n";
		assertThat(api.postFile("/api/v1/programme/leadership/roster:import", "lanh-dao.csv", "text/csv",
				roster.getBytes(StandardCharsets.UTF_8), api.token("leader")).status()).as("not a leader's list").isEqualTo(403);
		Api.Response bad = api.postFile("/api/v1/programme/leadership/roster:import", "lanh-dao.csv", "text/csv",
				(roster + "NO_UNIT,X,Giám đốc,,có lẽ,\n").getBytes(StandardCharsets.UTF_8), api.token("admin"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").valueStream().map(e -> e.get("field").asString()))
			.containsExactlyInAnyOrder("line 7: unitCode", "line 7: stExpertise");
		long before = jdbc.sql("select count(*) from leadership_roster").query(Long.class).single();
		assertThat(before).as("the bad file changed nothing").isPositive();
		Api.Response ok = api.postFile("/api/v1/programme/leadership/roster:import", "lanh-dao.csv", "text/csv",
				roster.getBytes(StandardCharsets.UTF_8), api.token("admin"));
		assertThat(ok.status()).as(ok.body()).isEqualTo(200);
		JsonNode shares = api.get("/api/v1/programme/leadership/shares", api.token("specialist")).json();
		JsonNode province = shares.get(0);
		assertThat(province.get("leaders").asInt()).isEqualTo(5);
		assertThat(province.get("withExpertise").asInt()).isEqualTo(2);
		assertThat(province.get("rate").decimalValue()).isEqualByComparingTo("40.00");
		assertThat(province.get("meetsTarget").asBoolean()).isTrue();
		Map<String, JsonNode> units = new HashMap<>();
		shares.valueStream().skip(1).forEach(s -> units.put(s.get("unitCode").asString(), s));
		assertThat(units.get("SKHCN").get("rate").decimalValue()).isEqualByComparingTo("100.00");
		assertThat(units.get("STP").get("rate").decimalValue()).isEqualByComparingTo("0.00");
		assertThat(units.get("STP").get("trained").asInt()).isEqualTo(1);
		assertThat(units.get("STC").get("meetsTarget").asBoolean()).isFalse();
		JsonNode indicator = api.get("/api/v1/programme/indicators?programme=NQ_57", api.token("leader")).json()
			.valueStream().filter(i -> i.get("code").asString().equals("NQ57_LEADERS_ST")).findFirst().orElseThrow();
		assertThat(indicator.get("latest").decimalValue()).isEqualByComparingTo("40.00");
		assertThat(indicator.get("meetsTarget").asBoolean()).isTrue();
		assertThat(api.get("/api/v1/programme/leadership/roster", api.token("leader.stp")).json())
			.as("a department leader sees their own unit's leaders").hasSize(2);
	}

	@Test
	void aModelIsRecordedWithItsIndicatorsAndEvidenceAndTheReportCitesIt() throws Exception {
		programme("KT_MODEL");
		Api.Response refused = api.postJson("/api/v1/programme/initiatives", Map.of("programme", "KT_MODEL", "name",
				"Nuôi tôm tuần hoàn", "ownerUsername", "specialist.snnmt", "unitCode", "SNNMT"), api.token("leader"));
		assertThat(refused.status()).as("another department's model").isEqualTo(403);
		Api.Response created = api.postJson("/api/v1/programme/initiatives", Map.of("programme", "KT_MODEL", "name",
				"Nuôi tôm tuần hoàn", "ownerUsername", "specialist.snnmt", "unitCode", "SNNMT", "indicators",
				"Năng suất ≥ 40 tấn/ha/vụ"), api.token("province"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(api.postFile("/api/v1/programme/initiatives/" + id + "/evidence", "anh.pdf", "application/pdf", PDF,
				api.token("specialist")).status()).isEqualTo(403);
		assertThat(api.postFile("/api/v1/programme/initiatives/" + id + "/evidence", "anh.pdf", "application/pdf", PDF,
				api.token("specialist.snnmt")).status()).as("its owner").isEqualTo(201);
		JsonNode listed = api.get("/api/v1/programme/initiatives?programme=KT_MODEL", api.token("leader")).json().get(0);
		assertThat(listed.get("evidence")).hasSize(1);
		java.net.http.HttpResponse<byte[]> pdf = download("/api/v1/programme/report?programme=KT_MODEL&format=pdf");
		try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
			assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).contains("Nuôi tôm tuần hoàn",
					"Năng suất ≥ 40 tấn/ha/vụ");
		}
	}

	@Test
	void ownersAndLeadersAreRemindedOnceAWeekBeforeAndOnceWhenOverdue() {
		programme("KT_REMIND");
		long soon = create(task("KT_REMIND", "R-1", today().plusDays(6)), "admin").get("id").asLong();
		long late = create(task("KT_REMIND", "R-2", today().minusDays(1)), "admin").get("id").asLong();
		long later = create(task("KT_REMIND", "R-3", today().plusDays(40)), "admin").get("id").asLong();
		reminders.sweep();
		assertThat(messages(soon, "PROGRAMME_DUE")).as("the owner and the unit's leader").isEqualTo(2);
		assertThat(messages(late, "PROGRAMME_OVERDUE")).isEqualTo(2);
		assertThat(messages(later, "PROGRAMME_DUE")).isZero();
		reminders.sweep();
		assertThat(messages(soon, "PROGRAMME_DUE")).as("once").isEqualTo(2);
	}

	private java.net.http.HttpResponse<byte[]> download(String path) {
		try {
			return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create(api.base() + path))
				.header("Authorization", "Bearer " + api.token("admin"))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private long messages(long task, String event) {
		return jdbc.sql("select count(*) from notification where event = ? and dedupe_key like ?")
			.params(event, "PROGRAMME|" + task + "|%").query(Long.class).single();
	}

	private long count(String programme) {
		return jdbc.sql("select count(*) from programme_task where programme_code = ?").param(programme)
			.query(Long.class).single();
	}

	private static List<String> codes(JsonNode page) {
		return page.get("items").valueStream().map(t -> t.get("code").asString()).toList();
	}
}
