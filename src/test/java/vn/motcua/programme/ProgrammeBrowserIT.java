package vn.motcua.programme;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.motcua.Api;
import vn.motcua.Browsers;
import vn.motcua.MotCuaIntegrationTest;
import vn.motcua.TestClock;
import vn.motcua.platform.Zones;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A department leader reviews their unit's overdue tasks: the counts, the overdue list with its owners, a task's five
 * clear fields, and a progress report with its evidence filed from the page.
 */
@MotCuaIntegrationTest
class ProgrammeBrowserIT {

	@LocalServerPort
	int port;

	Api api;

	@Autowired
	TestClock clock;

	WebDriver browser;

	@Test
	void aLeaderReviewsTheOverdueTasksAndReportsOnOne() throws Exception {
		LocalDate today = LocalDate.now(clock.withZone(Zones.VIETNAM));
		assertThat(api.putJson("/api/v1/programme/programmes/KT_BROWSER", Map.of("name", "Kế hoạch chuyển đổi số Sở Xây dựng"),
				api.token("admin")).status()).isEqualTo(200);
		for (String[] t : new String[][] { { "B-1", "Số hóa hồ sơ cấp phép xây dựng năm 2024", "-12" },
				{ "B-2", "Bản đồ số quy hoạch đô thị", "-3" }, { "B-3", "Cấp phép xây dựng trực tuyến toàn trình", "40" } }) {
			Api.Response r = api.postJson("/api/v1/programme/tasks", Map.of("programme", "KT_BROWSER", "code", t[0], "title",
					t[1], "ownerUsername", "specialist", "unitCode", "SXD", "partnerUnitCodes", List.of("SNNMT"), "deadline",
					today.plusDays(Long.parseLong(t[2])).toString(), "expectedResult", "100% hồ sơ được số hóa",
					"targetValue", 100, "targetUnit", "%"), api.token("leader"));
			assertThat(r.status()).as(r.body()).isEqualTo(201);
		}
		browser = Browsers.chromium(1366, 900);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		Browsers.signIn(browser, port, "leader", "leader");
		browser.get("http://localhost:" + port + "/staff/programme?programme=KT_BROWSER");
		assertThat(browser.findElement(By.cssSelector("#count-OVERDUE .fs-4")).getText()).isEqualTo("2");
		assertThat(browser.findElement(By.id("completion-rate")).getText()).isEqualTo("0 %");
		String overdue = browser.findElement(By.id("overdue-tasks")).getText();
		assertThat(overdue).contains("B-1", "B-2", "Trần Văn Bình").doesNotContain("B-3");
		assertThat(overdue.indexOf("B-1")).as("the longest overdue first").isLessThan(overdue.indexOf("B-2"));

		Browsers.click(browser, wait, By.id("count-OVERDUE"));
		wait.until(ExpectedConditions.urlContains("status=OVERDUE"));
		assertThat(browser.findElement(By.id("task-list")).getText()).contains("B-1", "B-2").doesNotContain("B-3");

		Browsers.click(browser, wait, By.linkText("B-1"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("five-clear")));
		assertThat(browser.findElement(By.id("task-status")).getAttribute("data-status")).isEqualTo("OVERDUE");
		assertThat(browser.findElement(By.id("five-clear")).getText()).contains("Trần Văn Bình", "Sở Xây dựng",
				"Sở Nông nghiệp và Môi trường", "100% hồ sơ được số hóa");
		Path pdf = Files.createTempFile("bien-ban", ".pdf");
		Files.writeString(pdf, "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
		browser.findElement(By.id("progressPercent")).clear();
		browser.findElement(By.id("progressPercent")).sendKeys("70");
		browser.findElement(By.id("note")).sendKeys("Đã số hóa 70% hồ sơ, chờ bổ sung máy quét");
		browser.findElement(By.id("file")).sendKeys(pdf.toString());
		Browsers.click(browser, wait, By.id("report-submit"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reported")));
		assertThat(browser.findElement(By.id("reports")).getText()).contains("70 %", "chờ bổ sung máy quét");
		assertThat(browser.findElement(By.id("evidence-list")).getText()).contains(pdf.getFileName().toString());
	}
}
