package vn.motcua.portal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.motcua.Api;
import vn.motcua.Browsers;
import vn.motcua.MotCuaIntegrationTest;
import vn.motcua.TestProcedures;
import vn.motcua.WebSession;
import vn.motcua.sandbox.DemoCitizens;
import vn.motcua.sandbox.DemoCitizens.DemoCitizen;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each role's main journey on a 360-px phone and a 1366-px desktop, axe-core checking every page on the way
 * ({@link vn.motcua.Accessibility}: zero violations, nothing scrolling sideways on the phone). The README's
 * screenshots are this test's: the citizen's phone path and the officer's workspace are rewritten in
 * {@code docs/screenshots/} on every run, the other pages in {@code target/screenshots/}.
 */
@MotCuaIntegrationTest
class WorkspacesBrowserIT {

	private static final String PROCEDURE = "9.900001";

	private static final Path SCREENSHOTS = Path.of("docs", "screenshots");

	@LocalServerPort
	int port;

	Api api;

	WebDriver browser;

	private WebDriverWait wait;

	private int width;

	@ParameterizedTest(name = "{0} px")
	@ValueSource(ints = { 360, 1366 })
	void aCitizenFindsAProcedureFollowsTheirDossierAndTracksIt(int width) throws Exception {
		DemoCitizen citizen = DemoCitizens.all().stream().filter(c -> c.level() == 2 && c.taxCode() == null)
			.findFirst().orElseThrow();
		String code = fileOnline(citizen);
		open(width);
		browser.get(base() + "/");
		shot("citizen-1-home");
		Browsers.click(browser, wait, By.id("home-sign-in-citizen"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-vneid")));
		shot("citizen-2-sign-in");
		Browsers.signInAsCitizen(browser, wait, port, citizen.person().idNumber());
		browser.get(base() + "/procedures?q=" + java.net.URLEncoder.encode("khai sinh", java.nio.charset.StandardCharsets.UTF_8));
		Browsers.click(browser, wait, By.cssSelector("a[href^='/procedures/']"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("submit-online")));
		shot("citizen-3-procedure");
		Browsers.click(browser, wait, By.id("submit-online"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("filing-form")));
		shot("citizen-4-filing");
		browser.get(base() + "/my/dossiers");
		Browsers.click(browser, wait, By.linkText(code));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dossier-status")));
		assertThat(browser.findElements(By.id("steps"))).as("internal steps are the staff's").isEmpty();
		shot("citizen-5-dossier");
		browser.get(base() + "/track?code=" + code + "&idNumber=" + citizen.person().idNumber());
		assertThat(browser.getPageSource()).contains(code);
		shot("citizen-6-track");
	}

	@ParameterizedTest(name = "{0} px")
	@ValueSource(ints = { 360, 1366 })
	void anOfficerWorksFromTheQueuesAndReceivesADossier(int width) throws Exception {
		DemoCitizen citizen = DemoCitizens.all().stream().filter(c -> c.level() == 2 && c.taxCode() == null)
			.skip(1).findFirst().orElseThrow();
		String code = fileOnline(citizen);
		open(width);
		Browsers.signIn(browser, port, "officer", "officer");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("queue-turn")));
		shot("officer-1-workspace");
		browser.get(base() + "/staff/dossiers");
		Browsers.click(browser, wait, By.id("tab-queue-turn"));
		wait.until(ExpectedConditions.attributeContains(By.id("tab-queue-turn"), "class", "active"));
		assertThat(browser.findElements(By.linkText(code))).as("an online dossier waits at the officer's desk").isNotEmpty();
		shot("officer-2-inbox");
		Browsers.click(browser, wait, By.linkText(code));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.action-form[data-action='RECEIVE']")));
		shot("officer-3-dossier");
		Browsers.click(browser, wait, By.id("do-RECEIVE"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
		assertThat(browser.findElement(By.id("dossier-status")).getAttribute("data-status")).isEqualTo("RECEIVED");
		assertThat(browser.findElement(By.id("history")).getText()).as("people by name, the applicant as such")
			.contains(citizen.person().fullName() + " (người nộp)", "Nguyễn Thị Mai (một cửa tỉnh) (officer)");
		// the rare actions wait behind a confirmation
		assertThat(browser.findElements(By.cssSelector("#rare-actions[open]"))).isEmpty();
	}

	@ParameterizedTest(name = "{0} px")
	@ValueSource(ints = { 360, 1366 })
	void aLeaderReadsTheDashboardAndAssignsFromTheUnitsSpecialists(int width) throws Exception {
		TestProcedures.ensure(api, PROCEDURE, "Thủ tục kiểm thử của Sở Xây dựng", "SXD", 3, 0);
		Api.Response filed = api.postJson("/api/v1/dossiers", Map.of("procedureCode", PROCEDURE, "channel", "COUNTER",
				"applicant", Map.of("type", "CITIZEN", "idNumber", "096090" + (width == 360 ? "160360" : "161366"),
						"fullName", "Lê Văn Giao", "dateOfBirth", "1990-03-15", "phone", "0912345678")),
				api.token("officer"));
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		String code = filed.json().get("code").asString();
		int version = api.get("/api/v1/dossiers/" + code, api.token("officer")).json().get("version").asInt();
		assertThat(api.postJson("/api/v1/dossiers/" + code + "/actions", Map.of("action", "FORWARD", "version", version),
				api.token("officer")).status()).isEqualTo(200);
		open(width);
		Browsers.signIn(browser, port, "leader", "leader");
		browser.get(base() + "/staff/dashboard");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("agency")));
		shot("leader-1-dashboard");
		browser.get(base() + "/staff/dashboard/late");
		browser.get(base() + "/dossiers/" + code);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ASSIGN-assignee")));
		assertThat(browser.findElement(By.id("ASSIGN-assignee")).getTagName()).as("picked, not typed").isEqualTo("select");
		shot("leader-2-assign");
	}

	@ParameterizedTest(name = "{0} px")
	@ValueSource(ints = { 360, 1366 })
	void anAdministratorGoesThroughTheAdministrationPages(int width) throws Exception {
		open(width);
		Browsers.signIn(browser, port, "admin", "admin");
		for (String page : new String[] { "/admin/accounts", "/admin/audit", "/admin/catalog", "/admin/catalog/synonyms",
				"/admin/calendar", "/admin/processes", "/admin/registry", "/admin/sync", "/admin/notifications",
				"/admin/payments/reconciliation", "/admin/signing", "/admin/dossiers/import", "/staff/agencies",
				"/staff/security", "/staff/notifications", "/staff/programme", "/staff/programme/leadership",
				"/staff/quality", "/staff/quality?dataset=PROCEDURES" }) {
			browser.get(base() + page);
			assertThat(browser.findElements(By.cssSelector("main h1"))).as(page).isNotEmpty();
		}
		shot("admin-1-accounts");
	}

	private String fileOnline(DemoCitizen citizen) {
		TestProcedures.ensure(api, PROCEDURE, "Thủ tục kiểm thử của Sở Xây dựng", "SXD", 3, 0);
		WebSession session = WebSession.citizen(port, citizen.person().idNumber(), 2);
		String body = "{\"procedureCode\":\"" + PROCEDURE + "\",\"channel\":\"ONLINE\",\"applicant\":{\"type\":\"CITIZEN\","
				+ "\"idNumber\":\"" + citizen.person().idNumber() + "\",\"fullName\":\"" + citizen.person().fullName()
				+ "\",\"dateOfBirth\":\"" + citizen.person().dateOfBirth() + "\",\"phone\":\"0912345678\"}}";
		Api.Response filed = session.json("POST", "/api/v1/dossiers", body);
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		return filed.json().get("code").asString();
	}

	private void open(int width) {
		this.width = width;
		browser = Browsers.chromium(width, width < 992 ? 800 : 900);
		wait = new WebDriverWait(browser, Duration.ofSeconds(20));
	}

	/**
	 * The whole page, as tall as it is, as NAME-WIDTH.png: under docs/screenshots/ for the README's (the citizen on the
	 * phone, the officer on the desktop), under target/screenshots/ for the others.
	 */
	private void shot(String name) throws java.io.IOException {
		boolean readme = name.startsWith("citizen") ? width == 360 : name.startsWith("officer") && width == 1366;
		Path dir = readme ? SCREENSHOTS : Path.of("target", "screenshots");
		Files.createDirectories(dir);
		Dimension size = browser.manage().window().getSize();
		long height = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
		browser.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.min(height + 120, 5000)));
		Files.write(dir.resolve(name + "-" + width + ".png"),
				((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
		browser.manage().window().setSize(size);
	}

	private String base() {
		return "http://localhost:" + port;
	}
}
