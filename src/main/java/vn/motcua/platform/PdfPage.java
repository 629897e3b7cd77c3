package vn.motcua.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.springframework.core.io.ClassPathResource;

/**
 * A4 pages of an administrative form in Vietnamese: the DejaVu Serif font (embedded, it has every
 * Vietnamese glyph; licence in {@code fonts/DejaVu-LICENSE.txt}), the two-column header of state documents,
 * wrapped paragraphs, simple tables, a QR image; new pages as the text runs on.
 */
public final class PdfPage implements AutoCloseable {

	static final float MARGIN = 56;
	/** The page: A4 upright, or lying down for registers whose columns need the width. */
	private final PDRectangle size;
	private final float pageWidth;

	private final PDDocument document = new PDDocument();
	private final PDType0Font regular;
	private final PDType0Font bold;
	private PDPageContentStream content;
	private float y;

	public PdfPage() {
		this(false);
	}

	public PdfPage(boolean landscape) {
		size = landscape ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()) : PDRectangle.A4;
		pageWidth = size.getWidth();
		try {
			regular = load("fonts/DejaVuSerif.ttf");
			bold = load("fonts/DejaVuSerif-Bold.ttf");
			newPage();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private PDType0Font load(String path) throws IOException {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return PDType0Font.load(document, in);
		}
	}

	private void newPage() throws IOException {
		if (content != null) {
			content.close();
		}
		PDPage page = new PDPage(size);
		document.addPage(page);
		content = new PDPageContentStream(document, page);
		y = size.getHeight() - MARGIN;
	}

	/** The header of a state document: issuing body on the left, national motto on the right. */
	/** The heading in Vietnamese, as signed results and e-receipts always are. */
	public void header(String superior, String unit, String placeAndDate) {
		header(superior, unit, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", placeAndDate);
	}

	public void header(String superior, String unit, String nation, String motto, String placeAndDate) {
		float half = (pageWidth - 2 * MARGIN) / 2;
		float top = y;
		if (!superior.isBlank()) { // an Ủy ban nhân dân issues in its own name, with no line above it
			centered(superior.toUpperCase(java.util.Locale.forLanguageTag("vi")), regular, 10, MARGIN, half);
		}
		for (String line : wrap(unit.toUpperCase(java.util.Locale.forLanguageTag("vi")), bold, 10, half)) {
			centered(line, bold, 10, MARGIN, half);
		}
		float left = y;
		y = top;
		centered(nation, bold, 10, MARGIN + half, half);
		centered(motto, bold, 10, MARGIN + half, half);
		y -= 4;
		centered(placeAndDate, regular, 10, MARGIN + half, half);
		y = Math.min(y, left) - 18;
	}

	public void title(String text) {
		for (String line : wrap(text, bold, 13, pageWidth - 2 * MARGIN)) {
			centered(line, bold, 13, MARGIN, pageWidth - 2 * MARGIN);
		}
		y -= 8;
	}

	public void subtitle(String text) {
		centered(text, regular, 10, MARGIN, pageWidth - 2 * MARGIN);
		y -= 6;
	}

	public void paragraph(String text) {
		for (String line : wrap(text, regular, 11, pageWidth - 2 * MARGIN)) {
			write(line, regular, 11, MARGIN);
		}
		y -= 3;
	}

	/** "Label: value" with the label bold. */
	public void field(String label, String value) {
		String first = label + ": ";
		float labelWidth = width(first, bold, 11);
		List<String> lines = wrap(value, regular, 11, pageWidth - 2 * MARGIN - labelWidth);
		ensure(14);
		text(first, bold, 11, MARGIN, y);
		text(lines.isEmpty() ? "" : lines.get(0), regular, 11, MARGIN + labelWidth, y);
		y -= 15;
		for (int i = 1; i < lines.size(); i++) {
			write(lines.get(i), regular, 11, MARGIN + labelWidth);
		}
	}

	/** A table with a header row; column widths as fractions of the text width. */
	public void table(List<String> headers, float[] fractions, List<List<String>> rows) {
		float total = pageWidth - 2 * MARGIN;
		row(headers, fractions, total, bold);
		for (List<String> r : rows) {
			row(r, fractions, total, regular);
		}
		y -= 6;
	}

	private void row(List<String> cells, float[] fractions, float total, PDType0Font font) {
		List<List<String>> wrapped = new ArrayList<>();
		int height = 1;
		for (int i = 0; i < cells.size(); i++) {
			List<String> lines = wrap(cells.get(i) == null ? "" : cells.get(i), font, 9, total * fractions[i] - 6);
			wrapped.add(lines);
			height = Math.max(height, lines.size());
		}
		float rowHeight = height * 11 + 6;
		ensure(rowHeight);
		try {
			float x = MARGIN;
			for (int i = 0; i < cells.size(); i++) {
				float w = total * fractions[i];
				content.addRect(x, y - rowHeight + 8, w, rowHeight);
				content.stroke();
				float ty = y - 2;
				for (String line : wrapped.get(i)) {
					text(line, font, 9, x + 3, ty);
					ty -= 11;
				}
				x += w;
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		y -= rowHeight;
	}

	/** Two signature blocks side by side: who hands over and who receives, or the applicant and the officer. */
	public void signatures(String left, String leftNote, String right, String rightNote) {
		ensure(90);
		float half = (pageWidth - 2 * MARGIN) / 2;
		float top = y - 10;
		y = top;
		centered(left, bold, 11, MARGIN, half);
		centered(leftNote, regular, 9, MARGIN, half);
		y = top;
		centered(right, bold, 11, MARGIN + half, half);
		centered(rightNote, regular, 9, MARGIN + half, half);
		y -= 60;
	}

	/** An image (a QR code) at the right margin, with a caption under it. */
	public void image(java.awt.image.BufferedImage image, float size, String caption) {
		ensure(size + 20);
		try {
			PDImageXObject x = LosslessFactory.createFromImage(document, image);
			content.drawImage(x, pageWidth - MARGIN - size, y - size, size, size);
			float captionWidth = width(caption, regular, 8);
			text(caption, regular, 8, pageWidth - MARGIN - size + (size - captionWidth) / 2, y - size - 10);
			y -= size + 16; // what follows (the signature block) starts below the image, never under it
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public byte[] bytes() {
		try {
			content.close();
			content = null;
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void close() {
		try {
			if (content != null) {
				content.close();
			}
			document.close();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void write(String line, PDType0Font font, float size, float x) {
		ensure(size + 4);
		text(line, font, size, x, y);
		y -= size + 4;
	}

	private void centered(String line, PDType0Font font, float size, float x, float width) {
		ensure(size + 4);
		text(line, font, size, x + (width - width(line, font, size)) / 2, y);
		y -= size + 4;
	}

	private void text(String line, PDType0Font font, float size, float x, float at) {
		try {
			content.beginText();
			content.setFont(font, size);
			content.newLineAtOffset(x, at);
			content.showText(line);
			content.endText();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void ensure(float height) {
		if (y - height < MARGIN) {
			try {
				newPage();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}

	private static float width(String s, PDType0Font font, float size) {
		try {
			return font.getStringWidth(s) / 1000 * size;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static List<String> wrap(String text, PDType0Font font, float size, float maxWidth) {
		List<String> lines = new ArrayList<>();
		for (String paragraph : text.replace("\r", "").split("\n")) {
			StringBuilder line = new StringBuilder();
			for (String word : splitLong(paragraph.split(" "), font, size, maxWidth)) {
				String candidate = line.isEmpty() ? word : line + " " + word;
				if (width(candidate, font, size) <= maxWidth || line.isEmpty()) {
					line.setLength(0);
					line.append(candidate);
				}
				else {
					lines.add(line.toString());
					line.setLength(0);
					line.append(word);
				}
			}
			lines.add(line.toString());
		}
		return lines;
	}

	/** Words wider than a line (an ID number in a narrow cell, a long address) cut where the line ends. */
	private static List<String> splitLong(String[] words, PDType0Font font, float size, float maxWidth) {
		List<String> out = new ArrayList<>();
		for (String word : words) {
			String rest = word;
			while (width(rest, font, size) > maxWidth && rest.length() > 1) {
				int cut = rest.length() - 1;
				while (cut > 1 && width(rest.substring(0, cut), font, size) > maxWidth) {
					cut--;
				}
				out.add(rest.substring(0, cut));
				rest = rest.substring(cut);
			}
			out.add(rest);
		}
		return out;
	}
}
