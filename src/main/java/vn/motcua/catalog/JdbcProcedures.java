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

	/** Word similarity for the fallback when no word-for-word match exists. */
	static final String WORD_SIMILARITY_THRESHOLD = "0.6";
	/** Alternatives considered per query word (its own spelling, one-edit neighbours, completions). */
	static final int MAX_ALTERNATIVES = 40;
	/** Matches ranked finely; the rest keep the coarse full-text order. */
	static final int SHORTLIST = 200;

	private static final String FILTER = """
			from procedure p join procedure_field f on f.id = p.field_id
			where p.status = 'PUBLISHED'
			  and (:internal or not p.internal)
			  and (cast(:field as text) is null or f.name = :field)
			  and (cast(:agency as text) is null or p.agency_code = :agency)
			  and (cast(:level as text) is null or p.level = :level)
			""";
	private static final String WORDS = """
			  and (p.code = :raw or p.search_vector @@ to_tsquery('simple', :tsquery))
			""";
	private static final String SIMILAR = """
			  and (p.code = :raw or motcua_fold(:raw) <% p.search_name)
			""";
	/** Exact code, then the words as a phrase, then word proximity, then the closest (shortest) name. */
	private static final String RANK = """
			(case when p.code = :raw then 10 else 0 end)
			  + (case when p.search_vector @@ to_tsquery('simple', :tsphrase) then 1 else 0 end)
			  + ts_rank_cd(p.search_vector, to_tsquery('simple', :tsquery))
			  + similarity(motcua_fold(:raw), p.search_name) desc, p.code""";

	private final JdbcClient jdbc;

	JdbcProcedures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * With text, each folded query word is widened to the catalog's words within one edit (and, for the
	 * last word, to those it begins, for search as you type); the names must hold every word, by the
	 * full-text index. Only when that finds nothing does a trigram similarity scan run.
	 */
	@Override
	public Result search(ProcedureQuery q) {
		String text = q.text() == null || q.text().isBlank() ? null : q.text().strip();
		if (text == null) {
			return run(q, null, null, null, "", "p.code");
		}
		List<String> groups = wordGroups(text);
		if (groups != null) {
			Result byWords = run(q, text, String.join(" & ", groups), String.join(" <-> ", groups), WORDS, RANK);
			if (byWords.total() > 0) {
				return byWords;
			}
		}
		jdbc.sql("select set_config('pg_trgm.word_similarity_threshold', ?, true)")
			.param(WORD_SIMILARITY_THRESHOLD)
			.query((rs, i) -> 1)
			.list();
		return run(q, text, null, null, SIMILAR, """
				(case when p.code = :raw then 10 else 0 end) + word_similarity(motcua_fold(:raw), p.search_name) desc,
				p.code""");
	}

	private Result run(ProcedureQuery q, @Nullable String raw, @Nullable String tsquery, @Nullable String tsphrase,
			String match, String order) {
		// Rank the cheap way (index order, phrase, proximity) to a shortlist, then finely within it.
		String shortlist = "select p.*, f.name as field_name " + FILTER + match + (tsquery == null ? ""
				: " order by (case when p.code = :raw then 10 else 0 end)"
						+ " + (case when p.search_vector @@ to_tsquery('simple', :tsphrase) then 1 else 0 end)"
						+ " + ts_rank_cd(p.search_vector, to_tsquery('simple', :tsquery)) desc limit :shortlist");
		List<ProcedureSummary> items = bind(jdbc.sql("select p.* from (" + shortlist + ") p order by " + order
				+ " limit :size offset :offset"), q, raw, tsquery)
			.param("tsphrase", tsphrase == null ? "" : tsphrase)
			.param("shortlist", Math.max(SHORTLIST, (q.page() + 1) * q.size()))
			.param("size", q.size())
			.param("offset", (long) q.page() * q.size())
			.query(JdbcProcedures::summary)
			.list();
		long total = bind(jdbc.sql("select count(*) " + FILTER + match), q, raw, tsquery).query(Long.class).single();
		return new Result(items, total);
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, ProcedureQuery q, @Nullable String raw,
			@Nullable String tsquery) {
		return spec.param("internal", q.includeInternal())
			.param("field", q.field())
			.param("agency", q.agency())
			.param("level", q.level())
			.param("raw", raw)
			.param("tsquery", tsquery == null ? "" : tsquery);
	}

	/** Per query word, {@code (w | w1 | …)} over the catalog's own words; null when a word has none. */
	private @Nullable List<String> wordGroups(String text) {
		String folded = jdbc.sql("select motcua_fold(?)").param(text).query(String.class).single();
		List<String> words = Arrays.stream(folded.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).limit(12).toList();
		if (words.isEmpty()) {
			return null;
		}
		List<String> groups = new ArrayList<>();
		for (int i = 0; i < words.size(); i++) {
			String w = words.get(i);
			boolean last = i == words.size() - 1;
			List<String> alternatives = jdbc.sql("""
					select word from (
					  select wk.word, levenshtein(wk.word, :w) as distance
					  from procedure_word_key wk where wk.key in (select motcua_word_keys(:w))
					  union all
					  select word, 99 from procedure_word where :prefix and word like :like
					) c
					where c.distance <= case when length(:w) >= 3 and :w !~ '^[0-9]+$' then 1 else 0 end
					   or (:prefix and c.word like :like)
					group by word
					order by min(distance), word
					limit :max""")
				.param("w", w)
				.param("prefix", last && w.length() >= 2)
				.param("like", w.replace("\\", "").replace("%", "").replace("_", "") + "%")
				.param("max", MAX_ALTERNATIVES)
				.query(String.class)
				.list();
			if (alternatives.isEmpty()) {
				return null;
			}
			groups.add("(" + String.join(" | ", alternatives.stream().map(a -> "'" + a.replace("'", "''") + "'").toList())
					+ ")");
		}
		return groups;
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
