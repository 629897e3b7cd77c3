package vn.motcua.platform;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * RFC 4180 reading: fields separated by commas, quoted with {@code "} (a doubled quote inside), records
 * ended by LF or CRLF, quoted fields may span lines; a leading UTF-8 byte-order mark is skipped.
 */
public final class Csv {

	private Csv() {
	}

	/**
	 * One record.
	 *
	 * @param line the physical line (from 1) the record starts on
	 * @param error why the record is malformed (an unterminated quote, text after a closing quote), or null
	 */
	public record Row(int line, List<String> fields, String error) {

		public boolean malformed() {
			return error != null;
		}
	}

	/** Reads every record, handing each to {@code sink}; blank lines are skipped. */
	public static void read(Reader in, Consumer<Row> sink) {
		try {
			int c = in.read();
			if (c == '\uFEFF') {
				c = in.read();
			}
			int line = 1;
			while (c != -1) {
				int start = line;
				List<String> fields = new ArrayList<>();
				StringBuilder field = new StringBuilder();
				String error = null;
				boolean quoted = false;
				boolean afterQuote = false;
				boolean endOfRecord = false;
				while (!endOfRecord) {
					if (c == -1) {
						if (quoted) {
							error = "dấu ngoặc kép chưa được đóng";
						}
						endOfRecord = true;
						continue;
					}
					char ch = (char) c;
					if (quoted) {
						if (ch == '"') {
							c = in.read();
							if (c == '"') {
								field.append('"');
								c = in.read();
							}
							else {
								quoted = false;
								afterQuote = true;
							}
							continue;
						}
						if (ch == '\n') {
							line++;
						}
						field.append(ch);
						c = in.read();
						continue;
					}
					if (ch == ',') {
						fields.add(field.toString());
						field.setLength(0);
						afterQuote = false;
					}
					else if (ch == '\r' || ch == '\n') {
						if (ch == '\r') {
							c = in.read();
							if (c != '\n') {
								line++;
								endOfRecord = true;
								continue;
							}
						}
						line++;
						endOfRecord = true;
					}
					else if (ch == '"' && field.length() == 0 && !afterQuote) {
						quoted = true;
					}
					else if (afterQuote) {
						error = error != null ? error : "có ký tự sau dấu ngoặc kép đóng";
						field.append(ch);
					}
					else {
						field.append(ch);
					}
					c = in.read();
				}
				fields.add(field.toString());
				boolean blank = fields.size() == 1 && fields.get(0).isEmpty() && error == null;
				if (!blank) {
					sink.accept(new Row(start, List.copyOf(fields), error));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * One cell for a CSV file opened in a spreadsheet: quoted, and a value starting with = + - @ (a formula to
	 * a spreadsheet) made text by a leading apostrophe.
	 */
	public static String cell(@org.jspecify.annotations.Nullable String value) {
		if (value == null) {
			return "";
		}
		String v = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
		return "\"" + v.replace("\"", "\"\"") + "\"";
	}
}
