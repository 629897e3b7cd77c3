package vn.motcua.document;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FileTypesTest {

	@Test
	void theContentDecidesTheType() {
		assertThat(sniff("%PDF-1.7\n")).contains("application/pdf");
		assertThat(FileTypes.sniff(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 }, 4)).contains("image/jpeg");
		assertThat(FileTypes.sniff(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' }, 8)).contains("image/png");
		assertThat(sniff("MZ\u0090\u0000")).isEmpty();
		assertThat(sniff("<html>")).isEmpty();
		assertThat(sniff("%PD")).as("too short").isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "Giấy khai sinh.pdf|application/pdf|Giấy khai sinh.pdf",
			"../../etc/passwd|application/pdf|passwd.pdf", "C:\\Users\\An\\Ảnh CCCD.JPG|image/jpeg|Ảnh CCCD.JPG",
			"scan.jpeg|image/jpeg|scan.jpeg", ".hidden|image/png|hidden.png", "a<b>:c?.pdf|application/pdf|abc.pdf",
			"invoice.pdf.exe|application/pdf|invoice.pdf.exe.pdf", "''|image/png|tai-lieu.png" })
	void namesAreMadeSafe(String name, String type, String expected) {
		assertThat(FileTypes.safeName(name, type)).isEqualTo(expected);
	}

	@Test
	void longNamesKeepTheirExtension() {
		String safe = FileTypes.safeName("x".repeat(300) + ".pdf", "application/pdf");
		assertThat(safe).hasSize(120).endsWith(".pdf");
	}

	private static java.util.Optional<String> sniff(String s) {
		byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
		return FileTypes.sniff(java.util.Arrays.copyOf(b, 16), b.length);
	}

	@org.junit.jupiter.api.Test
	void storedNamesAreNfcWithoutControlOrBidirectionalCharacters() {
		// "hợp đồng" decomposed (NFD), a right-to-left override that would show "exe.pdf" as "fdp.exe", a NUL
		String hostile = java.text.Normalizer.normalize("hợp đồng", java.text.Normalizer.Form.NFD) + "\u202Efdp\u0000.exe\u200B";
		String stored = FileTypes.safeName(hostile, "application/pdf");
		org.assertj.core.api.Assertions.assertThat(stored).isEqualTo("hợp đồngfdp.exe.pdf");
		org.assertj.core.api.Assertions.assertThat(java.text.Normalizer.isNormalized(stored, java.text.Normalizer.Form.NFC)).isTrue();
		org.assertj.core.api.Assertions.assertThat(FileTypes.safeName("..\\..\\\u2066.png", "image/png")).isEqualTo("png.png"); // the path goes, the isolate goes, a leading dot goes
	}
}
