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

/** Catalog reads in SQL; a search with text is ranked by the search index (docs/adr/0013). */
@Repository
@Transactional(readOnly = true)
class JdbcProcedures implements Procedures {

	private static final String FILTER = """
			from procedure p join procedure_field f on f.id = p.field_id
			where p.status = 'PUBLISHED'
			  and (:internal or not p.internal)
			  and (cast(:field as text) is null or f.name = :field)
			  and (cast(:agency as text) is null or p.agency_code = :agency)
			  and (cast(:level as text) is null or p.level = :level)
			  and (cast(:online as text) is null or p.online_level = :online)
			""";

	private final JdbcClient jdbc;
	private final CatalogSearch index;

	JdbcProcedures(JdbcClient jdbc, CatalogSearch index) {
		this.jdbc = jdbc;
		this.index = index;
	}

	/**
	 * With text, the search index ranks (docs/adr/0013) and the page's procedures are read here in its order;
	 * without, the catalog in code order.
	 */
	@Override
	public Result search(ProcedureQuery q) {
		String text = q.text() == null || q.text().isBlank() ? null : q.text().strip();
		if (text == null) {
			List<ProcedureSummary> items = bind(jdbc.sql("select p.*, f.name as field_name " + FILTER
					+ " order by p.code limit :size offset :offset"), q)
				.param("size", q.size())
				.param("offset", (long) q.page() * q.size())
				.query(JdbcProcedures::summary)
				.list();
			return new Result(items, bind(jdbc.sql("select count(*) " + FILTER), q).query(Long.class).single());
		}
		vn.motcua.catalog.search.CatalogIndex.Hits hits = index.search(text, q);
		Map<String, ProcedureSummary> byCode = new java.util.HashMap<>();
		if (!hits.codes().isEmpty()) {
			jdbc.sql("""
					select p.*, f.name as field_name from procedure p join procedure_field f on f.id = p.field_id
					where p.code = any(?) and p.status = 'PUBLISHED'""")
				.param(hits.codes().toArray(String[]::new))
				.query(JdbcProcedures::summary)
				.list()
				.forEach(s -> byCode.put(s.code(), s));
		}
		List<ProcedureSummary> items = hits.codes().stream().map(byCode::get).filter(java.util.Objects::nonNull).toList();
		return new Result(items, hits.total(), hits.suggestion());
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, ProcedureQuery q) {
		return spec.param("internal", q.includeInternal())
			.param("field", q.field())
			.param("agency", q.agency())
			.param("level", q.level())
			.param("online", q.onlineLevel());
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
			return new ProcedureDetail(summary, d.publication(), d.applicantTypes(), d.audience(), d.steps(), d.methods(),
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

	/** The cases of a version with their templates, default case first. */
	List<ProcedureDetail.Case> cases(String code, int version) {
		Map<String, List<ProcedureDetail.Document>> documents = new LinkedHashMap<>();
		jdbc.sql("select * from procedure_document where procedure_code = ? and version = ? order by case_code, ordinal")
			.params(code, version)
			.query(rs -> {
				documents.computeIfAbsent(rs.getString("case_code"), k -> new ArrayList<>())
					.add(new ProcedureDetail.Document(rs.getString("code"), rs.getInt("ordinal"), rs.getString("name"),
							rs.getInt("originals"), rs.getInt("copies"), rs.getBoolean("required"),
							rs.getString("template_name"), rs.getString("template_url"), rs.getBoolean("replaced_by_data")));
			});
		return jdbc.sql("select * from procedure_case where procedure_code = ? and version = ? order by is_default desc, code")
			.params(code, version)
			.query((rs, n) -> {
				Map<String, Long> fees = new LinkedHashMap<>();
				fees.put("COUNTER", rs.getLong("fee_counter_vnd"));
				fees.put("ONLINE", rs.getLong("fee_online_vnd"));
				fees.put("POSTAL", rs.getLong("fee_postal_vnd"));
				String caseCode = rs.getString("code");
				return new ProcedureDetail.Case(caseCode, rs.getString("name"), rs.getBoolean("is_default"),
						(Integer) rs.getObject("duration_amount"), rs.getString("duration_unit"),
						rs.getObject("cutoff_time", LocalTime.class), fees, documents.getOrDefault(caseCode, List.of()),
						TemplateJson.read(rs.getString("form")), rs.getBoolean("requires_electronic_result"),
						rs.getString("result_title") == null ? null
								: new ResultTemplate(rs.getString("result_title"), rs.getString("result_body")),
						rs.getString("result_signer") == null ? null : vn.motcua.identity.Role.valueOf(rs.getString("result_signer")));
			})
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
		return new ProcedureDetail(summary, publication, applicantTypes, Audience.valueOf(rs.getString("audience")),
				rs.getString("steps"), rs.getString("methods"),
				rs.getString("conditions"), rs.getString("result"), rs.getString("legal_basis"), List.of());
	}

	static ProcedureSummary summary(ResultSet rs, int row) throws SQLException {
		return new ProcedureSummary(rs.getString("code"), rs.getString("name"), rs.getString("field_name"),
				rs.getString("agency_code"), rs.getString("level"), (Integer) rs.getObject("duration_amount"),
				rs.getString("duration_unit"), rs.getLong("fee_vnd"), OnlineLevel.valueOf(rs.getString("online_level")),
				rs.getBoolean("internal"), rs.getString("status"), rs.getInt("current_version"));
	}

	@Override
	public BusinessOffer businessOffer() {
		return jdbc.sql("""
				select count(*) as published, count(*) filter (where online_level <> 'NONE') as online from procedure
				where status = 'PUBLISHED' and not internal and audience <> 'CITIZEN'""")
			.query((rs, n) -> new BusinessOffer(rs.getLong("published"), rs.getLong("online")))
			.single();
	}
}
