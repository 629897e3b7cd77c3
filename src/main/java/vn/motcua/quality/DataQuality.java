package vn.motcua.quality;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditLog;
import vn.motcua.dossier.ApplicantCorrections;
import vn.motcua.identity.Caller;
import vn.motcua.identity.Role;
import vn.motcua.organization.Agencies;
import vn.motcua.platform.DomainProblem;
import vn.motcua.platform.Forbidden;
import vn.motcua.platform.InvalidFields;
import vn.motcua.platform.InvalidParameter;
import vn.motcua.platform.NotFound;
import vn.motcua.platform.Table;
import vn.motcua.platform.Text;

/**
 * The scores of the latest run per dataset and dimension (for a unit's subtree), their trend by run, the correction
 * queue and its resolutions: a correction goes through the module that owns the record and the record is checked
 * again at once; a dismissal needs a reason. Administrators see everything; leaders read the scores of their subtree;
 * staff of the unit that owns a record see and resolve its issues.
 */
@Service
public class DataQuality {

	public static final List<String> DATASETS = List.of("APPLICANTS", "DOSSIERS", "PROCEDURES", "AGENCIES");
	public static final List<String> DIMENSIONS = List.of("correct", "complete", "clean", "live");
	static final Set<String> STATUSES = Set.of("OPEN", "CORRECTED", "DISMISSED");

	private final JdbcClient jdbc;
	private final Agencies agencies;
	private final QualityRuns runs;
	private final ApplicantCorrections applicants;
	private final AuditLog audit;
	private final Clock clock;

	DataQuality(JdbcClient jdbc, Agencies agencies, QualityRuns runs, ApplicantCorrections applicants, AuditLog audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.agencies = agencies;
		this.runs = runs;
		this.applicants = applicants;
		this.audit = audit;
		this.clock = clock;
	}

	/** Checked and passed records of one dimension; the rate is null when nothing was checked. */
	public record Dimension(long checked, long passed, @Nullable BigDecimal rate) {

		static Dimension of(long checked, long passed) {
			return new Dimension(checked, passed, vn.motcua.platform.Percent.of(passed, checked));
		}
	}

	public record Summary(String dataset, long records, @Nullable Instant runAt, Map<String, Dimension> dimensions) {
	}

	/** One run's rates for the trend. */
	public record Point(long run, Instant at, Map<String, @Nullable BigDecimal> rates) {
	}

	public record Issue(long id, String dataset, String recordKey, String field, String dimension, String rule,
			String message, String status, String unitCode, @Nullable String resolutionNote) {
	}

	public record Page(List<Issue> items, long total) {
	}

	public Summary summary(String dataset, @Nullable String agency, Caller caller) {
		String[] units = scope(agency, caller, true);
		Map<String, Dimension> dims = new LinkedHashMap<>();
		DIMENSIONS.forEach(d -> dims.put(d, Dimension.of(0, 0)));
		Run last = lastRun();
		if (last == null) {
			return new Summary(dataset(dataset), 0, null, dims);
		}
		long[] records = { 0 };
		jdbc.sql("""
				select dimension, sum(checked), sum(passed) from quality_score
				where run_id = :run and dataset = :dataset and (cast(:units as text[]) is null or unit_code = any(:units))
				group by dimension""")
			.param("run", last.id())
			.param("dataset", dataset(dataset))
			.param("units", units)
			.query((rs, n) -> {
				if (rs.getString(1).equals("records")) {
					records[0] = rs.getLong(2);
				}
				else {
					dims.put(rs.getString(1), Dimension.of(rs.getLong(2), rs.getLong(3)));
				}
				return null;
			})
			.list();
		return new Summary(dataset(dataset), records[0], last.at(), dims);
	}

	/** The rates by run, oldest first, for the last {@code runs} runs that finished. */
	public List<Point> trend(String dataset, @Nullable String agency, int last, Caller caller) {
		String[] units = scope(agency, caller, true);
		Map<Long, Point> points = new LinkedHashMap<>();
		jdbc.sql("""
				select r.id, r.started_at, s.dimension, sum(s.checked), sum(s.passed)
				from (select * from quality_run where status = 'DONE' order by id desc limit :last) r
				join quality_score s on s.run_id = r.id and s.dataset = :dataset and s.dimension <> 'records'
				  and (cast(:units as text[]) is null or s.unit_code = any(:units))
				group by r.id, r.started_at, s.dimension order by r.id""")
			.param("last", last)
			.param("dataset", dataset(dataset))
			.param("units", units)
			.query((rs, n) -> {
				Point p = points.computeIfAbsent(rs.getLong(1),
						id -> new Point(id, instant(rs, 2), new LinkedHashMap<>()));
				p.rates().put(rs.getString(3), Dimension.of(rs.getLong(4), rs.getLong(5)).rate());
				return null;
			})
			.list();
		return new ArrayList<>(points.values());
	}

	private static Instant instant(java.sql.ResultSet rs, int column) {
		try {
			return rs.getTimestamp(column).toInstant();
		}
		catch (java.sql.SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	public Page issues(@Nullable String dataset, @Nullable String dimension, @Nullable String status,
			@Nullable String agency, int page, int size, Caller caller) {
		String[] units = scope(agency, caller, false);
		if (dimension != null && !DIMENSIONS.contains(dimension)) {
			throw new InvalidParameter("dimension", "dimension phải là một trong " + DIMENSIONS + ": \"" + dimension + "\"");
		}
		if (status != null && !STATUSES.contains(status)) {
			throw new InvalidParameter("status", "status phải là OPEN, CORRECTED hoặc DISMISSED: \"" + status + "\"");
		}
		String where = " where (cast(:dataset as text) is null or i.dataset = :dataset)"
				+ " and (cast(:dimension as text) is null or i.dimension = :dimension)"
				+ " and (cast(:status as text) is null or i.status = :status)"
				+ " and (cast(:units as text[]) is null or i.unit_code = any(:units))";
		Map<String, Object> params = new java.util.HashMap<>();
		params.put("dataset", dataset == null ? null : dataset(dataset));
		params.put("dimension", dimension);
		params.put("status", status);
		params.put("units", units);
		long total = jdbc.sql("select count(*) from quality_issue i" + where).params(params).query(Long.class).single();
		params.put("size", size);
		params.put("offset", (long) page * size);
		List<Issue> items = jdbc.sql("select i.*, r.description from quality_issue i join quality_rule r on r.code = i.rule"
				+ where + " order by i.status = 'OPEN' desc, i.id limit :size offset :offset")
			.params(params)
			.query(DataQuality::issue)
			.list();
		return new Page(items, total);
	}

	private static Issue issue(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Issue(rs.getLong("id"), rs.getString("dataset"), rs.getString("record_key"), rs.getString("field"),
				rs.getString("dimension"), rs.getString("rule"), rs.getString("description"), rs.getString("status"),
				rs.getString("unit_code"), rs.getString("resolution_note"));
	}

	/**
	 * Resolves an issue: CORRECT with a value (the owning module changes the record, which is then checked again) or
	 * DISMISS with a reason.
	 */
	@Transactional
	public Issue resolve(long id, @Nullable String action, @Nullable String value, @Nullable String reason,
			Caller caller) {
		Issue i = jdbc.sql("select i.*, r.description from quality_issue i join quality_rule r on r.code = i.rule"
				+ " where i.id = ? for update of i")
			.param(id)
			.query(DataQuality::issue)
			.optional()
			.orElseThrow(() -> new NotFound(new Text("problem.quality.issue-not-found", Long.toString(id))));
		if (!mayResolve(i, caller)) {
			if (!caller.citizen() && caller.unitCode() != null) {
				throw new Forbidden(new Text("problem.quality.resolve-forbidden"));
			}
			throw new NotFound(new Text("problem.quality.issue-not-found", Long.toString(id)));
		}
		InvalidFields.Collector errors = new InvalidFields.Collector();
		if (!"CORRECT".equals(action) && !"DISMISS".equals(action)) {
			errors.add("action", "quality.error.action");
		}
		if ("DISMISS".equals(action) && (reason == null || reason.isBlank())) {
			errors.add("reason", "quality.error.reason");
		}
		if ("CORRECT".equals(action) && (value == null || value.isBlank())) {
			errors.add("value", "quality.error.value");
		}
		errors.throwIfAny();
		if (!i.status().equals("OPEN")) {
			throw new NotOpen(i.status());
		}
		if ("DISMISS".equals(action)) {
			jdbc.sql("update quality_issue set status = 'DISMISSED', resolved_at = ?, resolved_by = ?, resolution_note = ?"
					+ " where id = ?")
				.params(Timestamp.from(clock.instant()), caller.username(), reason.strip(), id)
				.update();
			audit.record(AuditEntry.of(caller.username(), "quality.issue.dismissed", "quality-issue", Long.toString(id))
				.with(Map.of("rule", i.rule(), "record", i.recordKey(), "reason", reason.strip())));
		}
		else {
			correct(i, value, reason, caller);
		}
		return jdbc.sql("select i.*, r.description from quality_issue i join quality_rule r on r.code = i.rule where i.id = ?")
			.param(id).query(DataQuality::issue).single();
	}

	private void correct(Issue i, String value, @Nullable String reason, Caller caller) {
		String field = switch (i.rule()) {
			case "APPLICANT_CONTACT" -> value.contains("@") ? "email" : "phone";
			case "APPLICANT_ONE_PERSON" -> "fullName";
			default -> null;
		};
		if (field == null || !i.dataset().equals("APPLICANTS")) {
			throw new NotCorrectableHere(i.dataset());
		}
		String why = "Sửa theo kiểm tra chất lượng dữ liệu (" + i.rule() + ")"
				+ (reason == null || reason.isBlank() ? "" : ": " + reason.strip());
		applicants.correct(i.recordKey(), field, value, caller.username(), why);
		audit.record(AuditEntry.of(caller.username(), "quality.issue.corrected", "quality-issue", Long.toString(i.id()))
			.with(Map.of("rule", i.rule(), "record", i.recordKey(), "field", field)));
		// checked again at once: the issue closes if the record passes now
		Run last = lastRun();
		QualityRuns.Rule rule = runs.rules().stream().filter(r -> r.code().equals(i.rule())).findFirst().orElseThrow();
		Boolean passed = runs.check(last == null ? 0 : last.id(), rule, i.recordKey());
		if (Boolean.TRUE.equals(passed)) {
			jdbc.sql("update quality_issue set resolved_by = ?, resolution_note = ? where id = ?")
				.params(caller.username(), why, i.id())
				.update();
		}
	}

	private boolean mayResolve(Issue i, Caller caller) {
		return caller.has(Role.ADMIN) || !caller.citizen() && caller.unitCode() != null && !i.unitCode().isEmpty()
				&& agencies.isWithin(i.unitCode(), caller.unitCode());
	}

	/** The units the caller's question covers; null for all. Scores are for leaders and administrators. */
	private String @Nullable [] scope(@Nullable String agency, Caller caller, boolean scores) {
		if (caller.citizen()) {
			throw new Forbidden(new Text("problem.quality.staff-only"));
		}
		boolean all = caller.has(Role.ADMIN) || caller.has(Role.PROVINCE_LEADER);
		if (scores && !all && !caller.has(Role.DEPARTMENT_LEADER)) {
			throw new Forbidden(new Text("problem.quality.leaders-only"));
		}
		if (agency != null && !agency.isBlank()) {
			if (agencies.find(agency).isEmpty()) {
				throw new InvalidParameter("agency", "Không có đơn vị " + agency);
			}
			if (!all && (caller.unitCode() == null || !agencies.isWithin(agency, caller.unitCode()))) {
				throw new Forbidden(new Text("problem.quality.leaders-only"));
			}
			return agencies.subtree(agency).toArray(String[]::new);
		}
		if (all) {
			return null;
		}
		return caller.unitCode() == null ? new String[0] : agencies.subtree(caller.unitCode()).toArray(String[]::new);
	}

	/** The issues as a table to export (CSV or XLSX) for units that fix data elsewhere. */
	public Table export(@Nullable String dataset, @Nullable String dimension, @Nullable String status,
			@Nullable String agency, Caller caller) {
		List<List<@Nullable Object>> rows = new ArrayList<>();
		Page p = issues(dataset, dimension, status, agency, 0, 100_000, caller);
		for (Issue i : p.items()) {
			rows.add(List.of(i.id(), i.dataset(), i.recordKey(), i.field(), i.dimension(), i.rule(), i.message(),
					i.status(), i.unitCode()));
		}
		return new Table("Vấn đề chất lượng dữ liệu", List.of("Mã", "Tập dữ liệu", "Bản ghi", "Trường", "Tiêu chí", "Quy tắc",
				"Mô tả", "Tình trạng", "Đơn vị"), rows);
	}

	record Run(long id, Instant at) {
	}

	@Nullable
	Run lastRun() {
		return jdbc.sql("select id, started_at from quality_run where status = 'DONE' order by id desc limit 1")
			.query((rs, n) -> new Run(rs.getLong(1), rs.getTimestamp(2).toInstant()))
			.optional()
			.orElse(null);
	}

	private static String dataset(String dataset) {
		if (!DATASETS.contains(dataset)) {
			throw new InvalidParameter("dataset", "dataset phải là một trong " + DATASETS + ": \"" + dataset + "\"");
		}
		return dataset;
	}

	/** A resolved issue is not resolved again (409). */
	static final class NotOpen extends DomainProblem {

		NotOpen(String status) {
			super(HttpStatus.CONFLICT, "issue-closed", new Text("problem.quality.not-open", status));
		}
	}

	/** Procedures, dossiers' dates and agencies are corrected in their own pages (409). */
	static final class NotCorrectableHere extends DomainProblem {

		NotCorrectableHere(String dataset) {
			super(HttpStatus.CONFLICT, "not-correctable", new Text("problem.quality.not-correctable",
					new Text("quality.dataset." + dataset)));
		}
	}
}
