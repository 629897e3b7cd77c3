package vn.motcua.payment;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import vn.motcua.Api;
import vn.motcua.Browsers;
import vn.motcua.MotCuaIntegrationTest;
import vn.motcua.TestProcedures;
import vn.motcua.sandbox.DemoCitizens;
import vn.motcua.sandbox.DemoCitizens.DemoCitizen;

import static org.assertj.core.api.Assertions.assertThat;

/** A citizen files a dossier with a fee on a phone, pays it in the sandbox gateway, and finds the receipt. */
@MotCuaIntegrationTest
class PaymentBrowserIT {

	@LocalServerPort
	int port;

	WebDriver browser;

	@Test
	void aCitizenPaysOnlineAndSeesTheReceiptAndTheOfficerSeesItPaid() {
		Api api = new Api(port);
		TestProcedures.ensure(api, PaymentIT.PROCEDURE, "Thủ tục kiểm thử có lệ phí", "SXD", 5, PaymentIT.FEE);
		DemoCitizen citizen = DemoCitizens.all().stream().filter(c -> c.level() == 2 && c.taxCode() == null)
			.findFirst().orElseThrow();
		browser = Browsers.chromium(390, 844);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

		Browsers.signInAsCitizen(browser, wait, port, citizen.person().idNumber());
		browser.get(base() + "/procedures/" + PaymentIT.PROCEDURE);
		click(wait, By.id("submit-online"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("filing-form")));
		browser.findElement(By.id("phone")).sendKeys("0912345678");
		click(wait, By.id("file-review"));
		click(wait, By.id("file-submit"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("filed")));
		String code = browser.findElement(By.id("dossier-code")).getText();

		// the fee panel arrives with htmx; the citizen goes to the gateway
		click(wait, By.id("pay-online"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("vnpay-decide")));
		assertThat(browser.findElement(By.id("vnpay-amount")).getText()).isEqualTo("150.000 đ");
		click(wait, By.id("vnpay-pay"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("return-success")));
		click(wait, By.id("back-to-dossier"));
		WebElement receipt = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("a.receipt-link")));
		assertThat(receipt.getText()).startsWith("BL");
		assertThat(browser.findElement(By.id("paid-badge")).getText()).isEqualTo("Đã nộp đủ");
		assertThat(browser.findElement(By.id("history")).getText()).contains("Đã nộp phí, lệ phí");

		JsonNode seenByOfficer = api.get("/api/v1/dossiers/" + code, api.token("officer")).json();
		assertThat(seenByOfficer.get("paid").asBoolean()).isTrue();
		assertThat(seenByOfficer.get("paidOnline").asBoolean()).isTrue();
	}

	private void click(WebDriverWait wait, By by) {
		Browsers.click(browser, wait, by);
	}

	private String base() {
		return "http://localhost:" + port;
	}
}
