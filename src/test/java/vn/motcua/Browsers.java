package vn.motcua;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium for browser tests, axe-core watching every page; Selenium downloads nothing. */
public final class Browsers {

	private Browsers() {
	}

	public static WebDriver chromium(int width, int height) {
		Path profile;
		try {
			profile = Files.createTempDirectory("chromium-profile");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--lang=en-US");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(
					Path.of(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver")).toFile())
			.build();
		WebDriver chromium = new ChromeDriver(service, options);
		chromium.manage().window().setSize(new Dimension(width, height));
		// every page it opens is checked by axe-core; the test fails at teardown on any violation
		Accessibility checker = new Accessibility(chromium);
		WebDriver browser = new org.openqa.selenium.support.events.EventFiringDecorator<>(checker).decorate(chromium);
		Accessibility.CHECKERS.put(browser, checker);
		return browser;
	}

	/** Signs in through the staff form (the page must be wide enough to show it without the menu). */
	public static void signIn(WebDriver browser, int port, String username, String password) {
		browser.get("http://localhost:" + port + "/login");
		WebDriverWait wait = new WebDriverWait(browser, java.time.Duration.ofSeconds(15));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.id("login-submit")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
	}

	/** Clicks an element after scrolling it into view; pressed by script when a fixed element covers it. */
	public static void click(WebDriver browser, org.openqa.selenium.support.ui.WebDriverWait wait,
			org.openqa.selenium.By by) {
		org.openqa.selenium.WebElement e = wait
			.until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(by));
		((org.openqa.selenium.JavascriptExecutor) browser)
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", e);
		try {
			wait.until(org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable(by)).click();
		}
		catch (org.openqa.selenium.ElementClickInterceptedException overlapped) {
			((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].click()", browser.findElement(by));
		}
	}

	/** A demo citizen signs in through the sandbox e-ID provider. */
	public static void signInAsCitizen(WebDriver browser, org.openqa.selenium.support.ui.WebDriverWait wait, int port,
			String idNumber) {
		browser.get("http://localhost:" + port + "/login");
		click(browser, wait, org.openqa.selenium.By.id("sign-in-vneid"));
		click(browser, wait, org.openqa.selenium.By.cssSelector("button.demo-citizen[data-id-number='" + idNumber + "']"));
		wait.until(org.openqa.selenium.support.ui.ExpectedConditions
			.visibilityOfElementLocated(org.openqa.selenium.By.id("account-name")));
	}
}
