package vn.motcua.dossier;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import vn.motcua.Api;
import vn.motcua.Browsers;
import vn.motcua.MotCuaIntegrationTest;
import vn.motcua.sandbox.DemoCitizens;
import vn.motcua.sandbox.DemoCitizens.DemoCitizen;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Filing a real procedure of the demo catalog in the browser: a citizen registers a birth on a 360-px phone
 * with the procedure's own e-form and documents (missing ones named, a draft saved and resumed, a summary
 * confirmed); a one-stop officer takes a birth registration at the counter from the procedure's name typed,
 * sees what the population database says differs, corrects it, and the receipt lists what was received.
 * With {@code -Dmotcua.screenshots=DIR} the pages are saved there as PNG.
 */
@MotCuaIntegrationTest
class FilingBrowserIT {

	private static final String BIRTH = "1.001106";

	@LocalServerPort
	int port;

	WebDriver browser;

	Api api;

	private int keystrokes;

	@Test
	void aCitizenRegistersABirthOnAPhoneWithItsFormAndDocuments() throws Exception {
		DemoCitizen citizen = DemoCitizens.all().stream().filter(c -> c.level() == 2 && c.taxCode() == null).skip(2)
			.findFirst().orElseThrow();
		browser = Browsers.chromium(360, 800);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		Browsers.signInAsCitizen(browser, wait, port, citizen.person().idNumber());
		browser.get(base() + "/procedures/" + BIRTH);
		Browsers.click(browser, wait, By.id("submit-online"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("filing-form")));
		assertThat(browser.findElements(By.id("taxCode"))).as("a birth registration asks for no tax code").isEmpty();
		assertThat(browser.findElement(By.id("fullName")).getAttribute("value")).isEqualTo(citizen.person().fullName());
		screenshot("citizen-form-360");

		type("f-hoTenTre", "Nguyễn Bảo An");
		select("f-gioiTinh", "Nam");
		date("f-ngaySinh", "2026-11-20");
		type("f-noiSinh", "Bệnh viện Sản - Nhi Cà Mau");
		type("f-danToc", "Kinh");
		type("f-quocTich", "Việt Nam");
		type("f-hoTenMe", "Trần Thị Bích");
		select("f-quanHe", "Mẹ");
		// the father's name is asked only once the box says there is a father
		assertThat(browser.findElement(By.id("f-hoTenCha")).isDisplayed()).isFalse();
		Browsers.click(browser, wait, By.id("f-coThongTinCha"));
		assertThat(browser.findElement(By.id("f-hoTenCha")).isDisplayed()).isTrue();
		type("f-hoTenCha", "Nguyễn Văn Cường");

		// saved as a draft, without a dossier number, and resumed from the list
		Browsers.click(browser, wait, By.id("save-draft"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("draft-saved")));
		browser.get(base() + "/my/drafts");
		Browsers.click(browser, wait, By.cssSelector("#drafts a"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("filing-form")));
		assertThat(browser.findElement(By.id("f-hoTenTre")).getAttribute("value")).isEqualTo("Nguyễn Bảo An");
		assertThat(browser.findElement(By.id("f-hoTenCha")).getAttribute("value")).isEqualTo("Nguyễn Văn Cường");

		// without its documents the filing is refused, each missing one named
		Browsers.click(browser, wait, By.id("file-review"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("errors")));
		assertThat(browser.findElement(By.id("errors")).getText()).contains("Tờ khai đăng ký khai sinh",
				"Giấy chứng sinh");
		screenshot("citizen-missing-360");

		Path form = pdf("to-khai");
		Path certificate = pdf("giay-chung-sinh");
		browser.findElement(By.id("u-TK")).sendKeys(form.toString());
		browser.findElement(By.id("u-GCS")).sendKeys(certificate.toString());
		Browsers.click(browser, wait, By.id("file-review"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-form")));
		assertThat(browser.findElement(By.id("summary-form")).getText()).contains("Nguyễn Bảo An", "20/11/2026", "Có");
		assertThat(browser.findElement(By.id("summary-components")).getText())
			.contains(certificate.getFileName().toString());
		screenshot("citizen-review-360");
		Browsers.click(browser, wait, By.id("file-submit"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("filed")));
		String code = browser.findElement(By.id("dossier-code")).getText();
		screenshot("citizen-filed-360");

		JsonNode d = api.get("/api/v1/dossiers/" + code, api.token("admin")).json();
		assertThat(d.get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(d.get("formData").get("hoTenTre").asString()).isEqualTo("Nguyễn Bảo An");
		assertThat(d.get("formData").get("coThongTinCha").asBoolean()).isTrue();
		assertThat(d.get("documents").valueStream().filter(c -> c.get("documentId") != null && !c.get("documentId").isNull())
			.map(c -> c.get("component").asString()).toList()).containsExactlyInAnyOrder("TK", "GCS");
		assertThat(d.get("digitized").asBoolean()).isTrue();
		browser.get(base() + "/my/drafts");
		assertThat(browser.findElements(By.cssSelector("#drafts li"))).as("the draft went with the filing").isEmpty();
		browser.get(base() + "/my/documents");
		assertThat(browser.findElement(By.id("store")).getText()).contains(certificate.getFileName().toString());
	}

	@Test
	void anOfficerTakesABirthRegistrationAtTheCounterInAFewKeystrokes() throws Exception {
		DemoCitizen mother = DemoCitizens.all().stream().filter(c -> c.taxCode() == null).skip(3).findFirst()
			.orElseThrow();
		browser = Browsers.chromium(1366, 900);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		Browsers.signIn(browser, port, "officer", "officer");
		long started = System.nanoTime();
		browser.get(base() + "/staff/dossiers/new");
		type("q", "khai sinh");
		WebElement first = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
				"#suggestions a.suggestion[data-code='" + BIRTH + "']")));
		first.click();
		keystrokes++;
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("filing-form")));
		screenshot("counter-form-1366");

		type("idNumber", mother.person().idNumber());
		type("fullName", mother.person().fullName() + " Thị"); // a slip of the hand the registry will show
		date("dateOfBirth", mother.person().dateOfBirth().toString());
		type("phone", "0918000777");
		type("email", "me.khang@example.vn");
		type("f-hoTenTre", "Lê Minh Khang");
		select("f-gioiTinh", "Nam");
		date("f-ngaySinh", "2026-11-28");
		type("f-noiSinh", "Trạm y tế phường An Xuyên");
		type("f-danToc", "Kinh");
		type("f-quocTich", "Việt Nam");
		type("f-hoTenMe", mother.person().fullName());
		select("f-quanHe", "Mẹ");
		Browsers.click(browser, wait, By.id("c.TK-paper"));
		Browsers.click(browser, wait, By.id("c.GCS-paper"));
		keystrokes += 2;
		Browsers.click(browser, wait, By.id("file-review"));
		keystrokes++;
		WebElement check = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("registry-check")));
		assertThat(check.getAttribute("data-result")).isEqualTo("NO_MATCH");
		assertThat(browser.findElement(By.id("registry-differences")).getText()).contains("Họ và tên",
				mother.person().fullName());
		screenshot("counter-registry-1366");

		Browsers.click(browser, wait, By.id("file-edit"));
		WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("fullName")));
		name.clear();
		type("fullName", mother.person().fullName());
		Browsers.click(browser, wait, By.id("file-review"));
		keystrokes++;
		assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("registry-check")))
			.getAttribute("data-result")).isEqualTo("MATCH");
		Browsers.click(browser, wait, By.id("file-submit"));
		keystrokes++;
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("filed")));
		double seconds = (System.nanoTime() - started) / 1e9;
		String code = browser.findElement(By.id("dossier-code")).getText();
		System.out.printf("counter intake of %s: %d keystrokes and clicks, %.1f s in the browser%n", code, keystrokes,
				seconds);
		screenshot("counter-filed-1366");

		JsonNode d = api.get("/api/v1/dossiers/" + code, api.token("officer")).json();
		assertThat(d.get("status").asString()).isEqualTo("RECEIVED");
		assertThat(d.get("registryCheck").asString()).isEqualTo("MATCH");
		assertThat(d.get("digitized").asBoolean()).isFalse();
		assertThat(d.get("documents").valueStream().filter(c -> c.get("paper").asBoolean())
			.map(c -> c.get("component").asString()).toList()).containsExactlyInAnyOrder("TK", "GCS");

		// Mẫu 01 lists the components received and how
		java.net.http.HttpResponse<byte[]> receipt = java.net.http.HttpClient.newHttpClient().send(
				java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + "/api/v1/dossiers/" + code + "/forms/01"))
					.header("Authorization", "Bearer " + api.token("officer"))
					.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
		assertThat(receipt.statusCode()).isEqualTo(200);
		try (PDDocument pdf = Loader.loadPDF(receipt.body())) {
			String text = new PDFTextStripper().getText(pdf);
			assertThat(text).contains("Thành phần hồ sơ đã nhận", "Giấy chứng sinh", "Bản giấy", "Khai thác dữ liệu");
		}

		// the mother was told, by e-mail and SMS, as the demo's sandboxes show a tester
		for (String box : List.of("/sandbox/mail?to=me.khang@example.vn", "/sandbox/sms?to=0918000777")) {
			wait.until(driver -> {
				driver.get(base() + box);
				return driver.findElements(By.cssSelector(".sandbox-message")).stream().anyMatch(m -> m.getText().contains(code));
			});
		}
		assertThat(browser.getPageSource()).contains("Ho so " + code + " da duoc tiep nhan");
		screenshot("sandbox-sms-1366");
	}

	private void type(String id, String text) {
		WebElement e = browser.findElement(By.id(id));
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", e);
		e.sendKeys(text);
		keystrokes += text.length();
	}

	private void select(String id, String option) {
		new Select(browser.findElement(By.id(id))).selectByVisibleText(option);
		keystrokes++;
	}

	/** A date input takes what the browser's locale expects; set as a date picker would. */
	private void date(String id, String isoDate) {
		WebElement e = browser.findElement(By.id(id));
		((JavascriptExecutor) browser).executeScript(
				"arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}))", e,
				isoDate);
		keystrokes += 8; // ddMMyyyy typed into the field
	}

	private static Path pdf(String name) throws java.io.IOException {
		Path p = Files.createTempFile(name, ".pdf");
		Files.writeString(p, "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
		return p;
	}

	private void screenshot(String name) throws java.io.IOException {
		String dir = System.getProperty("motcua.screenshots");
		if (dir != null) {
			Files.createDirectories(Path.of(dir));
			Files.write(Path.of(dir, name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
		}
	}

	private String base() {
		return "http://localhost:" + port;
	}
}
