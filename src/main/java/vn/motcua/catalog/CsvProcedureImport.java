package vn.motcua.catalog;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditLog;
import vn.motcua.organization.Agencies;
import vn.motcua.platform.Csv;

/**
 * The CSV import of docs/api.md: every line is checked first and all bad lines reported; only a clean file
 * is written, in one transaction with its audit records. A new code is published as version 1 with one
 * default case; a known one is corrected in place (an administrative correction, audited per procedure).
 */
@Service
class CsvProcedureImport implements ProcedureImport {

	static final List<String> HEADER = List.of("code", "name", "field", "agencyCode", "level", "durationWorkingDays",
			"feeVnd", "onlineLevel", "internal");

	private final JdbcClient jdbc;
	private final Agencies agencies;
	private final AuditLog audit;
	private final JdbcProcedurePublication publication;

	CsvProcedureImport(JdbcClient jdbc, Agencies agencies, AuditLog audit, JdbcProcedurePublication publication) {
		this.jdbc = jdbc;
		this.agencies = agencies;
		this.audit = audit;
		this.publication = publication;
	}

	record Line(int line, String code, String name, String field, String agencyCode, String level, int days, long fee,
			OnlineLevel online, boolean internal) {
	}

	@Override
	@Transactional
	public Result importCsv(InputStream csv, String actor) {
		return importCsv(csv, actor, Progress.NONE);
	}

	@Override
	@Transactional
	public Result importCsv(InputStream csv, String actor, Progress progress) {
		List<Line> lines = parse(csv);
		int written = 0;
		Map<String, Integer> fieldIds = new HashMap<>();
		int imported = 0;
		int updated = 0;
		int unchanged = 0;
		for (Line l : lines) {
			int fieldId = fieldIds.computeIfAbsent(l.field(), this::fieldId);
			Integer version = jdbc.sql("select current_version from procedure where code = ? for update")
				.param(l.code())
				.query(Integer.class)
				.optional()
				.orElse(null);
			if (version == null) {
				create(l, fieldId);
				imported++;
			}
			else if (correct(l, fieldId, version)) {
				audit.record(AuditEntry.of(actor, "catalog.procedure-corrected", "procedure", l.code())
					.with(Map.of("name", l.name(), "field", l.field(), "agencyCode", l.agencyCode(), "level", l.level(),
							"durationWorkingDays", l.days(), "feeVnd", l.fee(), "onlineLevel", l.online().name())));
				updated++;
			}
			else {
				unchanged++;
			}
			if (++written % 100 == 0 || written == lines.size()) {
				progress.at(written, lines.size());
			}
		}
		audit.record(AuditEntry.of(actor, "catalog.csv-imported", "catalog", "csv")
			.with(Map.of("lines", lines.size(), "imported", imported, "updated", updated, "unchanged", unchanged)));
		return new Result(imported, updated, unchanged);
	}

	private List<Line> parse(InputStream csv) {
		List<Map<String, Object>> errors = new ArrayList<>();
		List<Line> lines = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		Set<String> knownAgencies = new HashSet<>();
		agencies.all().forEach(a -> knownAgencies.add(a.code()));
		var decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		boolean[] headerSeen = { false };
		try {
			Csv.read(new InputStreamReader(csv, decoder), row -> {
				if (!headerSeen[0]) {
					headerSeen[0] = true;
					if (!row.fields().equals(HEADER)) {
						errors.add(error(row.line(), "Dòng tiêu đề phải đúng là: " + String.join(",", HEADER)));
					}
					return;
				}
				List<String> problems = new ArrayList<>();
				Line line = check(row, problems, knownAgencies);
				if (line != null && !seen.add(line.code())) {
					problems.add("mã " + line.code() + " lặp lại trong tệp");
				}
				if (problems.isEmpty()) {
					lines.add(line);
				}
				else {
					errors.add(error(row.line(), String.join("; ", problems)));
				}
			});
		}
		catch (java.io.UncheckedIOException e) {
			if (e.getCause() instanceof CharacterCodingException) {
				errors.add(error(0, "Tệp không phải UTF-8"));
			}
			else {
				throw e;
			}
		}
		if (!headerSeen[0]) {
			errors.add(error(1, "Tệp rỗng: thiếu dòng tiêu đề"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidImport(errors);
		}
		return lines;
	}

	private static Line check(Csv.Row row, List<String> problems, Set<String> knownAgencies) {
		if (row.malformed()) {
			problems.add("CSV sai định dạng: " + row.error());
			return null;
		}
		List<String> f = row.fields();
		if (f.size() != HEADER.size()) {
			problems.add("cần " + HEADER.size() + " cột, có " + f.size());
			return null;
		}
		for (int i = 0; i < f.size(); i++) {
			if (vn.motcua.platform.TextRules.hasNul(f.get(i))) {
				problems.add("cột " + HEADER.get(i) + " chứa ký tự NUL (U+0000)");
			}
		}
		String code = f.get(0).strip();
		if (!code.matches("[0-9A-Za-z][0-9A-Za-z._-]{0,39}")) {
			problems.add("mã thủ tục không hợp lệ: \"" + code + "\"");
		}
		String name = f.get(1).strip();
		if (name.isEmpty() || name.length() > 500) {
			problems.add("tên thủ tục phải có từ 1 đến 500 ký tự");
		}
		String field = f.get(2).strip();
		if (field.isEmpty() || field.length() > 300) {
			problems.add("lĩnh vực phải có từ 1 đến 300 ký tự");
		}
		String agency = f.get(3).strip();
		if (!knownAgencies.contains(agency)) {
			problems.add("không có cơ quan mã \"" + agency + "\"");
		}
		String level = f.get(4).strip();
		if (!level.equals("PROVINCE") && !level.equals("COMMUNE")) {
			problems.add("cấp thực hiện phải là PROVINCE hoặc COMMUNE: \"" + level + "\"");
		}
		int days = number(f.get(5), "durationWorkingDays", 1, 10_000, problems);
		long fee = number(f.get(6), "feeVnd", 0, 1_000_000_000, problems);
		OnlineLevel online = null;
		try {
			online = OnlineLevel.valueOf(f.get(7).strip());
		}
		catch (IllegalArgumentException e) {
			problems.add("onlineLevel phải là FULL, PARTIAL hoặc NONE: \"" + f.get(7) + "\"");
		}
		String internal = f.get(8).strip();
		if (!internal.equals("true") && !internal.equals("false")) {
			problems.add("internal phải là true hoặc false: \"" + internal + "\"");
		}
		return problems.isEmpty() ? new Line(row.line(), code, name, field, agency, level, days, fee, online,
				internal.equals("true")) : null;
	}

	private static int number(String text, String column, int min, int max, List<String> problems) {
		String t = text.strip();
		if (!t.matches("\\d{1,10}") || Long.parseLong(t) < min || Long.parseLong(t) > max) {
			problems.add(column + " phải là số nguyên từ " + min + " đến " + max + ": \"" + text + "\"");
			return -1;
		}
		return Integer.parseInt(t);
	}

	private static Map<String, Object> error(int line, String message) {
		Map<String, Object> e = new LinkedHashMap<>();
		e.put("line", line);
		e.put("message", message);
		return e;
	}

	private int fieldId(String name) {
		return JdbcProcedurePublication.fieldId(jdbc, name);
	}

	/** A new code: version 1 with one default case, through the same publication path as every version. */
	private void create(Line l, int fieldId) {
		Map<String, Long> fees = new LinkedHashMap<>();
		fees.put("COUNTER", l.fee());
		fees.put("ONLINE", l.fee());
		fees.put("POSTAL", l.fee());
		publication.writeNew(l.code(), new ProcedurePublication.Draft(l.name(), l.field(), l.agencyCode(), l.level(),
				List.of(), l.online(), null, null, null, null, null, l.internal(),
				List.of(new ProcedurePublication.CaseDraft(l.code() + "-01", "Trường hợp chung", true, l.days(), "DAYS",
						null, fees, List.of()))),
				new ProcedurePublication.Decision(null, null, "IMPORTED", null), fieldId);
	}

	/** Corrects the version in force in place; false when the line changes nothing. */
	private boolean correct(Line l, int fieldId, int version) {
		Map<String, Object> p = params(l, fieldId);
		int changed = jdbc.sql("""
				update procedure set name = :name, field_id = :field, agency_code = :agency, level = :level,
				  internal = :internal, online_level = :online, duration_amount = :days, duration_unit = 'DAYS',
				  fee_vnd = :fee
				where code = :code and (name, field_id, agency_code, level, internal, online_level, duration_amount,
				  duration_unit, fee_vnd) is distinct from
				  (:name, :field, :agency, :level, :internal, :online, :days, 'DAYS', cast(:fee as bigint))""")
			.params(p)
			.update();
		if (changed == 0) {
			return false;
		}
		jdbc.sql("""
				update procedure_version set name = :name, field_id = :field, agency_code = :agency, level = :level,
				  online_level = :online
				where procedure_code = :code and version = :version""")
			.params(p)
			.param("version", version)
			.update();
		jdbc.sql("""
				update procedure_case set duration_amount = :days, duration_unit = 'DAYS', fee_counter_vnd = :fee,
				  fee_online_vnd = :fee, fee_postal_vnd = :fee
				where procedure_code = :code and version = :version and is_default""")
			.params(p)
			.param("version", version)
			.update();
		return true;
	}

	private static Map<String, Object> params(Line l, int fieldId) {
		Map<String, Object> p = new HashMap<>();
		p.put("code", l.code());
		p.put("name", l.name());
		p.put("field", fieldId);
		p.put("agency", l.agencyCode());
		p.put("level", l.level());
		p.put("internal", l.internal());
		p.put("online", l.online().name());
		p.put("days", l.days());
		p.put("fee", l.fee());
		return p;
	}
}
