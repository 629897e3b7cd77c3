package vn.motcua.dossier.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import vn.motcua.dossier.DossierDrafts;
import vn.motcua.identity.Callers;
import vn.motcua.platform.ApiTime;
import vn.motcua.platform.InvalidParameter;
import vn.motcua.platform.NotFound;

/**
 * Hồ sơ nháp on the API: {@code {"procedureCode","caseCode","fields":{"name":"text"}}}, the caller's own only
 * (docs/api.md, "Drafts").
 */
@RestController
class DraftController {

	private final DossierDrafts drafts;
	private final Callers callers;

	DraftController(DossierDrafts drafts, Callers callers) {
		this.drafts = drafts;
		this.callers = callers;
	}

	@GetMapping("/api/v1/drafts")
	Map<String, Object> list(Authentication caller) {
		var items = drafts.list(callers.of(caller));
		return Map.of("items", items.stream().map(DraftController::json).toList(), "total", items.size());
	}

	@org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.CREATED) // what the document says; the answer sets it
	@PostMapping("/api/v1/drafts")
	ResponseEntity<Map<String, @Nullable Object>> create(@RequestBody JsonNode body, Authentication caller) {
		return ResponseEntity.status(HttpStatus.CREATED).body(save(null, body, caller));
	}

	@GetMapping("/api/v1/drafts/{id}")
	Map<String, @Nullable Object> get(@PathVariable UUID id, Authentication caller) {
		return drafts.find(id, callers.of(caller)).map(DraftController::json)
			.orElseThrow(() -> new NotFound("Không có bản nháp này."));
	}

	@PutMapping("/api/v1/drafts/{id}")
	Map<String, @Nullable Object> replace(@PathVariable UUID id, @RequestBody JsonNode body, Authentication caller) {
		return save(id, body, caller);
	}

	@DeleteMapping("/api/v1/drafts/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id, Authentication caller) {
		if (!drafts.delete(id, callers.of(caller))) {
			throw new NotFound("Không có bản nháp này.");
		}
		return ResponseEntity.noContent().build();
	}

	private Map<String, @Nullable Object> save(@Nullable UUID id, JsonNode body, Authentication caller) {
		JsonNode code = body.path("procedureCode");
		if (!code.isString() || code.asString().isBlank()) {
			throw new InvalidParameter("procedureCode", "Cần mã thủ tục");
		}
		JsonNode f = body.path("fields");
		if (!f.isMissingNode() && !f.isObject()) {
			throw new InvalidParameter("fields", "fields là một đối tượng {\"tên\": \"giá trị\"}");
		}
		Map<String, String> fields = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> e : f.properties()) {
			fields.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asString() : e.getValue().toString());
		}
		String caseCode = body.path("caseCode").isString() ? body.path("caseCode").asString() : null;
		return json(drafts.save(id, code.asString().strip(), caseCode, fields, callers.of(caller)));
	}

	static Map<String, @Nullable Object> json(DossierDrafts.Draft d) {
		Map<String, @Nullable Object> m = new LinkedHashMap<>();
		m.put("id", d.id().toString());
		m.put("procedureCode", d.procedureCode());
		m.put("procedureName", d.procedureName());
		m.put("caseCode", d.caseCode());
		m.put("fields", d.fields());
		m.put("createdAt", ApiTime.format(d.createdAt()));
		m.put("updatedAt", ApiTime.format(d.updatedAt()));
		return m;
	}
}
