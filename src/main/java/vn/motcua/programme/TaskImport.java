package vn.motcua.programme;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditLog;
import vn.motcua.identity.Caller;
import vn.motcua.platform.Csv;
import vn.motcua.platform.Forbidden;
import vn.motcua.platform.InvalidFields;
import vn.motcua.platform.Sheets;
import vn.motcua.platform.Text;

/**
 * Moves a province's plan spreadsheet in: the tasks of one programme from CSV or XLSX, one task a line under a
 * heading row whose columns may be named as the API names them or as the province's plans do ("Mã nhiệm vụ",
 * "Thời hạn", …; docs/programme-import.md). Every bad line is reported at once and nothing is imported until the
 * whole file is right.
 */
@Service
public class TaskImport {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d/M/uuuu")
		.withResolverStyle(java.time.format.ResolverStyle.STRICT);

	/** Each column's names, folded (no diacritics, lower case, single spaces). */
	private static final Map<String, List<String>> COLUMNS = Map.ofEntries(
			Map.entry("programme", List.of("programme", "chuong trinh", "de an")),
			Map.entry("code", List.of("code", "ma nhiem vu", "ma", "stt nhiem vu")),
			Map.entry("group", List.of("group", "nhom", "nhom nhiem vu", "nhom tien ich")),
			Map.entry("title", List.of("title", "nhiem vu", "noi dung nhiem vu", "ten nhiem vu")),
			Map.entry("ownerUsername", List.of("ownerusername", "owner", "nguoi chu tri", "tai khoan chu tri",
					"nguoi phu trach")),
			Map.entry("unitCode", List.of("unitcode", "unit", "don vi chu tri", "ma don vi chu tri", "co quan chu tri")),
			Map.entry("partnerUnitCodes", List.of("partnerunitcodes", "partners", "don vi phoi hop", "co quan phoi hop")),
			Map.entry("startDate", List.of("startdate", "ngay bat dau", "bat dau")),
			Map.entry("deadline", List.of("deadline", "thoi han", "han hoan thanh", "thoi gian hoan thanh")),
			Map.entry("expectedResult", List.of("expectedresult", "ket qua", "san pham", "ket qua du kien",
					"san pham dau ra")),
			Map.entry("targetValue", List.of("targetvalue", "chi tieu", "muc tieu")),
			Map.entry("targetUnit", List.of("targetunit", "don vi tinh")));

	private final Programmes programmes;
	private final JdbcClient jdbc;
	private final AuditLog audit;

	TaskImport(Programmes programmes, JdbcClient jdbc, AuditLog audit) {
		this.programmes = programmes;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** What an import did: how many tasks it added. */
	public record Imported(int imported) {
	}

	/**
	 * Imports every line or none: 400 listing each bad line's fields ({@code line N: field}), 403 for a line the
	 * caller may not plan (another department's unit).
	 */
	@Transactional
	public Imported run(@Nullable String programme, String fileName, InputStream content, Caller caller)
			throws IOException {
		List<Csv.Row> rows = Sheets.read(fileName, content);
		InvalidFields.Collector errors = new InvalidFields.Collector();
		if (rows.isEmpty()) {
			errors.add("file", "programme.import.empty").throwIfAny();
		}
		Map<String, Integer> at = Sheets.columns(rows.get(0).fields(), COLUMNS);
		for (String required : List.of("code", "title", "ownerUsername", "unitCode", "deadline", "expectedResult")) {
			if (!at.containsKey(required)) {
				errors.add("file", "programme.import.missing-column", required);
			}
		}
		if (programme == null && !at.containsKey("programme")) {
			errors.add("file", "programme.import.missing-column", "programme");
		}
		errors.throwIfAny();
		List<Programmes.NewTask> tasks = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (Csv.Row row : rows.subList(1, rows.size())) {
			String prefix = "line " + row.line() + ": ";
			if (row.malformed()) {
				errors.add(prefix + "file", "programme.import.malformed", row.error());
				continue;
			}
			Programmes.NewTask t = task(row, at, programme, prefix, errors);
			InvalidFields.Collector lineErrors = programmes.checkNew(t, prefix);
			lineErrors.errors().forEach(e -> errors.add(e.field(), e.messageKey(), e.args()));
			if (t.programme() != null && t.code() != null && !t.code().isBlank()) {
				if (!seen.add(t.programme() + "|" + t.code().strip())) {
					errors.add(prefix + "code", "programme.import.repeated-in-file", t.code().strip());
				}
				else if (jdbc.sql("select count(*) from programme_task where programme_code = ? and code = ?")
					.params(t.programme(), t.code().strip()).query(Long.class).single() > 0) {
					errors.add(prefix + "code", "programme.import.exists", t.code().strip());
				}
			}
			if (t.unitCode() != null && !lineErrors.has(prefix + "unitCode") && !programmes.mayPlan(t.unitCode(), caller)) {
				errors.add(prefix + "unitCode", "programme.import.not-yours", t.unitCode());
			}
			tasks.add(t);
		}
		if (tasks.isEmpty() && errors.isEmpty()) {
			errors.add("file", "programme.import.empty");
		}
		errors.throwIfAny();
		if (!programmes.mayPlan(null, caller)) {
			throw new Forbidden(new Text("problem.programme.plan-forbidden"));
		}
		for (Programmes.NewTask t : tasks) {
			programmes.insert(t, caller.username(), false);
		}
		audit.record(AuditEntry.of(caller.username(), "programme.tasks.imported", "programme",
				String.valueOf(programme != null ? programme : tasks.get(0).programme()))
			.with(Map.of("file", fileName, "tasks", tasks.size())));
		return new Imported(tasks.size());
	}

	private static Programmes.NewTask task(Csv.Row row, Map<String, Integer> at, @Nullable String programme,
			String prefix, InvalidFields.Collector errors) {
		String partners = cell(row, at, "partnerUnitCodes");
		return new Programmes.NewTask(programme != null ? programme : cell(row, at, "programme"), cell(row, at, "code"),
				cell(row, at, "group"), cell(row, at, "title"), cell(row, at, "ownerUsername"), cell(row, at, "unitCode"),
				partners == null ? List.of()
						: Arrays.stream(partners.split("[;,]")).map(String::strip).filter(s -> !s.isEmpty()).toList(),
				date(row, at, "startDate", prefix, errors), date(row, at, "deadline", prefix, errors),
				cell(row, at, "expectedResult"), number(row, at, "targetValue", prefix, errors),
				cell(row, at, "targetUnit"));
	}

	private static @Nullable String cell(Csv.Row row, Map<String, Integer> at, String column) {
		return Sheets.cell(row, at.get(column));
	}

	private static @Nullable LocalDate date(Csv.Row row, Map<String, Integer> at, String column, String prefix,
			InvalidFields.Collector errors) {
		String v = cell(row, at, column);
		if (v == null) {
			return null;
		}
		try {
			return v.matches("\\d{4}-\\d{2}-\\d{2}") ? LocalDate.parse(v) : LocalDate.parse(v, DAY);
		}
		catch (DateTimeParseException e) {
			errors.add(prefix + column, "programme.import.date", v);
			return null;
		}
	}

	private static @Nullable BigDecimal number(Csv.Row row, Map<String, Integer> at, String column, String prefix,
			InvalidFields.Collector errors) {
		String v = cell(row, at, column);
		if (v == null) {
			return null;
		}
		try {
			return new BigDecimal(v.replace("%", "").replace(" ", "").replace(',', '.'));
		}
		catch (NumberFormatException e) {
			errors.add(prefix + column, "programme.import.number", v);
			return null;
		}
	}
}
