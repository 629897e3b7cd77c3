package vn.motcua.catalog;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditLog;
import vn.motcua.platform.DomainProblem;

@Service
class JdbcProcedurePublication implements ProcedurePublication {

	private final JdbcClient jdbc;
	private final JdbcProcedures cases;
	private final AuditLog audit;
	private final Clock clock;

	JdbcProcedurePublication(JdbcClient jdbc, JdbcProcedures cases, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional
	public int publish(String code, Draft draft, Decision decision, String actor) {
		int version = write(code, draft, decision);
		audit.record(AuditEntry.of(actor, "catalog.procedure-published", "procedure", code)
			.with(Map.of("version", version, "decisionType", decision.type(), "decisionNumber",
					String.valueOf(decision.number()))));
		return version;
	}

	private int write(String code, Draft draft, Decision decision) {
		Integer current = jdbc.sql("select current_version from procedure where code = ? for update")
			.param(code)
			.query(Integer.class)
			.optional()
			.orElse(null);
		return write(code, draft, decision, fieldId(jdbc, draft.field()), current);
	}

	/**
	 * Writes version 1 of a code the caller has just found unused, without its own audit record: a bulk
	 * import audits itself as a whole and has looked the field up already.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	void writeNew(String code, Draft draft, Decision decision, int fieldId) {
		write(code, draft, decision, fieldId, null);
	}

	private int write(String code, Draft draft, Decision decision, int fieldId, @Nullable Integer current) {
		CaseDraft defaultCase = draft.cases().stream().filter(CaseDraft::isDefault).findFirst()
			.orElseThrow(() -> new InvalidDraft("Cần đúng một trường hợp mặc định"));
		int version = current == null ? 1 : current + 1;
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("code", code);
		p.put("name", draft.name());
		p.put("field", fieldId);
		p.put("agency", draft.agencyCode());
		p.put("level", draft.level());
		p.put("internal", draft.internal());
		p.put("online", draft.onlineLevel().name());
		p.put("amount", defaultCase.durationAmount());
		p.put("unit", defaultCase.durationUnit());
		p.put("fee", defaultCase.feesVnd().getOrDefault("COUNTER", 0L));
		p.put("version", version);
		// an amendment that names no applicants keeps whom the procedure served
		p.put("audience", draft.audience() == null && draft.applicantTypes().isEmpty() && current != null
				? jdbc.sql("select audience from procedure where code = ?").param(code).query(String.class).single()
				: draft.audienceOrDerived().name());
		if (current == null) {
			jdbc.sql("""
					insert into procedure (code, name, field_id, agency_code, level, internal, online_level, duration_amount,
					  duration_unit, fee_vnd, current_version, audience)
					values (:code, :name, :field, :agency, :level, :internal, :online, :amount, :unit, :fee, 1, :audience)""")
				.params(p)
				.update();
		}
		jdbc.sql("""
				insert into procedure_version (procedure_code, version, decision_number, decision_date, decision_type,
				  effective_from, name, field_id, agency_code, level, applicant_types, online_level, steps, methods,
				  conditions, result, legal_basis, created_at, audience)
				values (:code, :version, :number, :date, :type, :effective, :name, :field, :agency, :level,
				  cast(:types as text[]), :online, :steps, :methods, :conditions, :result, :legal, :now, :audience)""")
			.params(p)
			.param("number", decision.number())
			.param("date", decision.date() == null ? null : Date.valueOf(decision.date()))
			.param("type", decision.type())
			.param("effective", decision.effectiveFrom() == null ? null : Date.valueOf(decision.effectiveFrom()))
			.param("types", draft.applicantTypes().toArray(String[]::new))
			.param("steps", draft.steps())
			.param("methods", draft.methods())
			.param("conditions", draft.conditions())
			.param("result", draft.result())
			.param("legal", draft.legalBasis())
			.param("now", Timestamp.from(clock.instant()))
			.update();
		for (CaseDraft c : draft.cases()) {
			jdbc.sql("""
					insert into procedure_case (procedure_code, version, code, name, is_default, duration_amount,
					  duration_unit, cutoff_time, fee_counter_vnd, fee_online_vnd, fee_postal_vnd, form,
					  requires_electronic_result, result_title, result_body, result_signer)
					values (:code, :version, :case, :name, :default, :amount, :unit, :cutoff, :counter, :online, :postal,
					  coalesce(cast(:form as jsonb), (select form from procedure_case
					    where procedure_code = :code and version = :previous and code = :case), '{"fields":[]}'),
					  coalesce(:electronic, (select requires_electronic_result from procedure_case
					    where procedure_code = :code and version = :previous and code = :case), false),
					  (select result_title from procedure_case where procedure_code = :code and version = :previous and code = :case),
					  (select result_body from procedure_case where procedure_code = :code and version = :previous and code = :case),
					  coalesce(:signer, (select result_signer from procedure_case
					    where procedure_code = :code and version = :previous and code = :case)))""")
				.param("code", code)
				.param("version", version)
				.param("previous", current)
				.param("case", c.code())
				.param("name", c.name())
				.param("default", c.isDefault())
				.param("amount", c.durationAmount())
				.param("unit", c.durationUnit())
				.param("cutoff", c.cutoffTime() == null ? null : java.sql.Time.valueOf(c.cutoffTime()))
				.param("counter", c.feesVnd().getOrDefault("COUNTER", 0L))
				.param("online", c.feesVnd().getOrDefault("ONLINE", 0L))
				.param("postal", c.feesVnd().getOrDefault("POSTAL", 0L))
				.param("form", c.form() == null ? null : TemplateJson.write(c.form()))
				.param("electronic", c.requiresElectronicResult())
				.param("signer", c.resultSigner() == null ? null : c.resultSigner().name())
				.update();
			writeDocuments(code, version, c.code(), c.documents());
		}
		if (current != null) {
			jdbc.sql("""
					update procedure set name = :name, field_id = :field, agency_code = :agency, level = :level,
					  internal = :internal, online_level = :online, duration_amount = :amount, duration_unit = :unit,
					  fee_vnd = :fee, current_version = :version, status = 'PUBLISHED', audience = :audience
					where code = :code""")
				.params(p)
				.update();
		}
		return version;
	}

	private void writeDocuments(String code, int version, String caseCode, java.util.List<ProcedureDetail.Document> documents) {
		int ordinal = 1;
		for (ProcedureDetail.Document d : documents) {
			jdbc.sql("""
					insert into procedure_document (procedure_code, version, case_code, ordinal, code, name, originals,
					  copies, required, template_name, template_url, replaced_by_data)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(code, version, caseCode, ordinal++, d.code(), d.name(), d.originals(), d.copies(), d.required(),
						d.templateName(), d.templateUrl(), d.replacedByData())
				.update();
		}
	}

	@Override
	@Transactional
	public java.util.Optional<ProcedureDetail.Case> setTemplate(String code, String caseCode, CaseTemplate template,
			String actor) {
		Integer version = jdbc.sql("select current_version from procedure where code = ? and status = 'PUBLISHED' for update")
			.param(code)
			.query(Integer.class)
			.optional()
			.orElse(null);
		if (version == null || jdbc.sql("""
				update procedure_case set form = cast(? as jsonb), requires_electronic_result = ?, result_title = ?,
				  result_body = ?, result_signer = ?
				where procedure_code = ? and version = ? and code = ?""")
			.params(TemplateJson.write(template.form()), template.requiresElectronicResult(),
					template.resultTemplate() == null ? null : template.resultTemplate().title(),
					template.resultTemplate() == null ? null : template.resultTemplate().body(),
					template.resultSigner() == null ? null : template.resultSigner().name(), code, version, caseCode)
			.update() == 0) {
			return java.util.Optional.empty();
		}
		jdbc.sql("delete from procedure_document where procedure_code = ? and version = ? and case_code = ?")
			.params(code, version, caseCode)
			.update();
		writeDocuments(code, version, caseCode, template.documents());
		audit.record(AuditEntry.of(actor, "catalog.template-set", "procedure", code)
			.with(Map.of("version", version, "case", caseCode, "documents",
					template.documents().stream().map(ProcedureDetail.Document::code).toList(), "fields",
					template.form().fields().stream().map(EForm.Field::name).toList(), "requiresElectronicResult",
					template.requiresElectronicResult(), "resultSigner",
					template.resultSigner() == null ? "" : template.resultSigner().name())));
		return java.util.Optional.of(cases.cases(code, version).stream().filter(c -> c.code().equals(caseCode))
			.findFirst().orElseThrow());
	}

	@Override
	@Transactional
	public boolean setAudience(String code, Audience audience, String actor) {
		int n = jdbc.sql("""
				with p as (update procedure set audience = :a where code = :code returning current_version)
				update procedure_version v set audience = :a from p
				where v.procedure_code = :code and v.version = p.current_version""")
			.param("a", audience.name())
			.param("code", code)
			.update();
		if (n > 0) {
			audit.record(AuditEntry.of(actor, "catalog.audience-set", "procedure", code)
				.with(Map.of("audience", audience.name())));
		}
		return n > 0;
	}

	@Override
	@Transactional
	public int abolish(String code, Decision decision, String actor) {
		Integer current = jdbc.sql("select current_version from procedure where code = ? and status = 'PUBLISHED' for update")
			.param(code)
			.query(Integer.class)
			.optional()
			.orElseThrow(() -> new NotPublished(code));
		int version = current + 1;
		jdbc.sql("""
				insert into procedure_version (procedure_code, version, decision_number, decision_date, decision_type,
				  effective_from, name, field_id, agency_code, level, applicant_types, online_level, steps, methods,
				  conditions, result, legal_basis, created_at, audience)
				select procedure_code, :version, :number, :date, 'ABOLISHED', :effective, name, field_id, agency_code, level,
				  applicant_types, online_level, steps, methods, conditions, result, legal_basis, :now, audience
				from procedure_version where procedure_code = :code and version = :current""")
			.param("version", version)
			.param("number", decision.number())
			.param("date", decision.date() == null ? null : Date.valueOf(decision.date()))
			.param("effective", decision.effectiveFrom() == null ? null : Date.valueOf(decision.effectiveFrom()))
			.param("now", Timestamp.from(clock.instant()))
			.param("code", code)
			.param("current", current)
			.update();
		jdbc.sql("update procedure set status = 'ABOLISHED' where code = ?").param(code).update();
		audit.record(AuditEntry.of(actor, "catalog.procedure-abolished", "procedure", code)
			.with(Map.of("version", version, "decisionNumber", String.valueOf(decision.number()))));
		return version;
	}

	/** The field (lĩnh vực) named {@code name}, created on first use. */
	static int fieldId(JdbcClient jdbc, String name) {
		return jdbc.sql("""
				insert into procedure_field (name) values (?)
				on conflict (name) do update set name = excluded.name returning id""")
			.param(name)
			.query(Integer.class)
			.single();
	}

	static final class InvalidDraft extends DomainProblem {

		InvalidDraft(String detail) {
			super(HttpStatus.BAD_REQUEST, "invalid-procedure", detail);
		}
	}

	static final class NotPublished extends DomainProblem {

		NotPublished(String code) {
			super(HttpStatus.NOT_FOUND, "procedure-not-found", "Không có thủ tục đang công khai mã " + code);
		}
	}
}
