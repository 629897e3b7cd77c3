package vn.motcua.catalog.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import vn.motcua.catalog.ProcedureDetail;
import vn.motcua.catalog.ProcedureImport;
import vn.motcua.catalog.ProcedureQuery;
import vn.motcua.catalog.ProcedureSummary;
import vn.motcua.catalog.Procedures;
import vn.motcua.catalog.TemplateJson;
import vn.motcua.platform.DomainProblem;
import vn.motcua.platform.InvalidParameter;
import vn.motcua.platform.PageRequestParams;

/** The catalog API of docs/api.md: search, the whole record, and the administrators' CSV import. */
@RestController
class ProcedureController {

	private final Procedures procedures;
	private final ProcedureImport importer;

	ProcedureController(Procedures procedures, ProcedureImport importer) {
		this.procedures = procedures;
		this.importer = importer;
	}

	@GetMapping("/api/v1/procedures")
	Map<String, Object> search(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String field,
			@RequestParam(required = false) @Nullable String agency,
			@RequestParam(required = false) @Nullable String level,
			@RequestParam(required = false) @Nullable String onlineLevel, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, @Nullable Authentication caller) {
		PageRequestParams.check(page, size);
		if (level != null && !level.isBlank() && !level.equals("PROVINCE") && !level.equals("COMMUNE")) {
			throw new InvalidParameter("level", "level phải là PROVINCE hoặc COMMUNE: \"" + level + "\"");
		}
		if (onlineLevel != null && !onlineLevel.isBlank() && !List.of("FULL", "PARTIAL", "NONE").contains(onlineLevel)) {
			throw new InvalidParameter("onlineLevel", "onlineLevel phải là FULL, PARTIAL hoặc NONE: \"" + onlineLevel + "\"");
		}
		if (q != null && q.length() > 200) {
			throw new InvalidParameter("q", "q dài quá 200 ký tự");
		}
		Procedures.Result result = procedures.search(new ProcedureQuery(q, blank(field), blank(agency), blank(level),
				blank(onlineLevel), CatalogAccess.isStaff(caller), page, size));
		Map<String, Object> out = new java.util.LinkedHashMap<>();
		out.put("items", result.items().stream().map(ProcedureController::item).toList());
		out.put("total", result.total());
		if (result.suggestion() != null) {
			out.put("suggestion", result.suggestion());
		}
		return out;
	}

	@GetMapping("/api/v1/procedures/{code}")
	Map<String, Object> one(@PathVariable String code, @Nullable Authentication caller) {
		return procedures.find(code, CatalogAccess.isStaff(caller))
			.map(ProcedureController::detail)
			.orElseThrow(() -> new ProcedureNotFound(code));
	}

	/** A given version, abolished ones included, for staff (dossiers keep the version they were received under). */
	@GetMapping("/api/v1/procedures/{code}/versions/{version}")
	@PreAuthorize("hasAnyRole('ADMIN','ONE_STOP_OFFICER','SPECIALIST','DEPARTMENT_LEADER','PROVINCE_LEADER')")
	Map<String, Object> version(@PathVariable String code, @PathVariable int version) {
		return procedures.version(code, version)
			.map(d -> {
				Map<String, Object> m = detail(d);
				m.put("status", d.summary().status());
				return m;
			})
			.orElseThrow(() -> new ProcedureNotFound(code + " (" + version + ")"));
	}

	@PostMapping(value = "/api/v1/admin/procedures:import", consumes = "text/csv")
	@PreAuthorize("hasRole('ADMIN')")
	Map<String, Object> importCsv(HttpServletRequest request, Authentication actor) throws IOException {
		if (request.getContentLengthLong() > ProcedureImport.MAX_CSV_BYTES) {
			throw new TooLarge();
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes((int) ProcedureImport.MAX_CSV_BYTES + 1);
		}
		if (body.length > ProcedureImport.MAX_CSV_BYTES) {
			throw new TooLarge();
		}
		ProcedureImport.Result r = importer.importCsv(new ByteArrayInputStream(body), actor.getName());
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("imported", r.imported());
		answer.put("updated", r.updated());
		answer.put("unchanged", r.unchanged());
		answer.put("errors", List.of());
		return answer;
	}

	static Map<String, Object> item(ProcedureSummary p) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("code", p.code());
		m.put("name", p.name());
		m.put("field", p.field());
		m.put("agencyCode", p.agencyCode());
		m.put("level", p.level());
		m.put("durationWorkingDays", p.durationWorkingDays());
		m.put("durationHours", "HOURS".equals(p.durationUnit()) ? p.durationAmount() : null);
		m.put("feeVnd", p.feeVnd());
		m.put("onlineLevel", p.onlineLevel().name());
		if (p.internal()) {
			m.put("internal", true);
		}
		return m;
	}

	static Map<String, Object> caseJson(ProcedureDetail.Case c) {
		Map<String, Object> cm = new LinkedHashMap<>();
		cm.put("code", c.code());
		cm.put("name", c.name());
		cm.put("default", c.isDefault());
		cm.put("durationWorkingDays", "DAYS".equals(c.durationUnit()) ? c.durationAmount() : null);
		cm.put("durationHours", "HOURS".equals(c.durationUnit()) ? c.durationAmount() : null);
		cm.put("noAppointmentDate", "NONE".equals(c.durationUnit()));
		cm.put("cutoffTime", c.cutoffTime() == null ? null : c.cutoffTime().toString());
		cm.put("feesVnd", c.feesVnd());
		cm.put("documents", c.documents().stream().map(TemplateJson::toMap).toList());
		cm.put("form", TemplateJson.toMap(c.form()));
		cm.put("requiresElectronicResult", c.requiresElectronicResult());
		cm.put("resultSigner", c.resultSigner() == null ? null : c.resultSigner().name());
		cm.put("result", c.resultTemplate() == null ? null : c.resultTemplate().toMap());
		return cm;
	}

	static Map<String, Object> detail(ProcedureDetail d) {
		Map<String, Object> m = item(d.summary());
		m.put("version", d.publication().version());
		Map<String, Object> publication = new LinkedHashMap<>();
		publication.put("decisionNumber", d.publication().decisionNumber());
		publication.put("decisionDate", d.publication().decisionDate());
		publication.put("type", d.publication().type());
		publication.put("effectiveFrom", d.publication().effectiveFrom());
		m.put("publication", publication);
		m.put("internal", d.summary().internal());
		m.put("applicantTypes", d.applicantTypes());
		m.put("audience", d.audience().name());
		m.put("steps", d.steps());
		m.put("methods", d.methods());
		m.put("conditions", d.conditions());
		m.put("result", d.result());
		m.put("legalBasis", d.legalBasis());
		m.put("cases", d.cases().stream().map(ProcedureController::caseJson).toList());
		return m;
	}

	private static @Nullable String blank(@Nullable String s) {
		return s == null || s.isBlank() ? null : s;
	}

	static final class ProcedureNotFound extends DomainProblem {

		ProcedureNotFound(String code) {
			super(HttpStatus.NOT_FOUND, "procedure-not-found", new vn.motcua.platform.Text("problem.procedure.not-found", code));
		}
	}

	static final class TooLarge extends DomainProblem {

		TooLarge() {
			super(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Tệp CSV lớn hơn 10 MB");
		}
	}
}
