package vn.motcua.dossier;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;

/**
 * A printed form checked as paper: each page rendered to PNG (kept under {@code target/forms/} to look at) with no ink
 * in the side margins, no letter under an image (the QR code) and no letter across a table's rule (a cell's text
 * running into the next). Coordinates are points from the page's top left.
 */
final class FormLayout {

	/** The side margin the forms keep (PdfPage's 56 pt), less a little for anti-aliasing. */
	private static final float MARGIN = 54;

	private FormLayout() {
	}

	/** The problems found, each with its page and what was where; empty when the form is laid out right. */
	static List<String> problems(PDDocument pdf, String name) throws IOException {
		List<String> problems = new ArrayList<>();
		PDFRenderer renderer = new PDFRenderer(pdf);
		Path dir = Path.of("target", "forms");
		Files.createDirectories(dir);
		for (int i = 0; i < pdf.getNumberOfPages(); i++) {
			PDPage page = pdf.getPage(i);
			float height = page.getMediaBox().getHeight();
			float scale = 2;
			BufferedImage png = renderer.renderImage(i, scale);
			ImageIO.write(png, "png", dir.resolve(name + "-" + (i + 1) + ".png").toFile());
			for (int y = 0; y < png.getHeight(); y++) {
				for (int x = 0; x < png.getWidth(); x++) {
					boolean inMargin = x < MARGIN * scale || x > png.getWidth() - MARGIN * scale;
					if (inMargin && dark(png.getRGB(x, y))) {
						problems.add("page " + (i + 1) + ": ink in the margin at " + x / scale + "," + y / scale);
						y = png.getHeight();
						break;
					}
				}
			}
			Shapes shapes = new Shapes(page, height);
			shapes.processPage(page);
			for (Rectangle2D glyph : glyphs(pdf, i)) {
				for (Rectangle2D image : shapes.images) {
					if (glyph.intersects(image)) {
						problems.add("page " + (i + 1) + ": text at " + glyph + " under the image at " + image);
					}
				}
				for (Rectangle2D rule : shapes.rules) {
					boolean across = rule.getX() > glyph.getMinX() && rule.getX() < glyph.getMaxX()
							&& rule.getMinY() < glyph.getMaxY() && rule.getMaxY() > glyph.getMinY();
					if (across) {
						problems.add("page " + (i + 1) + ": text at " + glyph + " across the rule at x=" + rule.getX());
					}
				}
			}
		}
		return problems;
	}

	private static boolean dark(int rgb) {
		int r = (rgb >> 16) & 0xff;
		int g = (rgb >> 8) & 0xff;
		int b = rgb & 0xff;
		return r + g + b < 3 * 200;
	}

	/** Every letter's box (a little inside its advance, so neighbouring letters and rules may touch). */
	private static List<Rectangle2D> glyphs(PDDocument pdf, int pageIndex) throws IOException {
		List<Rectangle2D> boxes = new ArrayList<>();
		PDFTextStripper stripper = new PDFTextStripper() {
			@Override
			protected void writeString(String text, List<TextPosition> positions) {
				for (TextPosition p : positions) {
					if (!p.getUnicode().isBlank()) {
						boxes.add(new Rectangle2D.Float(p.getXDirAdj() + 0.6f, p.getYDirAdj() - p.getHeightDir() + 0.6f,
								Math.max(0, p.getWidthDirAdj() - 1.2f), Math.max(0, p.getHeightDir() - 1.2f)));
					}
				}
			}
		};
		stripper.setStartPage(pageIndex + 1);
		stripper.setEndPage(pageIndex + 1);
		stripper.getText(pdf);
		return boxes;
	}

	/** Images drawn and the vertical sides of the rectangles (table cells) stroked on a page. */
	private static final class Shapes extends PDFGraphicsStreamEngine {

		final List<Rectangle2D> images = new ArrayList<>();
		final List<Rectangle2D> rules = new ArrayList<>();
		private final float height;

		Shapes(PDPage page, float height) {
			super(page);
			this.height = height;
		}

		@Override
		public void drawImage(PDImage pdImage) {
			Matrix m = getGraphicsState().getCurrentTransformationMatrix();
			images.add(new Rectangle2D.Float(m.getTranslateX(), height - m.getTranslateY() - m.getScalingFactorY(),
					m.getScalingFactorX(), m.getScalingFactorY()));
		}

		@Override
		public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
			double top = height - Math.max(p0.getY(), p2.getY());
			double bottom = height - Math.min(p0.getY(), p2.getY());
			for (double x : new double[] { Math.min(p0.getX(), p2.getX()), Math.max(p0.getX(), p2.getX()) }) {
				rules.add(new Rectangle2D.Double(x, top, 0, bottom - top));
			}
		}

		@Override
		public void clip(int windingRule) {
		}

		@Override
		public void moveTo(float x, float y) {
		}

		@Override
		public void lineTo(float x, float y) {
		}

		@Override
		public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
		}

		@Override
		public Point2D getCurrentPoint() {
			return new Point2D.Float();
		}

		@Override
		public void closePath() {
		}

		@Override
		public void endPath() {
		}

		@Override
		public void strokePath() {
		}

		@Override
		public void fillPath(int windingRule) {
		}

		@Override
		public void fillAndStrokePath(int windingRule) {
		}

		@Override
		public void shadingFill(COSName shadingName) {
		}
	}
}
