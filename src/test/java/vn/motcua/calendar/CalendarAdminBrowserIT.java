package vn.motcua.calendar;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.motcua.Browsers;
import vn.motcua.MotCuaIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** An administrator reads the year as a calendar and declares the second National Day holiday. */
@MotCuaIntegrationTest
class CalendarAdminBrowserIT {

	@LocalServerPort
	int port;

	WebDriver browser;

	@BeforeEach
	void openBrowser() {
		browser = Browsers.chromium(1280, 900);
	}

	@Test
	void administratorDeclaresADayOffAndSeesItMarked() {
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
		Browsers.signIn(browser, port, "admin", "admin");
		browser.get("http://localhost:" + port + "/admin/calendar?year=2026");

		assertThat(cell("2026-04-27").getAttribute("class")).isEqualTo("off-compensation");
		assertThat(cell("2026-04-27").getAttribute("title")).contains("Giỗ Tổ Hùng Vương");
		assertThat(cell("2026-02-17").getAttribute("class")).isEqualTo("off-statutory");
		assertThat(cell("2026-02-17").getAttribute("title")).isEqualTo("Tết Nguyên đán (mùng 1 Tết)");
		assertThat(browser.findElement(By.id("days-off")).getText()).contains("Nghỉ bù Giỗ Tổ Hùng Vương");

		WebElement daysOff = browser.findElement(By.id("daysOff"));
		daysOff.clear();
		daysOff.sendKeys("01/09/2026 Nghỉ Quốc khánh (ngày thứ hai)");
		WebElement working = browser.findElement(By.id("workingDays"));
		working.clear();
		working.sendKeys("12/09/2026");
		save();

		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"),
				"Đã lưu lịch công bố"));
		assertThat(cell("2026-09-01").getAttribute("class")).isEqualTo("off-declared");
		assertThat(cell("2026-09-01").getAttribute("title")).isEqualTo("Nghỉ Quốc khánh (ngày thứ hai)");
		assertThat(cell("2026-09-12").getAttribute("class")).isEqualTo("working-weekend");

		// a Saturday as a day off is refused with the line and a Vietnamese reason; nothing changes
		daysOff = browser.findElement(By.id("daysOff"));
		daysOff.clear();
		daysOff.sendKeys("05/09/2026 Sai ngày");
		save();
		WebElement errors = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("schedule-errors")));
		assertThat(errors.getText()).contains("dòng 1").contains("thứ Bảy");
		assertThat(cell("2026-09-01").getAttribute("class")).isEqualTo("off-declared");
		assertThat(browser.findElement(By.id("daysOff")).getAttribute("value")).isEqualTo("05/09/2026 Sai ngày");
	}

	/** Bootstrap scrolls smoothly; the click must wait for no animation. */
	private void save() {
		WebElement button = browser.findElement(By.id("save-schedule"));
		((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})",
				button);
		button.click();
	}

	private WebElement cell(String date) {
		return browser.findElement(By.cssSelector("td[data-date='" + date + "']"));
	}
}
