package vn.motcua.catalog;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.motcua.MotCuaIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** An administrator uploads a CSV and a national-database file through the catalog page. */
@MotCuaIntegrationTest
class CatalogAdminPageIT {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	HttpClient browser;

	@BeforeEach
	void signIn() throws Exception {
		browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String token = csrf("/login");
		post("/login", "application/x-www-form-urlencoded", ("username=admin&password=admin&_csrf="
				+ URLEncoder.encode(token, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void csvAndNationalFilesThroughThePage() throws Exception {
		String csv = "code,name,field,agencyCode,level,durationWorkingDays,feeVnd,onlineLevel,internal\n"
				+ "9.300001,Thủ tục nhập qua trang quản trị,Lĩnh vực thử nghiệm,STP,PROVINCE,4,0,FULL,false\n";
		HttpResponse<String> r = upload("csv", "catalog.csv", csv);
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.body()).contains("id=\"import-summary\"").contains("Thủ tục mới: 1");

		String bad = "code,name,field,agencyCode,level,durationWorkingDays,feeVnd,onlineLevel,internal\n"
				+ "9.300002,Sai cơ quan,Lĩnh vực thử nghiệm,KHONG_CO,PROVINCE,4,0,FULL,false\n";
		HttpResponse<String> refused = upload("csv", "bad.csv", bad);
		assertThat(refused.body()).contains("id=\"import-errors\"").contains("Dòng 2").contains("KHONG_CO");

		String national = NationalImportIT.RECORD.formatted("12/QĐ-UBND", 3, 3).replace("7.000101", "7.300003");
		HttpResponse<String> json = upload("national", "laythutuc.json", national);
		assertThat(json.body()).contains("Phiên bản mới được công bố: 1");
	}

	@Test
	void anAdministratorWritesAndAmendsAProcedureOnTheEditor() throws Exception {
		String token = csrf("/admin/catalog/procedures/new");
		String bad = form(token, "9.500001", "Thủ tục soạn trên trang", "không phải số", "", "");
		HttpResponse<String> refused = post("/admin/catalog/procedures", "application/x-www-form-urlencoded",
				bad.getBytes(StandardCharsets.UTF_8));
		assertThat(refused.body()).contains("id=\"editor-errors\"").contains("Thời hạn là số nguyên dương")
			.contains("Nhập số quyết định công bố").contains("Thủ tục soạn trên trang");

		String good = form(csrf("/admin/catalog/procedures/new"), "9.500001", "Thủ tục soạn trên trang", "12",
				"55/QĐ-UBND", "Đơn đề nghị | 1 | 0 | bắt buộc\nCăn cước | 0 | 0 | bắt buộc | dữ liệu");
		HttpResponse<String> created = post("/admin/catalog/procedures", "application/x-www-form-urlencoded",
				good.getBytes(StandardCharsets.UTF_8));
		assertThat(created.statusCode()).isEqualTo(302);
		HttpResponse<String> edit = browser.send(HttpRequest.newBuilder(URI.create(base() + "/admin/catalog/procedures/9.500001"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(edit.body()).contains("Đã công bố phiên bản 1").contains("Căn cước | 0 | 0 | bắt buộc | dữ liệu");

		String amended = form(csrf("/admin/catalog/procedures/9.500001"), "9.500001", "Thủ tục soạn trên trang", "8",
				"66/QĐ-UBND", "Đơn đề nghị | 1 | 0 | bắt buộc");
		post("/admin/catalog/procedures", "application/x-www-form-urlencoded", amended.getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(base() + "/procedures/9.500001"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.body()).contains("8 ngày làm việc").doesNotContain("Căn cước");
	}

	@Test
	void aProcedureWithSeveralCasesKeepsTheirCodesWhenAmended() throws Exception {
		String bad = form(csrf("/admin/catalog/procedures/new"), "9.500002", "Thủ tục nhiều trường hợp", "10", "77/QĐ-UBND",
				"Đơn đề nghị | 1 | 0 | bắt buộc") + "&otherCases=" + URLEncoder.encode("Công trình cấp III | ba | ngày",
						StandardCharsets.UTF_8);
		assertThat(post("/admin/catalog/procedures", "application/x-www-form-urlencoded", bad.getBytes(StandardCharsets.UTF_8))
			.body()).contains("Dòng 1 trường hợp khác");
		String good = form(csrf("/admin/catalog/procedures/new"), "9.500002", "Thủ tục nhiều trường hợp", "10",
				"77/QĐ-UBND", "Đơn đề nghị | 1 | 0 | bắt buộc") + "&otherCases=" + URLEncoder.encode(
						"Công trình cấp III | 15 | ngày | 50.000 | 40000 | 50000\nGia hạn | 8 | giờ", StandardCharsets.UTF_8);
		assertThat(post("/admin/catalog/procedures", "application/x-www-form-urlencoded", good.getBytes(StandardCharsets.UTF_8))
			.statusCode()).isEqualTo(302);
		HttpResponse<String> json = browser.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/procedures/9.500002"))
			.header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
		assertThat(json.body()).contains("\"9.500002-01\"", "\"9.500002-02\"", "\"9.500002-03\"", "Công trình cấp III",
				"Gia hạn");
		String edit = browser.send(HttpRequest.newBuilder(URI.create(base() + "/admin/catalog/procedures/9.500002")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		assertThat(edit).contains("Công trình cấp III | 15 | ngày | 50000 | 40000 | 50000 | 9.500002-02");
		// amended with the first other case removed: the second keeps its code
		String amended = form(csrf("/admin/catalog/procedures/9.500002"), "9.500002", "Thủ tục nhiều trường hợp", "10",
				"78/QĐ-UBND", "Đơn đề nghị | 1 | 0 | bắt buộc") + "&otherCases=" + URLEncoder.encode(
						"Gia hạn | 6 | giờ | 0 | 0 | 0 | 9.500002-03", StandardCharsets.UTF_8);
		assertThat(post("/admin/catalog/procedures", "application/x-www-form-urlencoded",
				amended.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(302);
		String after = browser.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/procedures/9.500002"))
			.header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString()).body();
		assertThat(after).contains("\"9.500002-03\"").doesNotContain("\"9.500002-02\"").contains("\"version\":2");
	}

	private static String form(String csrf, String code, String name, String days, String decision, String documents) {
		Map<String, String> f = new java.util.LinkedHashMap<>();
		f.put("_csrf", csrf);
		f.put("code", code);
		f.put("name", name);
		f.put("field", "Lĩnh vực thử nghiệm");
		f.put("agencyCode", "STP");
		f.put("durationAmount", days);
		f.put("durationUnit", "DAYS");
		f.put("onlineLevel", "FULL");
		f.put("feeCounter", "10000");
		f.put("feeOnline", "5000");
		f.put("feePostal", "10000");
		f.put("documents", documents);
		f.put("decisionNumber", decision);
		f.put("decisionDate", "01/04/2026");
		return f.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(java.util.stream.Collectors.joining("&"));
	}

	@Test
	void theProgrammePageShowsPlansAndTotals() throws Exception {
		HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(base() + "/staff/simplification"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"programme-totals\"").contains("Cấp giấy phép bán lẻ rượu")
			.contains("33.33%");
	}

	@Test
	void anAdministratorRecordsAPlanOnTheProgrammePage() throws Exception {
		String token = csrf("/staff/simplification");
		String bad = "_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
				+ "&procedureCode=2.001101&decisionNumber=&decisionDate=31%2F02%2F2026&measure=C%E1%BA%AFt&baselineDays=abc"
				+ "&targetDays=3&baselineCostVnd=0&targetCostVnd=0";
		HttpResponse<String> refused = post("/staff/simplification", "application/x-www-form-urlencoded",
				bad.getBytes(StandardCharsets.UTF_8));
		assertThat(refused.body()).contains("id=\"plan-errors\"").contains("Nhập số quyết định phê duyệt phương án")
			.contains("Ngày quyết định dạng dd/MM/yyyy").contains("Thời hạn ban đầu là số ngày nguyên dương")
			.contains("value=\"2.001101\"");

		String good = "_csrf=" + URLEncoder.encode(csrf("/staff/simplification"), StandardCharsets.UTF_8)
				+ "&procedureCode=2.001101&decisionNumber=99%2FQ%C4%90-UBND&decisionDate=01%2F04%2F2026"
				+ "&measure=C%E1%BA%AFt+gi%E1%BA%A3m&baselineDays=20&targetDays=12&baselineCostVnd=150000"
				+ "&targetCostVnd=150000&business=true";
		HttpResponse<String> created = post("/staff/simplification", "application/x-www-form-urlencoded",
				good.getBytes(StandardCharsets.UTF_8));
		assertThat(created.statusCode()).isEqualTo(302);
		assertThat(browser.send(HttpRequest.newBuilder(URI.create(base() + "/staff/simplification")).build(),
				HttpResponse.BodyHandlers.ofString()).body()).contains("Đã ghi phương án cho thủ tục 2.001101")
			.contains("99/QĐ-UBND");
	}

	@Test
	void thePageIsForAdministrators() throws Exception {
		HttpClient officer = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		browser = officer;
		String token = csrf("/login");
		post("/login", "application/x-www-form-urlencoded", ("username=officer&password=officer&_csrf="
				+ URLEncoder.encode(token, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
		assertThat(browser.send(HttpRequest.newBuilder(URI.create(base() + "/admin/catalog")).build(),
				HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
	}

	private HttpResponse<String> upload(String format, String name, String content) throws Exception {
		String token = csrf("/admin/catalog");
		String boundary = "----motcua" + System.nanoTime();
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n"
				+ "--" + boundary + "\r\nContent-Disposition: form-data; name=\"format\"\r\n\r\n" + format + "\r\n"
				+ "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
		HttpResponse<String> started = post("/admin/catalog/import", "multipart/form-data; boundary=" + boundary,
				body.getBytes(StandardCharsets.UTF_8));
		assertThat(started.statusCode()).as("the import runs in the background").isEqualTo(302);
		String page = started.headers().firstValue("Location").orElseThrow();
		String run = page.substring(page.indexOf("run=") + 4);
		// the page follows the run until it ends, as htmx does every second
		HttpResponse<String> fragment = null;
		for (int i = 0; i < 200; i++) {
			fragment = browser.send(HttpRequest.newBuilder(URI.create(base() + "/admin/catalog/import/runs/" + run)).build(),
					HttpResponse.BodyHandlers.ofString());
			if (!fragment.body().contains("id=\"import-progress\"")) {
				break;
			}
			Thread.sleep(50);
		}
		return fragment;
	}

	private String csrf(String path) throws Exception {
		String page = browser.send(HttpRequest.newBuilder(URI.create(base() + path)).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher m = CSRF.matcher(page);
		assertThat(m.find()).as("CSRF token on " + path).isTrue();
		return m.group(1);
	}

	private HttpResponse<String> post(String path, String type, byte[] body) throws Exception {
		return browser.send(HttpRequest.newBuilder(URI.create(base() + path))
			.header("Content-Type", type)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String base() {
		return "http://localhost:" + port;
	}
}
