package vn.motcua.kpi;

import java.net.URI;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import vn.motcua.Api;
import vn.motcua.MotCuaIntegrationTest;
import vn.motcua.TestProcedures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/kpi} against hand-computed examples: dossiers of the Department of Health (SYT, which no
 * other test uses) migrated with known dates, supplements, open ones and one ending after the period.
 */
@MotCuaIntegrationTest
class KpiIT {

	@LocalServerPort
	int port;

	Api api;

	/**
	 * January 2025, due dates at 08:00. On time: A (finished before due), C (3 days waiting for a supplement given
	 * back), F (open, due after the period), G (a supplement open since before its due date), I (finished after
	 * the period, but within its due date at the period's end). Late: B (finished after due), D (two supplement
	 * requests), E (open past its due date). H is received in February.
	 */
	static final String LINES = String.join("\n",
			line("KPI-A", "ONLINE", "2025-01-06", "2025-01-09", "\"2025-01-08T10:00:00+07:00\"", "[]", 50000, true, true, true),
			line("KPI-B", "COUNTER", "2025-01-06", "2025-01-09", "\"2025-01-10T10:00:00+07:00\"", "[]", 30000, false, true, false),
			line("KPI-C", "ONLINE", "2025-01-06", "2025-01-09", "\"2025-01-12T08:00:00+07:00\"",
					supplements("2025-01-07T08:00:00+07:00", "2025-01-10T08:00:00+07:00"), 0, false, false, false),
			line("KPI-D", "COUNTER", "2025-01-06", "2025-01-20", "\"2025-01-10T08:00:00+07:00\"",
					"[" + supplement("2025-01-07T08:00:00+07:00", "2025-01-08T08:00:00+07:00") + ","
							+ supplement("2025-01-08T10:00:00+07:00", "2025-01-09T08:00:00+07:00") + "]", 20000, false, false, false),
			line("KPI-E", "COUNTER", "2025-01-06", "2025-01-20", "null", "[]", 0, false, false, false),
			line("KPI-F", "ONLINE", "2025-01-27", "2025-02-15", "null", "[]", 0, false, false, false),
			line("KPI-G", "COUNTER", "2025-01-20", "2025-01-28", "null", "[" + supplement("2025-01-25T08:00:00+07:00", null) + "]",
					0, false, false, false),
			line("KPI-H", "COUNTER", "2025-02-03", "2025-02-06", "\"2025-02-05T08:00:00+07:00\"", "[]", 0, false, false, false),
			line("KPI-I", "COUNTER", "2025-01-28", "2025-02-03", "\"2025-02-05T08:00:00+07:00\"", "[]", 0, false, false, false))
			+ "\n";

	@BeforeEach
	void setUp() {
		importExamples(api);
	}

	/** Imports the month of examples once per test JVM. */
	static void importExamples(Api api) {
		TestProcedures.ensure(api, "9.900001", "Thủ tục kiểm thử của Sở Xây dựng", "SXD", 3, 0);
		if (api.get("/api/v1/dossiers/KPI-A", api.token("admin")).status() != 200) {
			Api.Response r = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/admin/dossiers:import"))
				.header("Content-Type", "application/x-ndjson")
				.POST(HttpRequest.BodyPublishers.ofString(LINES)), api.token("admin"));
			assertThat(r.status()).as(r.body()).isEqualTo(200);
			assertThat(r.json().get("imported").asInt()).as(r.body()).isEqualTo(9);
		}
	}

	@Test
	void aPastMonthIsJudgedAtItsEnd() {
		JsonNode k = kpi("from=2025-01-01&to=2025-01-31&agency=SYT", "province");
		assertThat(k.get("received").asLong()).isEqualTo(8);
		assertThat(k.get("receivedOnline").asLong()).isEqualTo(3);
		assertThat(k.get("onlineRate").decimalValue()).isEqualByComparingTo("37.50");
		assertThat(k.get("onTime").asLong()).as("A, C, F, G, I").isEqualTo(5);
		assertThat(k.get("onTimeRate").decimalValue()).isEqualByComparingTo("62.50");
		assertThat(k.get("feeDossiers").asLong()).isEqualTo(3);
		assertThat(k.get("paidOnline").asLong()).isEqualTo(1);
		assertThat(k.get("onlinePaymentRate").decimalValue()).isEqualByComparingTo("33.33");
		assertThat(k.get("digitizedRate").decimalValue()).isEqualByComparingTo("25.00");
		assertThat(k.get("electronicResultRate").decimalValue()).isEqualByComparingTo("12.50");

		JsonNode score = k.get("score");
		JsonNode progress = group(score, "Tiến độ, kết quả giải quyết");
		assertThat(progress.get("score").decimalValue()).as("20 × 5/8").isEqualByComparingTo("12.50");
		JsonNode online = group(score, "Dịch vụ công trực tuyến").get("indicators").get(2);
		assertThat(online.get("score").decimalValue()).as("6 × 37.5 % / 50 %").isEqualByComparingTo("4.50");
		assertThat(group(score, "Mức độ hài lòng").get("fullMax").asInt()).isEqualTo(18);
		JsonNode satisfaction = group(score, "Mức độ hài lòng").get("indicators").get(2);
		assertThat(satisfaction.get("score").decimalValue()).as("100 % − 3/8 late − 0 dissatisfied = 62.5 %; 6 × 62.5/90")
			.isEqualByComparingTo("4.17");
		JsonNode services = group(score, "Dịch vụ công trực tuyến").get("indicators").get(0);
		assertThat(services.get("numerator").asLong()).as("SYT's catalog: 7 of 8 procedures online").isEqualTo(7);
		assertThat(services.get("score").decimalValue()).as("87.5 % ≥ 80 %: full points").isEqualByComparingTo("2.00");
		JsonNode population = group(score, "Số hóa hồ sơ").get("indicators").get(5);
		assertThat(population.get("code").asString()).isEqualTo("4.5b");
		assertThat(population.get("score").decimalValue()).as("no migrated dossier used e-ID or the registry")
			.isEqualByComparingTo("0");
		JsonNode parts = group(score, "Công khai, minh bạch").get("indicators").get(2);
		assertThat(parts.get("code").asString()).isEqualTo("1.3");
		assertThat(parts.get("denominator").asLong()).isEqualTo(8);
		assertThat(parts.get("score").decimalValue()).as("the demo catalog gives SYT's procedures no steps or documents")
			.isEqualByComparingTo("0");
		for (int i : new int[] { 3, 4 }) {
			JsonNode reuse = group(score, "Số hóa hồ sơ").get("indicators").get(i);
			assertThat(reuse.get("code").asString()).isEqualTo(i == 3 ? "4.3" : "4.4");
			assertThat(reuse.get("numerator").asLong()).as("migrated dossiers reused nothing").isZero();
			assertThat(reuse.get("score").decimalValue()).isEqualByComparingTo("0");
		}
		// 0 + 12.5 + 2 + 4.5 + 6 × 1/3 + 6 × 12.5 % + 4 × 25 % + 0 + 0 + 0 + 4.17 = 26.92
		// of 2 + 20 + 2 + 6 + 6 + 6 + 4 + 2 + 4 + 2 + 6 = 60
		assertThat(score.get("total").decimalValue()).isEqualByComparingTo("26.92");
		assertThat(score.get("max").decimalValue()).isEqualByComparingTo("60");
		assertThat(score.get("rating").asString()).as("44.87 of 100").isEqualTo("Yếu");
	}

	@Test
	void aPeriodEndingInTheFutureIsJudgedNow() {
		JsonNode k = kpi("from=2025-01-01&to=2099-12-31&agency=SYT", "admin");
		assertThat(k.get("received").asLong()).isEqualTo(9);
		assertThat(k.get("onTime").asLong()).as("A, C, G (still waiting for its supplement), H").isEqualTo(4);
		assertThat(k.get("onTimeRate").decimalValue()).isEqualByComparingTo("44.44");
	}

	@Test
	void whoMayAskAndForWhat() {
		assertThat(status("from=2025-01-01&to=2025-01-31&agency=SYT", "leader")).as("another department").isEqualTo(403);
		assertThat(status("from=2025-01-01&to=2025-01-31", "specialist")).isEqualTo(403);
		assertThat(status("from=2025-01-01&to=2025-01-31", "leader")).as("their own department").isEqualTo(200);
		assertThat(status("from=2025-01-31&to=2025-01-01", "admin")).isEqualTo(400);
		assertThat(status("from=2025-13-01&to=2025-01-31", "admin")).isEqualTo(400);
		assertThat(status("from=2025-01-01&to=2025-01-31&agency=NO_SUCH", "admin")).isEqualTo(404);
		JsonNode empty = kpi("from=2024-01-01&to=2024-01-31&agency=SYT", "admin");
		assertThat(empty.get("received").asLong()).isZero();
		assertThat(empty.get("onTimeRate").isNull()).as("no denominator, no rate").isTrue();
		assertThat(empty.get("score").get("total").decimalValue())
			.as("only the catalog's 3.1 (2 points), and 5.4 scores 0 without dossiers, as nationally")
			.isEqualByComparingTo("2");
		assertThat(api.get("/api/v1/kpi?from=2025-01-01&to=2025-01-31").status()).isEqualTo(401);
	}

	@Test
	void theLeadersDashboardShowsTheYearTheMonthsAndTheUnitsAndExportsThem() {
		vn.motcua.WebSession province = new vn.motcua.WebSession(port);
		province.signIn("province", "province");
		String page = province.get("/staff/dashboard?year=2025").body();
		assertThat(page).contains("Chỉ số chỉ đạo, điều hành", "id=\"trend-chart\"", "data-kpi=\"onTime\"",
				"Sở Y tế", "echarts.min.js", "01/2025");
		String syt = province.get("/staff/dashboard?year=2025&agency=SYT").body();
		assertThat(syt).contains("33,33 %", "Mục tiêu của tỉnh: 90 %", "id=\"fields\"", "Kiểm thử", "id=\"procedures\"",
				"9.900001");
		assertThat(syt).as("the unit is picked from a list, the chosen one selected").containsPattern(
				"<option value=\"SYT\" selected=\"selected\">Sở Y tế</option>");
		assertThat(province.get("/staff/dashboard?year=2019&agency=SYT").body()).as("a year without dossiers says so")
			.contains("id=\"no-dossiers\"", "năm 2019");
		assertThat(syt).contains("id=\"months\"", "id=\"export-procedures-xlsx\"",
				"/staff/dashboard/late?year=2025&amp;agency=SYT&amp;procedure=9.900001");

		HttpResponse<String> csv = province.get("/staff/dashboard/export?table=units&format=csv&year=2025");
		assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
		assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("chi-so-766-units-2025.csv");
		assertThat(csv.body()).startsWith("\uFEFF\"Hạng\",\"Mã đơn vị\",\"Tên đơn vị\",\"Tiếp nhận\"");
		assertThat(csv.body()).as("9 received in 2025, 3 online, 4 on time by the year's end")
			.contains(",\"SYT\",\"Sở Y tế\",9,3,33.33,4,44.44,3,1,33.33,");
		assertThat(province.get("/staff/dashboard/export?table=procedures&format=csv&year=2025&agency=SYT").body())
			.contains("\"9.900001\"");
		assertThat(province.get("/staff/dashboard/export?table=months&format=csv&year=2025&agency=SYT").body())
			.as("January judged at its end: 8 received, 5 on time; February: H, finished before its due date")
			.contains("\"01/2025\",8,3,37.50,5,62.50,").contains("\"02/2025\",1,0,0.00,1,100.00,");

		HttpResponse<byte[]> xlsx = province.download("/staff/dashboard/export?table=units&format=xlsx&year=2025");
		assertThat(xlsx.statusCode()).isEqualTo(200);
		assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("Tên đơn vị");
			Row sytRow = null;
			for (Row row : sheet) {
				if ("SYT".equals(row.getCell(1).getStringCellValue())) {
					sytRow = row;
				}
			}
			assertThat(sytRow).isNotNull();
			assertThat(sytRow.getCell(3).getNumericCellValue()).as("a number, not text").isEqualTo(9.0);
			assertThat(sytRow.getCell(7).getNumericCellValue()).isEqualTo(44.44);
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		assertThat(province.get("/staff/dashboard/export?table=nothing&format=csv").statusCode()).isEqualTo(400);
		assertThat(province.get("/staff/dashboard/export?table=units&format=pdf").statusCode()).isEqualTo(400);

		String late = province.get("/staff/dashboard/late?year=2025&agency=SYT&procedure=9.900001").body();
		assertThat(late).as("by the year's end: B (finished after due), D (two requests), E and F (open past due), I")
			.contains("KPI-B<", "KPI-D<", "KPI-E<", "KPI-F<", "KPI-I<").doesNotContain("KPI-A<", "KPI-C<", "KPI-G<", "KPI-H<");
		String lateCsv = province.get("/staff/dashboard/export?table=late&format=csv&year=2025&agency=SYT").body();
		assertThat(lateCsv.lines().count()).as("header and five dossiers").isEqualTo(6);
		assertThat(lateCsv).contains("\"KPI-E\",\"9.900001\",\"SYT\",06/01/2025 ");
		vn.motcua.WebSession specialist = new vn.motcua.WebSession(port);
		specialist.signIn("specialist", "specialist");
		assertThat(specialist.get("/staff/dashboard").statusCode()).isEqualTo(403);
	}

	private JsonNode kpi(String query, String user) {
		Api.Response r = api.get("/api/v1/kpi?" + query, api.token(user));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json();
	}

	private int status(String query, String user) {
		return api.get("/api/v1/kpi?" + query, api.token(user)).status();
	}

	private static JsonNode group(JsonNode score, String name) {
		return score.get("groups").valueStream().filter(g -> g.get("name").asString().equals(name)).findFirst().orElseThrow();
	}

	private static String line(String code, String channel, String received, String due, String finished,
			String supplements, long fee, boolean paidOnline, boolean digitized, boolean electronic) {
		return "{\"code\":\"" + code + "\",\"procedureCode\":\"9.900001\",\"agencyCode\":\"SYT\",\"channel\":\"" + channel
				+ "\",\"submittedAt\":\"" + received + "T07:30:00+07:00\",\"receivedAt\":\"" + received
				+ "T08:00:00+07:00\",\"dueAt\":\"" + due + "T08:00:00+07:00\",\"finishedAt\":" + finished
				+ ",\"nationalStatus\":" + ("null".equals(finished) ? 4 : 9) + ",\"supplements\":" + supplements
				+ ",\"feeVnd\":" + fee + ",\"paidOnline\":" + paidOnline + ",\"digitized\":" + digitized
				+ ",\"electronicResult\":" + electronic + "}";
	}

	private static String supplements(String requested, String completed) {
		return "[" + supplement(requested, completed) + "]";
	}

	private static String supplement(String requested, String completed) {
		return "{\"requestedAt\":\"" + requested + "\",\"completedAt\":" + (completed == null ? "null" : "\"" + completed + "\"")
				+ "}";
	}
}
