package vn.motcua.dossier;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.Api;
import vn.motcua.Browsers;
import vn.motcua.MotCuaIntegrationTest;
import vn.motcua.sandbox.DemoCitizens;
import vn.motcua.sandbox.DemoCitizens.DemoCitizen;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A citizen on a phone finds the signed result of their dossier on the dossier page and in their document store,
 * and the page behind the stamp's QR code confirms it.
 */
@MotCuaIntegrationTest
class ResultBrowserIT {

	@LocalServerPort
	int port;

	WebDriver browser;

	Api api;

	DossierTestSupport dossiers;

	@Test
	void theCitizenFindsTheSignedResultAndItsVerificationConfirmsIt() throws Exception {
		DemoCitizen citizen = DemoCitizens.all().stream().filter(c -> c.level() == 2 && c.taxCode() == null).skip(1)
			.findFirst().orElseThrow();
		Api.Response filed = api.postJson("/api/v1/dossiers", Map.of("procedureCode", DossierTestSupport.PROCEDURE,
				"channel", "COUNTER", "applicant", Map.of("type", "CITIZEN", "idNumber", citizen.person().idNumber(),
						"fullName", citizen.person().fullName(), "dateOfBirth", citizen.person().dateOfBirth().toString())),
				api.token("officer"));
		String code = filed.json().get("code").asString();
		dossiers.ok("officer", code, "FORWARD", Map.of());
		dossiers.ok("specialist", code, "APPROVE", Map.of("note", "Đạt"));
		String boundary = "----motcua" + System.nanoTime();
		byte[] pdf = ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
				+ "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
			.getBytes(StandardCharsets.ISO_8859_1);
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nGiấy phép\r\n--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"gp.pdf\"\r\nContent-Type: application/pdf\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(pdf);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> drafted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.base()
				+ "/api/v1/dossiers/" + code + "/results"))
			.header("Authorization", "Bearer " + api.token("specialist"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
		dossiers.ok("leader", code, "FINISH", Map.of("note", "Đồng ý"));
		JsonNode result = JsonMapper.builder().build().readTree(drafted.body());

		browser = Browsers.chromium(360, 800);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		Browsers.signInAsCitizen(browser, wait, port, citizen.person().idNumber());
		browser.get("http://localhost:" + port + "/dossiers/" + code);
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result-list")));
		assertThat(browser.findElement(By.cssSelector("#result-list li")).getAttribute("data-status")).isEqualTo("SIGNED");
		assertThat(browser.findElement(By.cssSelector("#result-list li a")).getAttribute("href"))
			.endsWith("/dossiers/" + code + "/results/" + result.get("id").asString() + "/content");
		String verifyLink = browser.findElement(By.cssSelector("#result-list a[href*='/results/'][href$='"
				+ result.get("id").asString() + "']")).getAttribute("href");
		browser.get("http://localhost:" + port + "/my/documents");
		assertThat(browser.findElement(By.id("store")).getText()).contains("Giấy phép");
		browser.get(verifyLink.replaceFirst("^https?://[^/]+", "http://localhost:" + port));
		assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verdict"))).getAttribute("data-valid"))
			.isEqualTo("true");
	}
}
