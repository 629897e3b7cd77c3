package vn.motcua.identity;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.motcua.MotCuaIntegrationTest;
import vn.motcua.TestClock;
import vn.motcua.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/** The account pages: an administrator creates an account on the page; a staff member turns on two-factor. */
@MotCuaIntegrationTest
class StaffAccountPagesIT {

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	TestClock clock;

	@Autowired
	StaffAdministration administration;

	@Test
	void anAdministratorCreatesAnAccountOnThePageAndSeesMistakesInVietnamese() {
		WebSession web = new WebSession(port);
		web.signIn("admin", "admin");
		HttpResponse<String> page = web.get("/admin/accounts");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Tài khoản cán bộ", "officer", "Cán bộ một cửa");

		HttpResponse<String> bad = web.post("/admin/accounts", WebSession.csrf(page.body()),
				"username=cb.trang&fullName=Nguy%E1%BB%85n+Th%E1%BB%8B+Trang&unitCode=TTPVHCC&roles=ONE_STOP_OFFICER&password=short");
		assertThat(bad.statusCode()).isEqualTo(200);
		assertThat(bad.body()).contains("Mật khẩu chưa đủ mạnh", "cần ít nhất 12 ký tự").doesNotContain("at least");
		assertThat(accounts.find("cb.trang")).isEmpty();

		HttpResponse<String> good = web.post("/admin/accounts", WebSession.csrf(bad.body()),
				"username=cb.trang&fullName=Nguy%E1%BB%85n+Th%E1%BB%8B+Trang&unitCode=TTPVHCC&roles=ONE_STOP_OFFICER"
						+ "&password=Trang-Mot-Cua-2026");
		assertThat(WebSession.location(good)).endsWith("/admin/accounts?created=cb.trang");
		assertThat(accounts.find("cb.trang").orElseThrow().fullName()).isEqualTo("Nguyễn Thị Trang");
		assertThat(web.get("/admin/accounts/cb.trang").body()).contains("Nguyễn Thị Trang", "reset-password");

		WebSession officer = new WebSession(port);
		officer.signIn("officer", "officer");
		assertThat(officer.get("/admin/accounts").statusCode()).isEqualTo(403);
	}

	@Test
	void aStaffMemberTurnsOnTwoFactorWithTheSecretShownOnThePage() throws Exception {
		administration.create(new StaffAdministration.AccountForm("cb.baomat", "Phan Văn Bảo", "STP",
				java.util.Set.of(Role.DEPARTMENT_LEADER), true), "Bao-Mat-Tu-Phap-26", "admin");
		WebSession web = new WebSession(port);
		web.signIn("cb.baomat", "Bao-Mat-Tu-Phap-26");
		HttpResponse<String> page = web.get("/staff/security");
		assertThat(page.statusCode()).isEqualTo(200);
		String secret = page.body().replaceAll("(?s).*id=\"totp-secret\">([A-Z2-7]+)<.*", "$1");
		assertThat(secret).matches("[A-Z2-7]{32}");
		// the authenticator app scans the same secret from the QR code on the page
		String png = page.body().replaceAll("(?s).*id=\"totp-qr\" src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\".*", "$1");
		java.awt.image.BufferedImage qr = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
				java.util.Base64.getDecoder().decode(png)));
		int[] pixels = qr.getRGB(0, 0, qr.getWidth(), qr.getHeight(), null, 0, qr.getWidth());
		String scanned = new com.google.zxing.qrcode.QRCodeReader().decode(new com.google.zxing.BinaryBitmap(
				new com.google.zxing.common.HybridBinarizer(new com.google.zxing.RGBLuminanceSource(qr.getWidth(),
						qr.getHeight(), pixels)))).getText();
		assertThat(scanned).startsWith("otpauth://totp/").contains("secret=" + secret);
		HttpResponse<String> wrong = web.post("/staff/security/two-factor", WebSession.csrf(page.body()), "code=000000");
		assertThat(wrong.body()).contains("Mã xác thực không đúng");
		String code = Totp.code(secret, clock.instant().getEpochSecond() / 30);
		HttpResponse<String> done = web.post("/staff/security/two-factor", WebSession.csrf(wrong.body()), "code=" + code);
		assertThat(WebSession.location(done)).endsWith("/staff/security?enrolled");
		assertThat(accounts.find("cb.baomat").orElseThrow().twoFactor()).isTrue();
		assertThat(web.get("/staff/security").body()).contains("two-factor-on");
	}
}
