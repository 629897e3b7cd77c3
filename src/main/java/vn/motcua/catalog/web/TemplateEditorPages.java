package vn.motcua.catalog.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.motcua.catalog.EForm;
import vn.motcua.catalog.ProcedureDetail;
import vn.motcua.catalog.ProcedurePublication;
import vn.motcua.catalog.Procedures;
import vn.motcua.catalog.TemplateJson;
import vn.motcua.platform.InvalidFields;
import vn.motcua.platform.NotFound;

/**
 * Mẫu hồ sơ of one case on a page: its components (a row each, with blank rows to add) and its e-form's questions,
 * checked as the API checks them and saved as an administrative correction of the version in force.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class TemplateEditorPages {

	/** Blank rows offered for new components and questions. */
	private static final int BLANK_ROWS = 3;

	private final Procedures procedures;
	private final ProcedurePublication publication;
	private final MessageSource messages;
	private final JsonMapper json = JsonMapper.builder().build();

	TemplateEditorPages(Procedures procedures, ProcedurePublication publication, MessageSource messages) {
		this.procedures = procedures;
		this.publication = publication;
		this.messages = messages;
	}

	/** One component as typed on the page. */
	record ComponentRow(String code, String name, boolean required, String originals, String copies, String template,
			boolean data) {
	}

	/** One question as typed on the page; options one per line. */
	record QuestionRow(String name, String label, String type, boolean required, String options, String when,
			String equals) {

		/** Rows of the options box: every option in view, up to five. */
		public int optionRows() {
			return (int) Math.max(1, Math.min(5, options.lines().count()));
		}
	}

	@GetMapping("/admin/catalog/procedures/{code}/cases/{caseCode}/template")
	String edit(@PathVariable String code, @PathVariable String caseCode, Model model) {
		ProcedureDetail p = procedures.find(code, true).orElseThrow(() -> new NotFound("Không có thủ tục " + code));
		ProcedureDetail.Case c = p.cases().stream().filter(k -> k.code().equals(caseCode)).findFirst()
			.orElseThrow(() -> new NotFound("Không có trường hợp " + caseCode));
		List<ComponentRow> components = new ArrayList<>();
		for (ProcedureDetail.Document d : c.documents()) {
			components.add(new ComponentRow(d.code(), d.name(), d.required(), Integer.toString(d.originals()),
					Integer.toString(d.copies()), d.templateName() == null ? "" : d.templateName(), d.replacedByData()));
		}
		List<QuestionRow> questions = new ArrayList<>();
		for (EForm.Field f : c.form().fields()) {
			questions.add(new QuestionRow(f.name(), f.label(), f.type().json(), f.required(), String.join("\n", f.options()),
					f.showWhen() == null ? "" : f.showWhen().field(),
					f.showWhen() == null || f.showWhen().equals() == null ? "" : f.showWhen().equals()));
		}
		model.addAttribute("resultTitle", c.resultTemplate() == null ? "" : c.resultTemplate().title());
		model.addAttribute("resultBody", c.resultTemplate() == null ? "" : c.resultTemplate().body());
		model.addAttribute("signer", c.resultSigner() == null ? "" : c.resultSigner().name());
		return page(model, p, c, components, questions, c.requiresElectronicResult(), List.of());
	}

	@PostMapping("/admin/catalog/procedures/{code}/cases/{caseCode}/template")
	String save(@PathVariable String code, @PathVariable String caseCode, @RequestParam Map<String, String> form,
			Authentication actor, Model model, Locale locale, RedirectAttributes flash) {
		ProcedureDetail p = procedures.find(code, true).orElseThrow(() -> new NotFound("Không có thủ tục " + code));
		ProcedureDetail.Case c = p.cases().stream().filter(k -> k.code().equals(caseCode)).findFirst()
			.orElseThrow(() -> new NotFound("Không có trường hợp " + caseCode));
		List<ComponentRow> components = new ArrayList<>();
		for (int i = 0; form.containsKey("d" + i + ".code"); i++) {
			ComponentRow r = new ComponentRow(v(form, "d" + i + ".code"), v(form, "d" + i + ".name"),
					form.containsKey("d" + i + ".required"), v(form, "d" + i + ".originals"), v(form, "d" + i + ".copies"),
					v(form, "d" + i + ".template"), form.containsKey("d" + i + ".data"));
			if (!r.code().isEmpty() || !r.name().isEmpty()) {
				components.add(r);
			}
		}
		List<QuestionRow> questions = new ArrayList<>();
		for (int i = 0; form.containsKey("q" + i + ".name"); i++) {
			QuestionRow r = new QuestionRow(v(form, "q" + i + ".name"), v(form, "q" + i + ".label"),
					v(form, "q" + i + ".type"), form.containsKey("q" + i + ".required"), v(form, "q" + i + ".options"),
					v(form, "q" + i + ".when"), v(form, "q" + i + ".equals"));
			if (!r.name().isEmpty() || !r.label().isEmpty()) {
				questions.add(r);
			}
		}
		boolean electronic = form.containsKey("electronic");
		model.addAttribute("signer", v(form, "signer"));
		model.addAttribute("resultTitle", v(form, "resultTitle"));
		model.addAttribute("resultBody", v(form, "resultBody"));
		try {
			ObjectNode body = body(components, questions, electronic);
			if (!v(form, "signer").isEmpty()) {
				body.put("resultSigner", v(form, "signer"));
			}
			if (!v(form, "resultTitle").isEmpty() || !v(form, "resultBody").isEmpty()) {
				body.putObject("result").put("title", v(form, "resultTitle")).put("body", v(form, "resultBody"));
			}
			ProcedurePublication.CaseTemplate template = TemplateJson.parseTemplate(body);
			publication.setTemplate(code, caseCode, template, actor.getName()).orElseThrow(() -> new NotFound(caseCode));
			flash.addFlashAttribute("saved", true);
			return "redirect:/admin/catalog/procedures/" + code + "/cases/" + caseCode + "/template";
		}
		catch (InvalidFields e) {
			List<String> errors = e.errors().stream()
				.map(err -> err.field() + ": " + InvalidFields.message(err, messages, locale))
				.toList();
			return page(model, p, c, components, questions, electronic, errors);
		}
	}

	/** The rows as the API's body, so that the page and the API are checked alike. */
	private ObjectNode body(List<ComponentRow> components, List<QuestionRow> questions, boolean electronic) {
		ObjectNode body = json.createObjectNode();
		ArrayNode docs = body.putArray("documents");
		for (ComponentRow r : components) {
			ObjectNode d = docs.addObject();
			d.put("code", r.code());
			d.put("name", r.name());
			d.put("required", r.required());
			putCount(d, "originals", r.originals());
			putCount(d, "copies", r.copies());
			if (!r.template().isEmpty()) {
				d.put("template", r.template());
			}
			d.put("replacedByData", r.data());
		}
		ArrayNode fields = body.putObject("form").putArray("fields");
		for (QuestionRow r : questions) {
			ObjectNode f = fields.addObject();
			f.put("name", r.name());
			f.put("label", r.label());
			f.put("type", r.type());
			f.put("required", r.required());
			if (!r.options().isEmpty()) {
				ArrayNode options = f.putArray("options");
				r.options().lines().map(String::strip).filter(o -> !o.isEmpty()).forEach(options::add);
			}
			if (!r.when().isEmpty()) {
				ObjectNode w = f.putObject("showWhen");
				w.put("field", r.when());
				if (!r.equals().isEmpty()) {
					w.put("equals", r.equals());
				}
			}
		}
		body.put("requiresElectronicResult", electronic);
		return body;
	}

	/** A count as typed: a whole number, or left as text for the check to refuse. */
	private static void putCount(ObjectNode d, String field, String typed) {
		if (typed.matches("\\d{1,3}")) {
			d.put(field, Integer.parseInt(typed));
		}
		else if (!typed.isEmpty()) {
			d.put(field, typed);
		}
	}

	private static String v(Map<String, String> form, String key) {
		String s = form.get(key);
		return s == null ? "" : s.strip();
	}

	private String page(Model model, ProcedureDetail p, ProcedureDetail.Case c, List<ComponentRow> components,
			List<QuestionRow> questions, boolean electronic, List<String> errors) {
		List<ComponentRow> rows = new ArrayList<>(components);
		List<QuestionRow> qs = new ArrayList<>(questions);
		for (int i = 0; i < BLANK_ROWS; i++) {
			rows.add(new ComponentRow("", "", true, "1", "0", "", false));
			qs.add(new QuestionRow("", "", "text", false, "", "", ""));
		}
		model.addAttribute("procedure", p);
		model.addAttribute("procedureCase", c);
		model.addAttribute("components", rows);
		model.addAttribute("questions", qs);
		model.addAttribute("electronic", electronic);
		model.addAttribute("errors", errors);
		model.addAttribute("types", java.util.Arrays.stream(EForm.FieldType.values()).map(EForm.FieldType::json).toList());
		return "catalog/template-editor";
	}
}
