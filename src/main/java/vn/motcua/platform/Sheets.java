package vn.motcua.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A province's spreadsheet read as rows of text: CSV (UTF-8, with or without a byte-order mark) or the first sheet
 * of an XLSX workbook, where dates become dd/MM/yyyy and numbers their plain text. Formulas are read as the value
 * they last computed, never evaluated.
 */
public final class Sheets {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");

	private Sheets() {
	}

	/** The records of {@code content}; XLSX when the name ends with .xlsx, CSV otherwise. */
	public static List<Csv.Row> read(String fileName, InputStream content) throws IOException {
		List<Csv.Row> rows = new ArrayList<>();
		if (fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
			DataFormatter format = new DataFormatter(java.util.Locale.ROOT);
			try (Workbook book = new XSSFWorkbook(content)) {
				Sheet sheet = book.getSheetAt(0);
				for (Row r : sheet) {
					List<String> fields = new ArrayList<>();
					for (int i = 0; i < Math.max(0, r.getLastCellNum()); i++) {
						fields.add(text(r.getCell(i), format));
					}
					if (fields.stream().anyMatch(f -> !f.isBlank())) {
						rows.add(new Csv.Row(r.getRowNum() + 1, fields, null));
					}
				}
			}
			catch (org.apache.poi.ooxml.POIXMLException | IllegalArgumentException notAWorkbook) {
				throw new InvalidParameter("file", "Tệp không phải là bảng tính XLSX đọc được.");
			}
			return rows;
		}
		Csv.read(new InputStreamReader(content, StandardCharsets.UTF_8), rows::add);
		return rows;
	}

	private static String text(Cell cell, DataFormatter format) {
		if (cell == null) {
			return "";
		}
		CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
		if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
			return DAY.format(cell.getLocalDateTimeCellValue().toLocalDate());
		}
		if (type == CellType.NUMERIC) {
			return new java.math.BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros()
				.toPlainString();
		}
		if (type == CellType.BOOLEAN) {
			return Boolean.toString(cell.getBooleanCellValue());
		}
		if (type == CellType.STRING) {
			return cell.getStringCellValue().strip();
		}
		return format.formatCellValue(cell).strip();
	}
}
