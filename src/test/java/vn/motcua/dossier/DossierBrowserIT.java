package vn.motcua.dossier;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.motcua.Api;
import vn.motcua.Browsers;
import vn.motcua.MotCuaIntegrationTest;
import vn.motcua.sandbox.DemoCitizens;
import vn.motcua.sandbox.DemoCitizens.DemoCitizen;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole path in the browser: a citizen files online from the procedure page, the officer receives and
 * forwards, the specialist proposes the result, the leader approves it, the officer returns it, and the
 * citizen sees it returned.
 */
@MotCuaIntegrationTest
class DossierBrowserIT {

	@LocalServerPort
	int port;

	WebDriver browser;

	@Test
	void aDossierGoesFromTheCitizenThroughTheOfficesAndBack() throws Exception {
		DossierTestSupport.importProcedures(new Api(port));
		DemoCitizen citizen = DemoCitizens.all().stream().filter(c -> c.level() == 2 && c.taxCode() == null)
			.findFirst().orElseThrow();
		browser = Browsers.chromium(1280, 900);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

		signInAsCitizen(wait, citizen);
		browser.get(base() + "/procedures/" + DossierTestSupport.PROCEDURE);
		click(wait, By.id("submit-online"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("filing-form")));
		assertThat(browser.findElement(By.id("fullName")).getAttribute("value")).isEqualTo(citizen.person().fullName());
		assertThat(browser.findElement(By.id("address")).getAttribute("value"))
			.isEqualTo(citizen.person().currentAddress());
		browser.findElement(By.id("phone")).sendKeys("0912345678");
		click(wait, By.id("file-review"));
		click(wait, By.id("file-submit"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("filed")));
		String code = browser.findElement(By.id("dossier-code")).getText();
		assertThat(status()).isEqualTo("SUBMITTED");
		// the citizen attaches the application form as a PDF
		java.nio.file.Path scan = java.nio.file.Files.createTempFile("don-de-nghi", ".pdf");
		java.nio.file.Files.writeString(scan, "%PDF-1.4\n%%EOF\n");
		browser.findElement(By.id("component")).sendKeys("Đơn đề nghị");
		browser.findElement(By.id("file")).sendKeys(scan.toString());
		click(wait, By.cssSelector("#attach-form button[type=submit]"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("attached")));
		assertThat(browser.findElement(By.id("documents")).getText()).contains(scan.getFileName().toString());
		signOut(wait);

		staff(wait, "officer", code, "RECEIVE", "FORWARD");
		staff(wait, "specialist", code, "APPROVE");
		staff(wait, "leader", code, "FINISH");
		staff(wait, "officer", code, "RETURN_RESULT");

		signInAsCitizen(wait, citizen);
		browser.get(base() + "/my/dossiers");
		click(wait, By.linkText(code));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dossier-status")));
		assertThat(status()).isEqualTo("RETURNED");
		assertThat(browser.findElement(By.id("history")).getText()).contains("Trả kết quả", "Phê duyệt kết quả");
	}

	/** A staff member signs in, opens the dossier from the inbox, and takes the actions in turn. */
	private void staff(WebDriverWait wait, String user, String code, String... actions) {
		Browsers.signIn(browser, port, user, user);
		browser.get(base() + "/staff/dossiers?q=" + code);
		click(wait, By.linkText(code));
		for (String action : actions) {
			WebElement form = wait.until(ExpectedConditions.presenceOfElementLocated(
					By.cssSelector("form.action-form[data-action='" + action + "']")));
			for (WebElement input : form.findElements(By.cssSelector("input[required], textarea[required]"))) {
				input.sendKeys("Ghi chú của " + user);
			}
			click(wait, By.id("do-" + action));
			wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
		}
		signOut(wait);
	}

	private void signInAsCitizen(WebDriverWait wait, DemoCitizen citizen) {
		Browsers.signInAsCitizen(browser, wait, port, citizen.person().idNumber());
	}

	private void signOut(WebDriverWait wait) {
		click(wait, By.id("sign-out"));
		wait.until(ExpectedConditions.urlContains("signedOut"));
	}

	private void click(WebDriverWait wait, By by) {
		Browsers.click(browser, wait, by);
	}

	private String status() {
		return browser.findElement(By.id("dossier-status")).getAttribute("data-status");
	}

	private String base() {
		return "http://localhost:" + port;
	}
}
