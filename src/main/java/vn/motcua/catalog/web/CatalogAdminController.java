package vn.motcua.catalog.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import vn.motcua.catalog.Audience;
import vn.motcua.catalog.NationalCatalogImport;
import vn.motcua.catalog.TemplateJson;
import vn.motcua.catalog.ProcedurePublication;
import vn.motcua.catalog.ProcedureSettings;
import vn.motcua.platform.InvalidParameter;

/** The administrators' catalog API: national-database imports and abolitions. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class CatalogAdminController {

	private final NationalCatalogImport nationalImport;
	private final ProcedurePublication publication;
	private final ProcedureSettings settings;

	CatalogAdminController(NationalCatalogImport nationalImport, ProcedurePublication publication,
			ProcedureSettings settings) {
		this.settings = settings;
		this.nationalImport = nationalImport;
		this.publication = publication;
	}

	/** Records of the national database ({@code LayThuTuc} shape): one, an array, or wrapped in {@code result}. */
	@PostMapping(value = "/api/v1/admin/procedures:import-national", consumes = "application/json")
	Map<String, Object> importNational(@RequestBody JsonNode payload, Authentication actor) {
		NationalCatalogImport.Result r = nationalImport.importRecords(payload, actor.getName());
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("published", r.published());
		answer.put("unchanged", r.unchanged());
		answer.put("abolished", r.abolished());
		answer.put("errors", java.util.List.of());
		return answer;
	}

	/** Abolishes a procedure by a publication decision (bãi bỏ): it leaves the public catalog. */
	@PostMapping("/api/v1/admin/procedures/{code}:abolish")
	Map<String, Object> abolish(@PathVariable String code, @RequestBody JsonNode body, Authentication actor) {
		String number = body.path("decisionNumber").asString(null);
		if (number == null || number.isBlank()) {
			throw new InvalidParameter("decisionNumber", "Cần số quyết định công bố (decisionNumber)");
		}
		LocalDate date = body.hasNonNull("decisionDate")
				? vn.motcua.platform.ApiTime.parseDate(body.get("decisionDate").asString(), "decisionDate") : null;
		int version = publication.abolish(code,
				new ProcedurePublication.Decision(number, date, "ABOLISHED", date), actor.getName());
		return Map.of("code", code, "version", version, "status", "ABOLISHED");
	}

	/** A case's template (components, e-form, electronic result): an administrative correction of the version in force. */
	@PutMapping("/api/v1/admin/procedures/{code}/cases/{caseCode}/template")
	Map<String, Object> template(@PathVariable String code, @PathVariable String caseCode, @RequestBody JsonNode body,
			Authentication actor) {
		ProcedurePublication.CaseTemplate template = TemplateJson.parseTemplate(body);
		return publication.setTemplate(code, caseCode, template, actor.getName())
			.map(ProcedureController::caseJson)
			.orElseThrow(() -> new vn.motcua.platform.NotFound("Không có trường hợp " + caseCode + " của thủ tục " + code));
	}

	/** Đối tượng thực hiện: {@code {"audience":"CITIZEN|BUSINESS|BOTH"}}. */
	@PutMapping("/api/v1/admin/procedures/{code}/audience")
	Map<String, Object> audience(@PathVariable String code, @RequestBody JsonNode body, Authentication actor) {
		Audience audience;
		try {
			audience = Audience.valueOf(body.path("audience").asString(""));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidParameter("audience", "CITIZEN, BUSINESS hoặc BOTH");
		}
		if (!publication.setAudience(code, audience, actor.getName())) {
			throw new vn.motcua.platform.NotFound("Không có thủ tục mã " + code);
		}
		return Map.of("code", code, "audience", audience.name());
	}

	/** The province's settings of a procedure: {@code {"minAssuranceLevel": 1|2}}. */
	@PutMapping("/api/v1/admin/procedures/{code}/settings")
	Map<String, Object> settings(@PathVariable String code, @RequestBody JsonNode body, Authentication actor) {
		JsonNode level = body.path("minAssuranceLevel");
		if (!level.isInt()) {
			throw new InvalidParameter("minAssuranceLevel", "1 hoặc 2");
		}
		settings.requireAssuranceLevel(code, level.asInt(), actor.getName());
		return Map.of("code", code, "minAssuranceLevel", settings.minAssuranceLevel(code));
	}
}
