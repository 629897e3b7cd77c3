package vn.motcua.dossier.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.identity.Callers;
import vn.motcua.dossier.ActionRequest;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierQuery;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.Dossiers;
import vn.motcua.dossier.FilingRequest;
import vn.motcua.platform.ApiTime;
import vn.motcua.platform.InvalidParameter;
import vn.motcua.platform.PageRequestParams;
import vn.motcua.platform.Texts;

/** The dossier API of docs/api.md: filing, list and search, the single read, actions, history. */
@RestController
class DossierController {

	private final Dossiers dossiers;
	private final vn.motcua.dossier.DossierRatings ratings;
	private final Callers callers;
	private final JsonMapper json = JsonMapper.builder().build();

	DossierController(Dossiers dossiers, vn.motcua.dossier.DossierRatings ratings, Callers callers) {
		this.ratings = ratings;
		this.dossiers = dossiers;
		this.callers = callers;
	}

	@org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.CREATED) // what the document says; the answer sets it
	@PostMapping("/api/v1/dossiers")
	ResponseEntity<Map<String, @Nullable Object>> file(@RequestBody JsonNode body, Authentication caller) {
		JsonNode a = body.path("applicant");
		FilingRequest.ApplicantInput applicant = a.isObject() ? new FilingRequest.ApplicantInput(text(a, "type"),
				text(a, "idNumber"), text(a, "fullName"), text(a, "dateOfBirth"), text(a, "taxCode"),
				text(a, "businessName"), text(a, "phone"), text(a, "email"), text(a, "address")) : null;
		Dossier d = dossiers.file(new FilingRequest(text(body, "procedureCode"), text(body, "caseCode"),
				text(body, "channel"), applicant, text(body, "note"), components(body.path("documents")),
				answers(body.path("formData"))), callers.of(caller));
		return ResponseEntity.status(HttpStatus.CREATED).body(DossierJson.of(d));
	}

	@GetMapping("/api/v1/dossiers")
	Map<String, Object> list(@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String agency, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String receivedFrom,
			@RequestParam(required = false) @Nullable String receivedTo, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, Authentication caller) {
		PageRequestParams.check(page, size);
		DossierStatus s = null;
		if (status != null && !status.isBlank()) {
			try {
				s = DossierStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				throw new InvalidParameter("status", "Trạng thái không hợp lệ: " + status);
			}
		}
		Dossiers.Page result = dossiers.list(new DossierQuery(s, Texts.strippedOrNull(agency), Texts.strippedOrNull(q),
				receivedFrom == null || receivedFrom.isBlank() ? null : ApiTime.parseDate(receivedFrom, "receivedFrom"),
				receivedTo == null || receivedTo.isBlank() ? null : ApiTime.parseDate(receivedTo, "receivedTo"), null,
				null, false, page, size), callers.of(caller));
		return Map.of("items", result.items().stream().map(DossierJson::of).toList(), "total", result.total());
	}

	@GetMapping("/api/v1/dossiers/{code}")
	Map<String, @Nullable Object> get(@PathVariable String code, Authentication caller) {
		return DossierJson.of(dossiers.get(code, callers.of(caller)));
	}

	/** The applicant's rating once the result is returned: {@code {"rating":"SATISFIED|DISSATISFIED","comment"}}. */
	@PostMapping("/api/v1/dossiers/{code}/rating")
	Map<String, @Nullable Object> rate(@PathVariable String code, @RequestBody JsonNode body, Authentication caller) {
		vn.motcua.dossier.Dossier d = ratings.rate(code, body.path("rating").asString(null),
				body.path("comment").asString(null), callers.of(caller));
		Map<String, @Nullable Object> out = new LinkedHashMap<>();
		out.put("code", d.code());
		out.put("rating", d.rating());
		return out;
	}

	@PostMapping("/api/v1/dossiers/{code}/actions")
	Map<String, @Nullable Object> act(@PathVariable String code, @RequestBody JsonNode body, Authentication caller) {
		Map<String, Object> fields = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> e : body.properties()) {
			if (!e.getKey().equals("action") && !e.getKey().equals("version") && !e.getValue().isNull()) {
				fields.put(e.getKey(), json.treeToValue(e.getValue(), Object.class));
			}
		}
		JsonNode version = body.path("version");
		// a version no dossier can have (negative, say) is merely stale: 409; one past an int is bad input: 400
		if (version.isNumber() && !(version.isIntegralNumber() && version.canConvertToInt())) {
			throw new vn.motcua.platform.InvalidParameter("version", "version phải là số nguyên (phiên bản của hồ sơ)");
		}
		Integer v = version.isIntegralNumber() ? version.asInt() : null;
		return DossierJson.of(dossiers.act(code, new ActionRequest(text(body, "action"), v, fields), callers.of(caller)));
	}

	@GetMapping("/api/v1/dossiers/{code}/history")
	List<Map<String, @Nullable Object>> history(@PathVariable String code, Authentication caller) {
		return dossiers.history(code, callers.of(caller)).stream().map(e -> {
			Map<String, @Nullable Object> m = new LinkedHashMap<>();
			m.put("at", ApiTime.format(e.at()));
			m.put("actor", e.actor());
			m.put("action", e.action());
			m.put("fromStatus", e.fromStatus() == null ? null : e.fromStatus().name());
			m.put("toStatus", e.toStatus() == null ? null : e.toStatus().name());
			m.put("note", e.note());
			return m;
		}).toList();
	}

	/** Public tracking (docs/api.md): nothing personal, and 404 unless the ID number is the applicant's. */
	@GetMapping("/api/v1/track/{code}")
	Map<String, @Nullable Object> track(@PathVariable String code, @RequestParam String idNumber) {
		Dossier d = dossiers.track(code, idNumber.strip())
			.orElseThrow(() -> new vn.motcua.platform.NotFound("Không tìm thấy hồ sơ với mã và số giấy tờ đã nhập."));
		Map<String, @Nullable Object> m = new LinkedHashMap<>();
		m.put("code", d.code());
		m.put("procedureName", d.procedureName());
		m.put("status", d.status().name());
		m.put("nationalStatus", d.status().nationalCode());
		m.put("receivedAt", ApiTime.format(d.receivedAt()));
		m.put("dueAt", ApiTime.format(d.dueAt()));
		return m;
	}

	/** {@code [{"component","documentId"|"paper"}]}; a list of something else is a list of nothing usable. */
	private static List<FilingRequest.ComponentInput> components(JsonNode list) {
		if (list.isMissingNode() || list.isNull()) {
			return List.of();
		}
		if (!list.isArray()) {
			throw new InvalidParameter("documents", "documents là danh sách [{\"component\",\"documentId\"}]");
		}
		List<FilingRequest.ComponentInput> out = new java.util.ArrayList<>();
		for (JsonNode c : list) {
			out.add(new FilingRequest.ComponentInput(text(c, "component"), text(c, "documentId"),
					c.path("paper").asBoolean(false)));
		}
		return out;
	}

	/** E-form answers as JSON values: text, numbers (exact), true/false; anything else kept for the form to refuse. */
	private static Map<String, @Nullable Object> answers(JsonNode form) {
		if (form.isMissingNode() || form.isNull()) {
			return Map.of();
		}
		if (!form.isObject()) {
			throw new InvalidParameter("formData", "formData là một đối tượng {\"tên trường\": giá trị}");
		}
		Map<String, @Nullable Object> out = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> e : form.properties()) {
			JsonNode v = e.getValue();
			out.put(e.getKey(), v.isNull() ? null : v.isString() ? v.asString() : v.isNumber() ? v.decimalValue()
					: v.isBoolean() ? (Object) v.asBoolean() : v);
		}
		return out;
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode v = node.path(field);
		return v.isMissingNode() || v.isNull() ? null : v.isValueNode() ? v.asString() : v.toString();
	}
}
