package vn.motcua.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A table a page shows, to export as CSV (UTF-8 with a byte-order mark so spreadsheets read Vietnamese, CRLF,
 * text cells neutralised against formulas) or XLSX (numbers as numbers, text as text, never a formula).
 * Cells are text, whole numbers, decimals, dates, local date-times (Asia/Ho_Chi_Minh) or null (empty).
 */
public record Table(String title, List<String> headers, List<List<@Nullable Object>> rows) {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");
	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm");

	/** The export formats. */
	public enum Format {
		CSV("text/csv; charset=UTF-8"), XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

		final String contentType;

		Format(String contentType) {
			this.contentType = contentType;
		}

		/** {@code csv} or {@code xlsx}, any case; anything else is a 400. */
		public static Format of(String name) {
			for (Format f : values()) {
				if (f.name().equalsIgnoreCase(name)) {
					return f;
				}
			}
			throw new InvalidParameter("format", "Định dạng xuất chỉ có thể là csv hoặc xlsx.");
		}
	}

	/** Sends the table as a download named {@code fileName} plus the format's extension. */
	public void send(Format format, String fileName, HttpServletResponse response) throws IOException {
		response.setContentType(format.contentType);
		response.setHeader("Content-Disposition",
				"attachment; filename=\"" + fileName + "." + format.name().toLowerCase() + "\"");
		if (format == Format.CSV) {
			writeCsv(response.getOutputStream());
		}
		else {
			writeXlsx(response.getOutputStream());
		}
	}

	public void writeCsv(OutputStream stream) throws IOException {
		Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
		out.write('\uFEFF');
		out.write(String.join(",", headers.stream().map(Csv::cell).toList()) + "\r\n");
		for (List<@Nullable Object> row : rows) {
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < row.size(); i++) {
				Object v = row.get(i);
				line.append(i == 0 ? "" : ",")
					.append(v == null ? "" : v instanceof Number n ? plain(n)
							: v instanceof LocalDate d ? DAY.format(d)
							: v instanceof LocalDateTime t ? MINUTE.format(t) : Csv.cell(v.toString()));
			}
			out.write(line.append("\r\n").toString());
		}
		out.flush();
	}

	public void writeXlsx(OutputStream stream) throws IOException {
		try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
			SXSSFSheet sheet = book.createSheet(sheetName(title));
			Font bold = book.createFont();
			bold.setBold(true);
			CellStyle head = book.createCellStyle();
			head.setFont(bold);
			CellStyle date = book.createCellStyle();
			date.setDataFormat(book.createDataFormat().getFormat("dd/mm/yyyy"));
			CellStyle minute = book.createCellStyle();
			minute.setDataFormat(book.createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
			Row first = sheet.createRow(0);
			for (int i = 0; i < headers.size(); i++) {
				Cell c = first.createCell(i);
				c.setCellValue(headers.get(i));
				c.setCellStyle(head);
			}
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r + 1);
				List<@Nullable Object> values = rows.get(r);
				for (int i = 0; i < values.size(); i++) {
					Object v = values.get(i);
					if (v == null) {
						continue;
					}
					Cell c = row.createCell(i);
					if (v instanceof Number n) {
						c.setCellValue(n.doubleValue());
					}
					else if (v instanceof LocalDate d) {
						c.setCellValue(d);
						c.setCellStyle(date);
					}
					else if (v instanceof LocalDateTime t) {
						c.setCellValue(t);
						c.setCellStyle(minute);
					}
					else {
						c.setCellValue(v.toString()); // a string cell: never evaluated as a formula
					}
				}
			}
			sheet.createFreezePane(0, 1);
			book.write(stream);
		}
	}

	private static String plain(Number n) {
		return n instanceof BigDecimal d ? d.toPlainString() : n.toString();
	}

	/** Sheet names: at most 31 characters, none of {@code : \ / ? * [ ]}. */
	private static String sheetName(String title) {
		String name = title.replaceAll("[:\\\\/?*\\[\\]]", " ").strip();
		return name.isEmpty() ? "Sheet1" : name.length() > 31 ? name.substring(0, 31) : name;
	}
}
