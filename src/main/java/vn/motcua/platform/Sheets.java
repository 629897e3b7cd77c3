package vn.motcua.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;

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
		if (fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
			DataFormatter format = new DataFormatter(Locale.ROOT);
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

	/** A heading or a short answer ("Có", "không") as compared: without diacritics, lower case, single spaces. */
	public static String fold(String s) {
		return Texts.unaccented(s).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
	}

	/**
	 * Which column holds what, from the heading row: each key with the folded names it may go by; the first column
	 * a name matches wins.
	 */
	public static Map<String, Integer> columns(List<String> heading, Map<String, List<String>> names) {
		Map<String, Integer> at = new HashMap<>();
		for (int i = 0; i < heading.size(); i++) {
			String folded = fold(heading.get(i));
			for (java.util.Map.Entry<String, List<String>> c : names.entrySet()) {
				if (c.getValue().contains(folded)) {
					at.putIfAbsent(c.getKey(), i);
				}
			}
		}
		return at;
	}

	/** The stripped text of a row's cell, null when the column is missing or the cell empty. */
	public static @Nullable String cell(Csv.Row row, @Nullable Integer column) {
		if (column == null || column >= row.fields().size()) {
			return null;
		}
		return Texts.strippedOrNull(row.fields().get(column));
	}
}
