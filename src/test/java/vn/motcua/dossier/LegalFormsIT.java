package vn.motcua.dossier;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import tools.jackson.databind.JsonNode;
import vn.motcua.Api;
import vn.motcua.MotCuaIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The legal forms as PDF: Vietnamese text in an embedded font, the QR code to tracking, the right form for the event. */
@MotCuaIntegrationTest
class LegalFormsIT {

	Api api;

	DossierTestSupport dossiers;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void theReceiptCarriesTheAppointmentInVietnameseAndAQrCodeToTracking() throws Exception {
		JsonNode d = dossiers.fileAtCounter(DossierTestSupport.PROCEDURE, 8101);
		String code = d.get("code").asString();
		try (PDDocument pdf = fetch("/api/v1/dossiers/" + code + "/forms/01", "officer")) {
			String text = new PDFTextStripper().getText(pdf);
			assertThat(text).contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
					"Độc lập - Tự do - Hạnh phúc", "Trần Văn Thử 8101", code, "Thủ tục kiểm thử của Sở Xây dựng",
					"Thời gian trả kết quả giải quyết hồ sơ");
			PDPage page = pdf.getPage(0);
			for (COSName name : page.getResources().getFontNames()) {
				PDFont font = page.getResources().getFont(name);
				assertThat(font.isEmbedded()).as(font.getName()).isTrue();
				assertThat(font.getName()).contains("DejaVuSerif");
			}
			String qr = null;
			for (COSName name : page.getResources().getXObjectNames()) {
				if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
					qr = decode(image.getImage());
				}
			}
			assertThat(qr).isEqualTo("http://localhost:8080/track?code=" + code);
		}
		// an English reader gets a translation that says the Vietnamese form is the legal one
		HttpResponse<byte[]> en = http.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/dossiers/" + code
				+ "/forms/01"))
			.header("Authorization", "Bearer " + api.token("officer"))
			.header("Accept-Language", "en")
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		try (PDDocument pdf = Loader.loadPDF(en.body())) {
			String text = new PDFTextStripper().getText(pdf);
			assertThat(text).contains("RECEIPT OF DOSSIER AND APPOINTMENT FOR THE RESULT", "SOCIALIST REPUBLIC OF VIETNAM",
					"the Vietnamese form is the legally valid one", "Result promised for", "Trần Văn Thử 8101")
				.doesNotContain("GIẤY TIẾP NHẬN", "Ông/Bà");
			assertThat(FormLayout.problems(pdf, "form-01-en")).isEmpty();
		}
	}

	@Test
	void eachFormExistsOnceItsEventHasHappened() throws Exception {
		String code = dossiers.in("PROCESSING");
		assertThat(status("/api/v1/dossiers/" + code + "/forms/02", "specialist")).isEqualTo(409);
		assertThat(status("/api/v1/dossiers/" + code + "/forms/04", "leader")).isEqualTo(409);
		assertThat(status("/api/v1/dossiers/" + code + "/forms/99", "leader")).isEqualTo(404);
		dossiers.ok("specialist", code, "REQUEST_SUPPLEMENT", Map.of("reason", "Thiếu giấy tờ", "items",
				List.of("Bản sao Giấy chứng nhận quyền sử dụng đất")));
		try (PDDocument pdf = fetch("/api/v1/dossiers/" + code + "/forms/02", "specialist")) {
			assertThat(new PDFTextStripper().getText(pdf)).contains("PHIẾU YÊU CẦU BỔ SUNG",
					"Bản sao Giấy chứng nhận quyền sử dụng đất");
		}
		String due = dossiers.current(code).get("dueAt").asString();
		dossiers.ok("leader", code, "EXTEND", Map.of("reason", "Chờ ý kiến Sở Tài nguyên và Môi trường", "newDueAt",
				vn.motcua.platform.ApiTime.format(vn.motcua.platform.ApiTime.parseInstant(due, "d").plusSeconds(86400 * 3))));
		try (PDDocument pdf = fetch("/api/v1/dossiers/" + code + "/forms/04", "leader")) {
			assertThat(new PDFTextStripper().getText(pdf)).contains("XIN LỖI", "Chờ ý kiến Sở Tài nguyên và Môi trường");
		}
		dossiers.ok("leader", code, "STOP", Map.of("reason", "Người nộp không bổ sung"));
		try (PDDocument pdf = fetch("/api/v1/dossiers/" + code + "/forms/05", "leader")) {
			assertThat(new PDFTextStripper().getText(pdf)).contains("DỪNG GIẢI QUYẾT", "Người nộp không bổ sung");
		}
		try (PDDocument pdf = fetch("/api/v1/dossiers/" + code + "/forms/06", "officer")) {
			assertThat(new PDFTextStripper().getText(pdf)).contains("PHIẾU KIỂM SOÁT", "Chuyển xử lý", "Gia hạn",
					"Dừng xử lý");
		}
		assertThat(status("/api/v1/dossiers/" + code + "/forms/01", "specialist.stp")).as("not theirs").isEqualTo(404);
	}

	/**
	 * Every form rendered to PNG and read as paper: the receipt's QR code above, not over, the signatures; long names,
	 * ID numbers and unbroken text wrapped inside their cells; nothing in the margins.
	 */
	@Test
	void everyFormIsLaidOutWithinItsCellsAndMargins() throws Exception {
		java.util.Map<String, Object> applicant = new java.util.HashMap<>(DossierTestSupport.applicant(8104));
		applicant.put("fullName", "Nguyễn Huỳnh Thị Phương Thảo Ngọc Bích Hoàng Thái Minh Khuê Trần Lê");
		Api.Response filed = api.postJson("/api/v1/dossiers", Map.of("procedureCode", DossierTestSupport.PROCEDURE,
				"channel", "COUNTER", "applicant", applicant), api.token("officer"));
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		String code = filed.json().get("code").asString();
		String unbroken = "https://dichvucong.camau.gov.vn/portaldvc/tra-cuu/giay-to-can-bo-sung-va-huong-dan-chi-tiet";
		dossiers.ok("officer", code, "FORWARD", Map.of("note", unbroken));
		dossiers.ok("specialist", code, "REQUEST_SUPPLEMENT", Map.of("reason", unbroken, "items",
				List.of("Bản sao Giấy chứng nhận quyền sử dụng đất số 096090123456789012345678", unbroken)));
		dossiers.ok("officer", code, "SUPPLEMENT", Map.of("note", "Đã nộp 096090123456"));
		String due = dossiers.current(code).get("dueAt").asString();
		dossiers.ok("leader", code, "EXTEND", Map.of("reason", "Chờ ý kiến " + unbroken, "newDueAt",
				vn.motcua.platform.ApiTime.format(vn.motcua.platform.ApiTime.parseInstant(due, "d").plusSeconds(86400 * 3))));
		dossiers.ok("leader", code, "STOP", Map.of("reason", unbroken));
		for (String form : List.of("01", "02", "04", "05", "06")) {
			try (PDDocument pdf = fetch("/api/v1/dossiers/" + code + "/forms/" + form, "leader")) {
				assertThat(FormLayout.problems(pdf, "form-" + form)).as("Mẫu " + form).isEmpty();
				if (form.equals("06")) {
					String text = new PDFTextStripper().getText(pdf);
					assertThat(text).as("the extension and people by name").contains("gia hạn từ", "Nguyễn");
					assertThat(text).doesNotContain(" specialist ", " leader ");
				}
			}
		}
		try (PDDocument pdf = fetch("/api/v1/registers?unit=SXD&from=2020-01-01&to=2099-12-31", "leader")) {
			assertThat(FormLayout.problems(pdf, "form-07")).as("Mẫu 07").isEmpty();
		}
	}

	@Test
	void theRegisterListsTheUnitsDossiersOfThePeriod() throws Exception {
		String code = dossiers.fileAtCounter(DossierTestSupport.PROCEDURE, 8102).get("code").asString();
		String today = java.time.LocalDate.now(vn.motcua.platform.Zones.VIETNAM).toString();
		try (PDDocument pdf = fetch("/api/v1/registers?unit=SXD&from=2020-01-01&to=2099-12-31", "leader")) {
			assertThat(new PDFTextStripper().getText(pdf)).contains("SỔ THEO DÕI HỒ SƠ", "Mẫu số 07", code.substring(0, 20));
		}
		assertThat(status("/api/v1/registers?unit=SXD&from=" + today + "&to=2020-01-01", "leader")).isEqualTo(400);
		// the inbox leads to it: the officer's unit and the month so far, as the form sends them
		vn.motcua.WebSession officer = new vn.motcua.WebSession(Integer.parseInt(api.base().replaceAll(".*:", "")));
		officer.signIn("officer", "officer");
		String inbox = officer.get("/staff/dossiers").body();
		assertThat(inbox).contains("id=\"register\"", "action=\"/staff/registers\"",
				"<option value=\"TTPVHCC\" selected=\"selected\">", "id=\"register-to\" name=\"to\" required value=\"" + today + "\"");
		HttpResponse<String> pdf = officer.get("/staff/registers?unit=TTPVHCC&from=" + today.substring(0, 8) + "01&to=" + today);
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
	}

	private PDDocument fetch(String path, String user) throws IOException, InterruptedException {
		HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(api.base() + path))
			.header("Authorization", "Bearer " + api.token(user))
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(200);
		assertThat(r.headers().firstValue("Content-Type")).contains("application/pdf");
		return Loader.loadPDF(r.body());
	}

	private int status(String path, String user) {
		return api.get(path, api.token(user)).status();
	}

	private static String decode(BufferedImage image) throws Exception {
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
				new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
	}
}
