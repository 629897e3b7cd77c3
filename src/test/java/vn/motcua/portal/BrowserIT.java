package vn.motcua.portal;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.motcua.Browsers;
import vn.motcua.MotCuaIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person with a phone: Debian's headless Chromium opens the home page on a 360-px-wide screen, switches
 * to English and back, and signs in as an officer to see the officer's navigation.
 */
@MotCuaIntegrationTest
class BrowserIT {

	@LocalServerPort
	int port;

	WebDriver browser;

	@BeforeEach
	void openBrowser() {
		browser = Browsers.chromium(360, 800);
	}

	@Test
	void citizenSwitchesLanguageAndOfficerSignsIn() {
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
		browser.get("http://localhost:" + port + "/");
		// Vietnamese first, even though the browser asks for English
		assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Dịch vụ công trực tuyến tỉnh Cà Mau");
		// nothing wider than a phone's screen
		Object overflow = ((JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth > window.innerWidth");
		assertThat(overflow).isEqualTo(false);

		openMenu(wait);
		wait.until(ExpectedConditions.elementToBeClickable(By.id("lang-en"))).click();
		wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Online public services of Cà Mau province"));
		assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");

		openMenu(wait);
		wait.until(ExpectedConditions.elementToBeClickable(By.id("lang-vi"))).click();
		wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Dịch vụ công trực tuyến tỉnh Cà Mau"));

		openMenu(wait);
		wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-in"))).click();
		// the public sign-in is the citizens' e-ID page; staff go on to their own
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-vneid")));
		wait.until(ExpectedConditions.elementToBeClickable(By.id("staff-sign-in"))).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("officer");
		browser.findElement(By.id("password")).sendKeys("officer");
		browser.findElement(By.id("login-submit")).click();

		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
		assertThat(browser.getCurrentUrl()).endsWith("/staff");
		String navigation = browser.findElement(By.id("staff-nav")).getAttribute("textContent");
		assertThat(navigation).contains("Bàn làm việc").contains("Cơ cấu tổ chức").doesNotContain("Nhật ký hệ thống");
		assertThat(browser.findElement(By.cssSelector(".role")).getText()).isEqualTo("Cán bộ một cửa");
	}

	/** On a phone the navigation sits behind the menu button. */
	private void openMenu(WebDriverWait wait) {
		By toggler = By.cssSelector(".navbar-toggler");
		wait.until(ExpectedConditions.elementToBeClickable(toggler));
		if (browser.findElement(toggler).isDisplayed()
				&& "false".equals(browser.findElement(toggler).getAttribute("aria-expanded"))) {
			browser.findElement(toggler).click();
		}
	}
}
