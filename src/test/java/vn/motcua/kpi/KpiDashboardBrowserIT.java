package vn.motcua.kpi;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.motcua.Api;
import vn.motcua.Browsers;
import vn.motcua.MotCuaIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A province leader on a tablet (820 × 1180): the charts draw (ECharts under the pages' CSP), nothing is wider
 * than the screen, and the drill-down goes province → department → procedure → its late dossiers.
 */
@MotCuaIntegrationTest
class KpiDashboardBrowserIT {

	@LocalServerPort
	int port;

	WebDriver browser;

	@Test
	void aLeaderDrillsDownToTheLateDossiersOnATablet() {
		KpiIT.importExamples(new Api(port));
		browser = Browsers.chromium(820, 1180);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
		Browsers.signIn(browser, port, "province", "province");
		browser.get("http://localhost:" + port + "/staff/dashboard?year=2025");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#trend-chart canvas")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#units-chart canvas")));
		assertThat(overflow()).as("no horizontal scrolling of the page").isLessThanOrEqualTo(0L);
		// the programmes at a glance: Đề án 06's tasks and the leaders' S&T share (demo data)
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("panel-DE_AN_06")));
		assertThat(browser.findElement(By.id("panel-DE_AN_06")).getText()).contains("Đề án 06", "/56");
		assertThat(browser.findElement(By.id("panel-st-share")).getText()).contains("%", "≥ 25 %");

		Browsers.click(browser, wait, By.linkText("Sở Y tế"));
		wait.until(ExpectedConditions.urlContains("agency=SYT"));
		assertThat(browser.findElement(By.id("procedures")).getText()).contains("9.900001");
		Browsers.click(browser, wait, By.cssSelector("#procedures a[href*='procedure=9.900001']"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("late")));
		assertThat(browser.findElement(By.id("late")).getText()).contains("KPI-B", "KPI-D", "KPI-E", "KPI-F", "KPI-I")
			.doesNotContain("KPI-A");
		assertThat(overflow()).isLessThanOrEqualTo(0L);
		Browsers.click(browser, wait, By.linkText("KPI-E"));
		wait.until(ExpectedConditions.urlContains("/dossiers/KPI-E"));
	}

	private long overflow() {
		return (Long) ((JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
	}
}
