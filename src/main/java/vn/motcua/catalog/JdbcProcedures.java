package vn.motcua.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Catalog reads in SQL. Search folds case and diacritics with {@code unaccent} and matches whole words
 * (full text), or close words by trigram word-similarity, which forgives a mistyped letter; the score
 * ranks an exact code, then full-text hits, then similarity.
 */
@Repository
@Transactional(readOnly = true)
class JdbcProcedures implements Procedures {

	/** Word similarity needed to count as a match: one wrong letter in a short word still passes. */
	static final String WORD_SIMILARITY_THRESHOLD = "0.5";

	private static final String FILTER = """
			from procedure p join procedure_field f on f.id = p.field_id
			where p.status = 'PUBLISHED'
			  and (:internal or not p.internal)
			  and (cast(:field as text) is null or f.name = :field)
			  and (cast(:agency as text) is null or p.agency_code = :agency)
			  and (cast(:level as text) is null or p.level = :level)
			  and (cast(:raw as text) is null or p.code = :raw
			       or p.search_vector @@ plainto_tsquery('simple', motcua_fold(:raw))
			       or motcua_fold(:raw) <% p.search_name)
			""";

	private final JdbcClient jdbc;

	JdbcProcedures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public Result search(ProcedureQuery q) {
		String text = q.text() == null || q.text().isBlank() ? null : q.text().strip();
		jdbc.sql("select set_config('pg_trgm.word_similarity_threshold', ?, true)")
			.param(WORD_SIMILARITY_THRESHOLD)
			.query((rs, i) -> 1)
			.list();
		String order = text == null ? "p.code" : """
				(case when p.code = :raw then 10 else 0 end)
				  + (case when p.search_vector @@ plainto_tsquery('simple', motcua_fold(:raw)) then 2 else 0 end)
				  + word_similarity(motcua_fold(:raw), p.search_name)
				  + similarity(motcua_fold(:raw), p.search_name) desc, p.code""";
		List<ProcedureSummary> items = jdbc.sql("select p.*, f.name as field_name " + FILTER + " order by " + order
				+ " limit :size offset :offset")
			.param("internal", q.includeInternal())
			.param("field", q.field())
			.param("agency", q.agency())
			.param("level", q.level())
			.param("raw", text)
			.param("size", q.size())
			.param("offset", (long) q.page() * q.size())
			.query(JdbcProcedures::summary)
			.list();
		long total = jdbc.sql("select count(*) " + FILTER)
			.param("internal", q.includeInternal())
			.param("field", q.field())
			.param("agency", q.agency())
			.param("level", q.level())
			.param("raw", text)
			.query(Long.class)
			.single();
		return new Result(items, total);
	}

	@Override
	public Optional<ProcedureDetail> find(String code, boolean includeInternal) {
		return jdbc.sql("""
				select p.current_version from procedure p
				where p.code = :code and p.status = 'PUBLISHED' and (:internal or not p.internal)""")
			.param("code", code)
			.param("internal", includeInternal)
			.query(Integer.class)
			.optional()
			.flatMap(v -> version(code, v));
	}

	@Override
	public Optional<ProcedureDetail> version(String code, int version) {
		Optional<ProcedureDetail> base = jdbc.sql("""
				select v.*, f.name as field_name, p.internal, p.status, p.code
				from procedure_version v join procedure p on p.code = v.procedure_code
				join procedure_field f on f.id = v.field_id
				where v.procedure_code = ? and v.version = ?""")
			.params(code, version)
			.query((rs, i) -> detail(rs))
			.optional();
		return base.map(d -> {
			List<ProcedureDetail.Case> cases = cases(code, version);
			ProcedureDetail.Case def = cases.stream().filter(ProcedureDetail.Case::isDefault).findFirst()
				.orElse(cases.isEmpty() ? null : cases.get(0));
			ProcedureSummary s = d.summary();
			ProcedureSummary summary = new ProcedureSummary(s.code(), s.name(), s.field(), s.agencyCode(), s.level(),
					def == null ? null : def.durationAmount(), def == null ? "NONE" : def.durationUnit(),
					def == null ? 0 : def.feesVnd().getOrDefault("COUNTER", 0L), s.onlineLevel(), s.internal(),
					s.status(), s.version());
			return new ProcedureDetail(summary, d.publication(), d.applicantTypes(), d.steps(), d.methods(),
					d.conditions(), d.result(), d.legalBasis(), cases);
		});
	}

	@Override
	public List<String> fields(boolean includeInternal) {
		return jdbc.sql("""
				select distinct f.name from procedure_field f join procedure p on p.field_id = f.id
				where p.status = 'PUBLISHED' and (? or not p.internal) order by f.name""")
			.param(includeInternal)
			.query(String.class)
			.list();
	}

	private List<ProcedureDetail.Case> cases(String code, int version) {
		List<ProcedureDetail.Case> cases = new ArrayList<>();
		jdbc.sql("select * from procedure_case where procedure_code = ? and version = ? order by is_default desc, code")
			.params(code, version)
			.query(rs -> {
				Map<String, Long> fees = new LinkedHashMap<>();
				fees.put("COUNTER", rs.getLong("fee_counter_vnd"));
				fees.put("ONLINE", rs.getLong("fee_online_vnd"));
				fees.put("POSTAL", rs.getLong("fee_postal_vnd"));
				String caseCode = rs.getString("code");
				cases.add(new ProcedureDetail.Case(caseCode, rs.getString("name"), rs.getBoolean("is_default"),
						(Integer) rs.getObject("duration_amount"), rs.getString("duration_unit"),
						rs.getObject("cutoff_time", LocalTime.class), fees, List.of()));
			});
		return cases.stream().map(c -> new ProcedureDetail.Case(c.code(), c.name(), c.isDefault(), c.durationAmount(),
				c.durationUnit(), c.cutoffTime(), c.feesVnd(), documents(code, version, c.code()))).toList();
	}

	private List<ProcedureDetail.Document> documents(String code, int version, String caseCode) {
		return jdbc.sql("""
				select * from procedure_document where procedure_code = ? and version = ? and case_code = ?
				order by ordinal""")
			.params(code, version, caseCode)
			.query((rs, i) -> new ProcedureDetail.Document(rs.getInt("ordinal"), rs.getString("name"),
					rs.getInt("originals"), rs.getInt("copies"), rs.getBoolean("required"), rs.getString("template_name"),
					rs.getString("template_url"), rs.getBoolean("replaced_by_data")))
			.list();
	}

	private static ProcedureDetail detail(ResultSet rs) throws SQLException {
		ProcedureSummary summary = new ProcedureSummary(rs.getString("code"), rs.getString("name"),
				rs.getString("field_name"), rs.getString("agency_code"), rs.getString("level"), null, "NONE", 0,
				OnlineLevel.valueOf(rs.getString("online_level")), rs.getBoolean("internal"), rs.getString("status"),
				rs.getInt("version"));
		ProcedureDetail.Publication publication = new ProcedureDetail.Publication(rs.getInt("version"),
				rs.getString("decision_number"), rs.getObject("decision_date", LocalDate.class),
				rs.getString("decision_type"), rs.getObject("effective_from", LocalDate.class));
		java.sql.Array types = rs.getArray("applicant_types");
		List<String> applicantTypes = types == null ? List.of() : Arrays.asList((String[]) types.getArray());
		return new ProcedureDetail(summary, publication, applicantTypes, rs.getString("steps"), rs.getString("methods"),
				rs.getString("conditions"), rs.getString("result"), rs.getString("legal_basis"), List.of());
	}

	static ProcedureSummary summary(ResultSet rs, int row) throws SQLException {
		return new ProcedureSummary(rs.getString("code"), rs.getString("name"), rs.getString("field_name"),
				rs.getString("agency_code"), rs.getString("level"), (Integer) rs.getObject("duration_amount"),
				rs.getString("duration_unit"), rs.getLong("fee_vnd"), OnlineLevel.valueOf(rs.getString("online_level")),
				rs.getBoolean("internal"), rs.getString("status"), rs.getInt("current_version"));
	}
}
