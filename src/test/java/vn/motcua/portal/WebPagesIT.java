package vn.motcua.portal;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.motcua.MotCuaIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The pages over plain HTTP: headers, language, sign-in with CSRF, sessions kept in PostgreSQL. */
@MotCuaIntegrationTest
class WebPagesIT {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	HttpClient browser;

	@BeforeEach
	void setUp() {
		browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	@Test
	void homePageIsVietnameseWithSecurityHeadersAndNoSessionForAnonymousVisitors() throws Exception {
		HttpResponse<String> home = get("/");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("lang=\"vi\"").contains("Dịch vụ công trực tuyến tỉnh Cà Mau")
			.contains("name=\"viewport\"");
		assertThat(home.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'self'")
			.contains("frame-ancestors 'none'");
		assertThat(home.headers().firstValue("X-Frame-Options")).contains("DENY");
		assertThat(home.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(home.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("MOTCUA_SESSION"));
	}

	@Test
	void englishIsOneSwitchAwayAndStays() throws Exception {
		HttpResponse<String> english = get("/?lang=en");
		assertThat(english.body()).contains("lang=\"en\"").contains("Online public services of Cà Mau province");
		assertThat(get("/").body()).contains("lang=\"en\"");
		assertThat(get("/?lang=vi").body()).contains("lang=\"vi\"");
	}

	@Test
	void officerSignsInThroughTheFormAndTheSessionLivesInPostgresql() throws Exception {
		long sessionsBefore = jdbc.sql("select count(*) from spring_session where principal_name = 'officer'")
			.query(Long.class)
			.single();
		HttpResponse<String> done = signIn("officer", "officer");
		assertThat(done.statusCode()).isEqualTo(302);
		assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/staff");
		assertThat(jdbc.sql("select count(*) from spring_session where principal_name = 'officer'")
			.query(Long.class)
			.single()).isEqualTo(sessionsBefore + 1);

		HttpResponse<String> staff = get("/staff");
		assertThat(staff.statusCode()).isEqualTo(200);
		assertThat(staff.body()).contains("id=\"staff-nav\"").contains("Bàn làm việc").contains("Cơ cấu tổ chức")
			.contains("Cán bộ một cửa")
			.doesNotContain("Nhật ký hệ thống");
		assertThat(get("/staff/agencies").body()).contains("Trung tâm Phục vụ hành chính công tỉnh Cà Mau");
		assertThat(get("/admin/audit").statusCode()).isEqualTo(403);
	}

	@Test
	void adminSeesTheAuditLogPage() throws Exception {
		signIn("admin", "admin");
		HttpResponse<String> audit = get("/admin/audit");
		assertThat(audit.statusCode()).isEqualTo(200);
		assertThat(audit.body()).contains("Nhật ký hệ thống").contains("auth.sign-in");
	}

	@Test
	void wrongPasswordReturnsToTheFormWithAMessage() throws Exception {
		HttpResponse<String> failed = signIn("officer", "wrong");
		assertThat(failed.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
		assertThat(get("/login?error").body()).contains("Tên đăng nhập hoặc mật khẩu không đúng.");
	}

	@Test
	void formsWithoutTheCsrfTokenAreRefused() throws Exception {
		HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=officer&password=officer"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(r.statusCode()).isEqualTo(403);
	}

	@Test
	void citizensAreSentToTheirOwnSignInPageAndStaffToTheirs() throws Exception {
		HttpResponse<String> filing = get("/dossiers/new?procedure=1.001106");
		assertThat(filing.statusCode()).isEqualTo(302);
		assertThat(filing.headers().firstValue("Location").orElseThrow()).endsWith("/sign-in");
		String page = get("/sign-in").body();
		assertThat(page).contains("Đăng nhập công dân, doanh nghiệp", "id=\"sign-in-vneid\"", "id=\"staff-sign-in\"")
			.doesNotContain("id=\"username\"");
		assertThat(get("/").body()).contains("id=\"home-sign-in-citizen\"", "id=\"home-sign-in-staff\"");
	}

	@Test
	void staffPagesNeedSignIn() throws Exception {
		HttpResponse<String> r = get("/staff");
		assertThat(r.statusCode()).isEqualTo(302);
		assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/login");
	}

	@Test
	void unknownPageForASignedInUserIsAVietnamese404Page() throws Exception {
		signIn("officer", "officer");
		HttpResponse<String> r = get("/no-such-page");
		assertThat(r.statusCode()).isEqualTo(404);
		assertThat(r.body()).contains("Không tìm thấy trang bạn yêu cầu.");
	}

	private HttpResponse<String> signIn(String user, String password) throws Exception {
		HttpResponse<String> form = get("/login");
		Matcher m = CSRF.matcher(form.body());
		assertThat(m.find()).as("the sign-in form carries a CSRF token").isTrue();
		String body = "username=" + user + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
				+ "&_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
		return browser.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws Exception {
		return browser.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private String base() {
		return "http://localhost:" + port;
	}
}
