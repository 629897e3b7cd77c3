package vn.motcua.identity;

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
import vn.motcua.sandbox.DemoCitizens;
import vn.motcua.sandbox.DemoCitizens.DemoCitizen;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A citizen on a phone signs in with e-ID at the sandbox provider, sees their profile prefilled from the
 * sandbox population registry, and signs out of both.
 */
@MotCuaIntegrationTest
class CitizenBrowserIT {

	@LocalServerPort
	int port;

	WebDriver browser;

	@BeforeEach
	void openBrowser() {
		browser = Browsers.chromium(390, 844);
	}

	@Test
	void aDemoCitizenSignsInAndSeesTheirProfilePrefilledFromTheRegistry() {
		DemoCitizen citizen = DemoCitizens.all().stream().filter(c -> c.taxCode() != null).findFirst().orElseThrow();
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		browser.get("http://localhost:" + port + "/login");
		wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-in-vneid"))).click();

		By pick = By.cssSelector("button.demo-citizen[data-id-number='" + citizen.person().idNumber() + "']");
		var button = wait.until(ExpectedConditions.presenceOfElementLocated(pick));
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", button);
		wait.until(ExpectedConditions.elementToBeClickable(pick)).click();

		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("account-name")));
		assertThat(browser.getCurrentUrl()).isEqualTo("http://localhost:" + port + "/account");
		assertThat(browser.findElement(By.id("account-name")).getText()).isEqualTo(citizen.person().fullName());
		assertThat(browser.findElement(By.id("account-id-number")).getText()).isEqualTo(citizen.person().idNumber());
		assertThat(browser.findElement(By.id("account-level")).getText()).isEqualTo("Mức độ 2");
		assertThat(browser.findElement(By.id("account-business")).getText()).contains(citizen.taxCode());
		assertThat(browser.findElement(By.id("registry-verified")).isDisplayed()).isTrue();
		assertThat(browser.findElement(By.id("registry-permanent")).getText())
			.isEqualTo(citizen.person().permanentAddress());
		assertThat(browser.findElement(By.id("registry-head")).getText()).isEqualTo(citizen.person().householdHead());

		browser.findElement(By.cssSelector("button.navbar-toggler")).click();
		wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-out"))).click();
		wait.until(ExpectedConditions.urlContains("signedOut"));
		browser.get("http://localhost:" + port + "/login");
		wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-in-vneid"))).click();
		// the provider forgot the citizen too: it asks again
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("idp-other")));
	}
}
