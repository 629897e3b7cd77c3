package vn.motcua.dossier.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.motcua.catalog.EForm;
import vn.motcua.catalog.ProcedureDetail;
import vn.motcua.catalog.ProcedureQuery;
import vn.motcua.catalog.Procedures;
import vn.motcua.document.PersonalDocuments;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierDrafts;
import vn.motcua.dossier.Dossiers;
import vn.motcua.dossier.FilingRequest;
import vn.motcua.identity.Caller;
import vn.motcua.identity.CitizenAccount;
import vn.motcua.identity.CitizenAccounts;
import vn.motcua.identity.Callers;
import vn.motcua.platform.DomainProblem;
import vn.motcua.platform.InvalidFields;
import vn.motcua.platform.NotFound;

/**
 * Filing on the pages, following the procedure's template: the citizen's form (applicant prefilled from e-ID and
 * the population database, the case's e-form, each component uploaded or picked from their store), a summary to
 * confirm, drafts to resume; and the counter intake (the procedure found as one types, each component received on
 * paper or scanned, the registry's answer compared before the officer confirms).
 *
 * <p>Form names: applicant fields by name, {@code f.<field>} for the e-form, {@code c.<component>} for how a
 * component is handed in ({@code doc:<id>} or {@code paper}) and {@code u.<component>} for a file uploaded with
 * it; {@code step} is {@code review}, {@code submit}, {@code draft} or {@code edit}.
 */
@Controller
class FilingPages {

	static final List<String> APPLICANT_FIELDS = List.of("type", "idNumber", "fullName", "dateOfBirth", "taxCode",
			"businessName", "phone", "email", "address");

	private final Dossiers dossiers;
	private final Procedures procedures;
	private final CitizenAccounts citizens;
	private final PersonalDocuments store;
	private final DossierDrafts drafts;
	private final RegistryComparison registry;
	private final Callers callers;
	private final MessageSource messages;

	FilingPages(Dossiers dossiers, Procedures procedures, CitizenAccounts citizens, PersonalDocuments store,
			DossierDrafts drafts, RegistryComparison registry, Callers callers, MessageSource messages) {
		this.dossiers = dossiers;
		this.procedures = procedures;
		this.citizens = citizens;
		this.store = store;
		this.drafts = drafts;
		this.registry = registry;
		this.callers = callers;
		this.messages = messages;
	}

	/** The online filing form, prefilled from the e-ID account and the population database, or from a draft. */
	@GetMapping("/dossiers/new")
	String newOnline(@RequestParam(required = false) @Nullable String procedure,
			@RequestParam(required = false) @Nullable UUID draft, Authentication auth, Model model) {
		Caller caller = callers.of(auth);
		if (!caller.citizen()) {
			return "redirect:/staff/dossiers/new" + (procedure == null ? "" : "?procedure=" + procedure);
		}
		Map<String, String> form = new LinkedHashMap<>();
		String code = procedure;
		if (draft != null) {
			DossierDrafts.Draft d = drafts.find(draft, caller).orElseThrow(() -> new NotFound("Không có bản nháp này."));
			form.putAll(d.fields());
			form.put("draftId", d.id().toString());
			code = d.procedureCode();
		}
		if (code == null) {
			return "redirect:/procedures";
		}
		ProcedureDetail p = procedures.find(code, false).orElseThrow(() -> new NotFound("Không có thủ tục này."));
		boolean verified = false;
		if (draft == null) {
			CitizenAccount me = citizens.find(caller.username()).orElseThrow();
			form.put("type", me.businessTaxCode() == null || !p.audience().servesBusinesses() ? "CITIZEN" : "BUSINESS");
			form.put("idNumber", me.idNumber());
			form.put("fullName", me.fullName());
			form.put("dateOfBirth", me.dateOfBirth() == null ? "" : me.dateOfBirth().toString());
			form.put("taxCode", me.businessTaxCode() == null ? "" : me.businessTaxCode());
			form.put("businessName", me.businessName() == null ? "" : me.businessName());
			Optional<String> address = registry.addressOf(me.idNumber(), code);
			address.ifPresent(a -> form.put("address", a));
			verified = address.isPresent();
		}
		return page(model, p, form, "ONLINE", List.of(), Map.of(), caller, verified);
	}

	/** The counter intake: without a procedure, a search for one (as one types); with one, its checklist. */
	@GetMapping("/staff/dossiers/new")
	String newAtCounter(@RequestParam(required = false) @Nullable String procedure,
			@RequestParam(required = false) @Nullable String q, Authentication auth, Model model) {
		ProcedureDetail p = procedure == null ? null : procedures.find(procedure, true).orElse(null);
		if (p == null) {
			model.addAttribute("q", q == null ? "" : q);
			model.addAttribute("found", q == null || q.isBlank() ? List.of() : suggestions(q));
			return "dossier/counter-search";
		}
		Map<String, String> form = new LinkedHashMap<>();
		form.put("type", p.audience() == vn.motcua.catalog.Audience.BUSINESS ? "BUSINESS" : "CITIZEN");
		return page(model, p, form, "COUNTER", List.of(), Map.of(), callers.of(auth), false);
	}

	/** Procedures matching what the officer has typed so far, as a list of links (htmx swaps it in). */
	@GetMapping("/staff/procedures/suggest")
	String suggest(@RequestParam(defaultValue = "") String q, Model model) {
		model.addAttribute("found", q.isBlank() ? List.of() : suggestions(q));
		model.addAttribute("q", q);
		return "dossier/counter-search :: suggestions";
	}

	private List<vn.motcua.catalog.ProcedureSummary> suggestions(String q) {
		String text = q.strip();
		if (text.length() > 200) {
			text = text.substring(0, 200);
		}
		return procedures.search(new ProcedureQuery(text, null, null, null, true, 0, 8)).items();
	}

	@PostMapping("/dossiers")
	String file(MultipartHttpServletRequest request, @RequestParam Map<String, String> params, Authentication auth,
			Model model, Locale locale, RedirectAttributes flash) {
		Caller caller = callers.of(auth);
		String channel = caller.citizen() ? "ONLINE" : params.getOrDefault("channel", "COUNTER");
		Map<String, String> form = new LinkedHashMap<>(params);
		form.remove("_csrf");
		String step = form.getOrDefault("step", "review");
		form.remove("step");
		Optional<ProcedureDetail> procedure = Optional.ofNullable(form.get("procedureCode"))
			.flatMap(c -> procedures.find(c.strip(), !caller.citizen()));
		if (procedure.isEmpty()) {
			return caller.citizen() ? "redirect:/procedures" : "redirect:/staff/dossiers/new";
		}
		ProcedureDetail p = procedure.get();
		ProcedureDetail.Case c = caseOf(p, form.get("caseCode"));
		List<String> errors = new ArrayList<>(storeUploads(request, c, form, caller));
		if (step.equals("draft")) {
			return saveDraft(p, form, caller, model, errors, channel);
		}
		if (step.equals("edit") || !errors.isEmpty()) {
			return page(model, p, form, channel, errors, Map.of(), caller, false);
		}
		FilingRequest filing = request(form, c, channel);
		try {
			if (step.equals("submit")) {
				Dossier d = dossiers.file(filing, caller);
				draftId(form).ifPresent(id -> drafts.delete(id, caller));
				return "redirect:/dossiers/" + d.code() + "?filed";
			}
			dossiers.check(filing, caller);
			return review(model, p, c, form, channel, caller);
		}
		catch (InvalidFields e) {
			Map<String, String> byField = new LinkedHashMap<>();
			for (InvalidFields.Error err : e.errors()) {
				byField.put(formName(err.field()), InvalidFields.message(err, messages, locale));
			}
			return page(model, p, form, channel, e.messages(messages, locale), byField, caller, false);
		}
		catch (DomainProblem e) {
			if (e.status().value() == 404) {
				throw e;
			}
			return page(model, p, form, channel, List.of(e.detail()), Map.of(), caller, false);
		}
	}

	@GetMapping("/my/drafts")
	String myDrafts(Authentication auth, Model model) {
		model.addAttribute("drafts", drafts.list(callers.of(auth)));
		return "dossier/drafts";
	}

	@PostMapping("/my/drafts/{id}/delete")
	String deleteDraft(@PathVariable UUID id, Authentication auth, RedirectAttributes flash) {
		if (!drafts.delete(id, callers.of(auth))) {
			throw new NotFound("Không có bản nháp này.");
		}
		flash.addFlashAttribute("deleted", true);
		return "redirect:/my/drafts";
	}

	private String saveDraft(ProcedureDetail p, Map<String, String> form, Caller caller, Model model,
			List<String> errors, String channel) {
		Map<String, String> fields = new LinkedHashMap<>(form);
		fields.remove("draftId");
		try {
			DossierDrafts.Draft d = drafts.save(draftId(form).orElse(null), p.summary().code(), form.get("caseCode"),
					fields, caller);
			form.put("draftId", d.id().toString());
			model.addAttribute("draftSaved", d.updatedAt());
		}
		catch (DomainProblem e) {
			if (e.status().value() == 404) {
				throw e;
			}
			errors.add(e.detail());
		}
		return page(model, p, form, channel, errors, Map.of(), caller, false);
	}

	/** Files chosen beside components go to the filer's own store first, so that nothing uploaded is lost. */
	private List<String> storeUploads(MultipartHttpServletRequest request, ProcedureDetail.Case c,
			Map<String, String> form, Caller caller) {
		List<String> errors = new ArrayList<>();
		for (ProcedureDetail.Document doc : c.documents()) {
			MultipartFile file = request.getFile("u." + doc.code());
			if (file == null || file.isEmpty()) {
				continue;
			}
			try (InputStream in = file.getInputStream()) {
				PersonalDocuments.PersonalDocument stored = store.upload(doc.name().length() > 200
						? doc.name().substring(0, 200) : doc.name(), String.valueOf(file.getOriginalFilename()), in, caller);
				form.put("c." + doc.code(), "doc:" + stored.file().id());
			}
			catch (DomainProblem e) {
				errors.add(doc.name() + ": " + e.detail());
			}
			catch (IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		}
		return errors;
	}

	/** The filing the form describes: e-form answers read by their types, components as chosen. */
	static FilingRequest request(Map<String, String> form, ProcedureDetail.Case c, String channel) {
		FilingRequest.ApplicantInput a = new FilingRequest.ApplicantInput(form.get("type"), form.get("idNumber"),
				form.get("fullName"), form.get("dateOfBirth"), form.get("taxCode"), form.get("businessName"),
				form.get("phone"), form.get("email"), form.get("address"));
		List<FilingRequest.ComponentInput> components = new ArrayList<>();
		for (ProcedureDetail.Document d : c.documents()) {
			String how = form.getOrDefault("c." + d.code(), "");
			if (how.equals("paper")) {
				components.add(new FilingRequest.ComponentInput(d.code(), null, true));
			}
			else if (how.startsWith("doc:")) {
				components.add(new FilingRequest.ComponentInput(d.code(), how.substring(4), false));
			}
		}
		return new FilingRequest(form.get("procedureCode"), c.code(), channel, a, form.get("note"), components,
				new LinkedHashMap<>(c.form().fromText(prefixed(form, "f."))));
	}

	/** A refused field's name on the page: {@code formData.x} is {@code f.x}, {@code documents.x} is {@code c.x}. */
	static String formName(String apiField) {
		if (apiField.startsWith("formData.")) {
			return "f." + apiField.substring(9);
		}
		if (apiField.startsWith("documents.")) {
			return "c." + apiField.substring(10);
		}
		return apiField.startsWith("applicant.") ? apiField.substring(10) : apiField;
	}

	private static ProcedureDetail.Case caseOf(ProcedureDetail p, @Nullable String code) {
		return p.cases().stream().filter(c -> c.code().equals(code)).findFirst().orElse(p.defaultCase());
	}

	private static Optional<UUID> draftId(Map<String, String> form) {
		try {
			String id = form.get("draftId");
			return id == null || id.isBlank() ? Optional.empty() : Optional.of(UUID.fromString(id.strip()));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	private String review(Model model, ProcedureDetail p, ProcedureDetail.Case c, Map<String, String> form,
			String channel, Caller caller) {
		model.addAttribute("procedure", p);
		model.addAttribute("procedureCase", c);
		model.addAttribute("form", form);
		model.addAttribute("channel", channel);
		model.addAttribute("answers", c.form().check(c.form().fromText(prefixed(form, "f."))).values());
		model.addAttribute("files", files(form, caller));
		model.addAttribute("fee", c.feesVnd().getOrDefault(channel, 0L));
		if (!caller.citizen()) {
			model.addAttribute("registry", registry.compare(form.get("idNumber"), form.get("fullName"),
					form.get("dateOfBirth"), p.summary().code(), caller));
		}
		return "dossier/review";
	}

	private String page(Model model, ProcedureDetail p, Map<String, String> form, String channel, List<String> errors,
			Map<String, String> fieldErrors, Caller caller, boolean verified) {
		ProcedureDetail.Case c = caseOf(p, form.get("caseCode"));
		model.addAttribute("procedure", p);
		model.addAttribute("procedureCase", c);
		model.addAttribute("form", form);
		model.addAttribute("channel", channel);
		model.addAttribute("errors", errors);
		model.addAttribute("fieldErrors", fieldErrors);
		model.addAttribute("verified", verified);
		model.addAttribute("files", files(form, caller));
		model.addAttribute("store", store.list(caller, 0, 100).items());
		return "dossier/new";
	}

	/** The file names behind {@code c.<component> = doc:<id>}, for the filer's own files only. */
	private Map<String, String> files(Map<String, String> form, Caller caller) {
		Map<String, String> names = new LinkedHashMap<>();
		form.forEach((k, v) -> {
			if (k.startsWith("c.") && v.startsWith("doc:")) {
				try {
					store.owned(UUID.fromString(v.substring(4)), caller)
						.ifPresent(d -> names.put(k.substring(2), d.fileName()));
				}
				catch (IllegalArgumentException e) {
					// not an id: the filing names it as refused
				}
			}
		});
		return names;
	}

	private static Map<String, String> prefixed(Map<String, String> form, String prefix) {
		Map<String, String> out = new LinkedHashMap<>();
		form.forEach((k, v) -> {
			if (k.startsWith(prefix)) {
				out.put(k.substring(prefix.length()), v);
			}
		});
		return out;
	}
}
