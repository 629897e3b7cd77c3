package vn.motcua.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A case's template as JSON, in the shape of docs/api.md ("Procedure templates"): components
 * {@code [{"code","name","required","copies","replacedByData"}]} and the e-form
 * {@code {"fields":[{"name","label","type","required","options","showWhen"}]}}. The form is stored this way in
 * {@code procedure_case.form}; the API reads and writes both.
 */
public final class TemplateJson {

	private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("^[0-9A-Za-z._-]{1,64}$");

	/** The roles that may be named to sign a case's result: leaders who take FINISH. */
	static final java.util.Set<String> SIGNERS = java.util.Set.of("DEPARTMENT_LEADER", "PROVINCE_LEADER");

	/** The template a {@code PUT …/template} body describes; every mistake named at once. */
	public static ProcedurePublication.CaseTemplate parseTemplate(JsonNode body) {
		vn.motcua.platform.InvalidFields.Collector errors = new vn.motcua.platform.InvalidFields.Collector();
		List<ProcedureDetail.Document> documents = new ArrayList<>();
		JsonNode list = body.path("documents");
		if (!list.isArray() && !list.isMissingNode()) {
			errors.add("documents", "catalog.template.documents");
		}
		java.util.Set<String> codes = new java.util.HashSet<>();
		int i = 0;
		for (JsonNode d : list) {
			String at = "documents[" + i++ + "]";
			String code = d.path("code").isString() ? d.path("code").asString().strip() : "";
			String name = d.path("name").isString() ? d.path("name").asString().strip() : "";
			if (!CODE.matcher(code).matches()) {
				errors.add(at + ".code", "catalog.template.document-code");
			}
			else if (!codes.add(code)) {
				errors.add(at + ".code", "catalog.template.document-repeated");
			}
			if (name.isEmpty() || name.length() > 500) {
				errors.add(at + ".name", "catalog.template.document-name");
			}
			String url = text(d, "templateUrl");
			if (url != null && !isWebLink(url)) {
				errors.add(at + ".templateUrl", "catalog.template.url");
			}
			int copies = d.path("copies").isInt() ? d.path("copies").asInt() : d.path("copies").isMissingNode() ? 0 : -1;
			int originals = d.path("originals").isInt() ? d.path("originals").asInt()
					: d.path("originals").isMissingNode() ? 1 : -1;
			if (copies < 0 || copies > 99 || originals < 0 || originals > 99) {
				errors.add(at + ".copies", "catalog.template.copies");
			}
			documents.add(new ProcedureDetail.Document(code, i, name, Math.max(0, originals), Math.max(0, copies),
					d.path("required").asBoolean(true), text(d, "template"), text(d, "templateUrl"),
					d.path("replacedByData").asBoolean(false)));
		}
		if (documents.size() > vn.motcua.platform.TextRules.LIST) {
			errors.add("documents", "catalog.template.too-many");
		}
		EForm.Parsed form = parse(body.path("form"));
		form.problems().forEach(p -> errors.add(p.field(), p.messageKey()));
		form.form().definitionProblems().forEach(p -> errors.add("form.fields." + p.field(), p.messageKey()));
		JsonNode electronic = body.path("requiresElectronicResult");
		if (!electronic.isMissingNode() && !electronic.isBoolean()) {
			errors.add("requiresElectronicResult", "catalog.template.boolean");
		}
		vn.motcua.identity.Role signer = null;
		JsonNode s = body.path("resultSigner");
		if (s.isString() && SIGNERS.contains(s.asString())) {
			signer = vn.motcua.identity.Role.valueOf(s.asString());
		}
		else if (!s.isMissingNode() && !s.isNull()) {
			errors.add("resultSigner", "catalog.template.result-signer");
		}
		ResultTemplate result = null;
		JsonNode r = body.path("result");
		if (r.isObject()) {
			String title = r.path("title").isString() ? r.path("title").asString().strip() : "";
			String text = r.path("body").isString() ? r.path("body").asString().strip() : "";
			if (title.isEmpty() || title.length() > 200) {
				errors.add("result.title", "catalog.template.result-title");
			}
			if (text.isEmpty() || !vn.motcua.platform.TextRules.fits(text, vn.motcua.platform.TextRules.FREE_TEXT)) {
				errors.add("result.body", "catalog.template.result-body");
			}
			result = new ResultTemplate(title, text);
			if (form.problems().isEmpty()) {
				result.unknownPlaceholders(form.form())
					.forEach(p -> errors.add("result", "catalog.template.result-placeholder", p));
			}
		}
		else if (!r.isMissingNode() && !r.isNull()) {
			errors.add("result", "catalog.template.result-title");
		}
		errors.throwIfAny();
		return new ProcedurePublication.CaseTemplate(documents, form.form(), electronic.asBoolean(false), result, signer);
	}

	/** Whether a blank form's address is a web link, the only kind the pages make a link of. */
	static boolean isWebLink(String url) {
		return url.matches("(?i)^https?://[^\\s\"<>]{1,1990}$");
	}

	/** A component as the API shows it. */
	public static Map<String, Object> toMap(ProcedureDetail.Document doc) {
		Map<String, Object> dm = new LinkedHashMap<>();
		dm.put("code", doc.code());
		dm.put("name", doc.name());
		dm.put("originals", doc.originals());
		dm.put("copies", doc.copies());
		dm.put("required", doc.required());
		dm.put("template", doc.templateName());
		dm.put("templateUrl", doc.templateUrl());
		dm.put("replacedByData", doc.replacedByData());
		return dm;
	}

	private static @Nullable String text(JsonNode n, String field) {
		return n.path(field).isString() && !n.path(field).asString().isBlank() ? n.path(field).asString().strip() : null;
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private TemplateJson() {
	}

	public static Map<String, Object> toMap(EForm form) {
		List<Map<String, Object>> fields = new ArrayList<>();
		for (EForm.Field f : form.fields()) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("name", f.name());
			m.put("label", f.label());
			m.put("type", f.type().json());
			m.put("required", f.required());
			if (f.type() == EForm.FieldType.SELECT) {
				m.put("options", f.options());
			}
			if (f.showWhen() != null) {
				Map<String, Object> w = new LinkedHashMap<>();
				w.put("field", f.showWhen().field());
				if (f.showWhen().equals() != null) {
					w.put("equals", f.showWhen().equals());
				}
				m.put("showWhen", w);
			}
			fields.add(m);
		}
		return Map.of("fields", fields);
	}

	static String write(EForm form) {
		return JSON.writeValueAsString(toMap(form));
	}

	static EForm read(@Nullable String json) {
		if (json == null) {
			return EForm.EMPTY;
		}
		EForm.Parsed parsed = parse(JSON.readTree(json));
		return parsed.form();
	}

	/** The form a request describes, with what is malformed (an unknown type, a missing name) named. */
	public static EForm.Parsed parse(JsonNode node) {
		List<EForm.Field> fields = new ArrayList<>();
		List<EForm.Problem> problems = new ArrayList<>();
		JsonNode list = node.path("fields");
		if (!node.isMissingNode() && !node.isNull() && !list.isArray() && !list.isMissingNode()) {
			problems.add(new EForm.Problem("form.fields", "catalog.template.fields"));
		}
		int i = 0;
		for (JsonNode f : list) {
			String at = "form.fields[" + i++ + "]";
			String name = f.path("name").isString() ? f.path("name").asString() : "";
			String label = f.path("label").isString() ? f.path("label").asString().strip() : "";
			String type = f.path("type").isString() ? f.path("type").asString() : null;
			EForm.FieldType t = EForm.FieldType.of(type).orElse(null);
			if (t == null) {
				problems.add(new EForm.Problem(at + ".type", "catalog.template.field-type"));
				continue;
			}
			List<String> options = new ArrayList<>();
			for (JsonNode o : f.path("options")) {
				options.add(o.isString() ? o.asString().strip() : "");
			}
			JsonNode w = f.path("showWhen");
			EForm.Condition when = w.isObject() && w.path("field").isString()
					? new EForm.Condition(w.path("field").asString(),
							w.path("equals").isString() ? w.path("equals").asString() : null)
					: null;
			fields.add(new EForm.Field(name, label.isEmpty() ? name : label, t, f.path("required").asBoolean(false),
					options, when));
		}
		return new EForm.Parsed(new EForm(fields), problems);
	}
}
