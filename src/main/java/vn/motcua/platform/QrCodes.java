package vn.motcua.platform;

import java.awt.image.BufferedImage;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;

/** QR codes printed on forms and results, pointing to the public tracking and verification pages. */
public final class QrCodes {

	private QrCodes() {
	}

	/** The code as a PNG in a {@code data:} address, for a page to show without another request. */
	public static String dataUri(String text) {
		try (java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream()) {
			javax.imageio.ImageIO.write(image(text), "png", png);
			return "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(png.toByteArray());
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	public static BufferedImage image(String text) {
		try {
			BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 240, 240,
					Map.of(EncodeHintType.MARGIN, 1, EncodeHintType.CHARACTER_SET, "UTF-8"));
			BufferedImage image = new BufferedImage(m.getWidth(), m.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
			for (int x = 0; x < m.getWidth(); x++) {
				for (int y = 0; y < m.getHeight(); y++) {
					image.setRGB(x, y, m.get(x, y) ? 0x000000 : 0xFFFFFF);
				}
			}
			return image;
		}
		catch (WriterException e) {
			throw new IllegalStateException("cannot encode " + text, e);
		}
	}
}
