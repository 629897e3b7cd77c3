package vn.motcua.dossier.web;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.motcua.catalog.ProcedureDetail;
import vn.motcua.catalog.Procedures;
import vn.motcua.dossier.ActionRequest;
import vn.motcua.identity.Caller;
import vn.motcua.identity.Callers;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierQuery;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.Dossiers;
import vn.motcua.dossier.FilingRequest;
import vn.motcua.identity.CitizenAccount;
import vn.motcua.identity.CitizenAccounts;
import vn.motcua.platform.DomainProblem;
import vn.motcua.platform.InvalidFields;
import vn.motcua.platform.Zones;
import vn.motcua.registry.RegistryLookups;
import vn.motcua.registry.RegistryPurpose;
import vn.motcua.registry.Resident;

/**
 * The dossier pages: a citizen files online with their data prefilled and follows their dossiers; officers
 * receive at the counter, work from inboxes with the working time left, and act on the dossier page, which
 * offers only the actions allowed now; anyone tracks a dossier by code and ID number.
 */
@Controller
class DossierPages {

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm");

	private final Dossiers dossiers;
	private final Callers callers;
	private final Procedures procedures;
	private final CitizenAccounts citizens;
	private final RegistryLookups registry;
	private final MessageSource messages;
	private final vn.motcua.dossier.DossierDocuments documents;
	private final vn.motcua.dossier.DossierRatings ratings;

	DossierPages(Dossiers dossiers, Callers callers, Procedures procedures, CitizenAccounts citizens,
			RegistryLookups registry, MessageSource messages, vn.motcua.dossier.DossierDocuments documents,
			vn.motcua.dossier.DossierRatings ratings) {
		this.documents = documents;
		this.ratings = ratings;
		this.dossiers = dossiers;
		this.callers = callers;
		this.procedures = procedures;
		this.citizens = citizens;
		this.registry = registry;
		this.messages = messages;
	}

	/** The online filing form, prefilled from the e-ID account and the population database. */
	@GetMapping("/dossiers/new")
	String newOnline(@RequestParam String procedure, Authentication auth, Model model) {
		Caller caller = callers.of(auth);
		if (!caller.citizen()) {
			return "redirect:/staff/dossiers/new?procedure=" + procedure;
		}
		ProcedureDetail p = procedures.find(procedure, false)
			.orElseThrow(() -> new vn.motcua.platform.NotFound("Không có thủ tục " + procedure));
		CitizenAccount me = citizens.find(caller.username()).orElseThrow();
		Resident r = registry.lookUp(me.idNumber(), new RegistryPurpose(me.idNumber(),
				"Điền sẵn tờ khai thủ tục " + procedure, null)).resident().orElse(null);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("type", me.businessTaxCode() == null ? "CITIZEN" : "BUSINESS");
		form.put("idNumber", me.idNumber());
		form.put("fullName", me.fullName());
		form.put("dateOfBirth", me.dateOfBirth() == null ? "" : me.dateOfBirth().toString());
		form.put("taxCode", me.businessTaxCode() == null ? "" : me.businessTaxCode());
		form.put("businessName", me.businessName() == null ? "" : me.businessName());
		form.put("address", r == null || r.currentAddress() == null ? "" : r.currentAddress());
		form.put("phone", "");
		form.put("email", "");
		return filingForm(model, p, form, "ONLINE", List.of(), r != null);
	}

	@GetMapping("/staff/dossiers/new")
	String newAtCounter(@RequestParam(required = false) @Nullable String procedure, Model model) {
		ProcedureDetail p = procedure == null ? null : procedures.find(procedure, true).orElse(null);
		Map<String, String> form = new LinkedHashMap<>();
		for (String f : new String[] { "type", "idNumber", "fullName", "dateOfBirth", "taxCode", "businessName", "phone",
				"email", "address" }) {
			form.put(f, f.equals("type") ? "CITIZEN" : "");
		}
		return filingForm(model, p, form, "COUNTER", List.of(), false);
	}

	@PostMapping("/dossiers")
	String file(@RequestParam Map<String, String> params, Authentication auth, Model model, Locale locale) {
		Caller caller = callers.of(auth);
		FilingRequest.ApplicantInput a = new FilingRequest.ApplicantInput(params.get("type"), params.get("idNumber"),
				params.get("fullName"), params.get("dateOfBirth"), params.get("taxCode"), params.get("businessName"),
				params.get("phone"), params.get("email"), params.get("address"));
		String channel = caller.citizen() ? "ONLINE" : params.getOrDefault("channel", "COUNTER");
		try {
			Dossier d = dossiers.file(new FilingRequest(params.get("procedureCode"), params.get("caseCode"), channel, a,
					params.get("note")), caller);
			return "redirect:/dossiers/" + d.code() + "?filed";
		}
		catch (InvalidFields e) {
			return filingForm(model, procedures.find(String.valueOf(params.get("procedureCode")), !caller.citizen())
				.orElse(null), params, channel, e.messages(messages, locale), false);
		}
		catch (DomainProblem e) {
			return filingForm(model, procedures.find(String.valueOf(params.get("procedureCode")), !caller.citizen())
				.orElse(null), params, channel, List.of(e.getMessage()), false);
		}
	}

	@GetMapping({ "/my/dossiers", "/staff/dossiers" })
	String inbox(@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String deadline,
			@RequestParam(defaultValue = "false") boolean mine, @RequestParam(defaultValue = "false") boolean turn,
			@RequestParam(defaultValue = "0") int page,
			Authentication auth, Model model) {
		Caller caller = callers.of(auth);
		DossierStatus s = Arrays.stream(DossierStatus.values()).filter(v -> v.name().equals(status)).findFirst()
			.orElse(null);
		String d = "IN_TIME".equals(deadline) || "DUE_SOON".equals(deadline) || "OVERDUE".equals(deadline) ? deadline
				: null;
		Dossiers.Page result = dossiers.list(new DossierQuery(s, null, q == null || q.isBlank() ? null : q.strip(), null,
				null, mine ? caller.username() : null, d, turn, Math.max(0, page), 30), caller);
		model.addAttribute("rows", result.items().stream().map(this::row).toList());
		model.addAttribute("total", result.total());
		model.addAttribute("page", Math.max(0, page));
		model.addAttribute("statuses", DossierStatus.values());
		model.addAttribute("citizen", caller.citizen());
		model.addAttribute("filter", Map.of("status", s == null ? "" : s.name(), "q", q == null ? "" : q, "deadline",
				d == null ? "" : d, "mine", mine, "turn", turn));
		return caller.citizen() ? "dossier/mine" : "dossier/inbox";
	}

	@GetMapping("/dossiers/{code}")
	String dossier(@PathVariable String code, Authentication auth, Model model) {
		Caller caller = callers.of(auth);
		Dossier d = dossiers.get(code, caller);
		model.addAttribute("row", row(d));
		model.addAttribute("history", dossiers.history(code, caller));
		model.addAttribute("steps", dossiers.steps(code, caller));
		model.addAttribute("actions", dossiers.allowedActions(d, caller));
		model.addAttribute("documents", documents.list(code, caller));
		model.addAttribute("citizen", caller.citizen());
		return "dossier/dossier";
	}

	@PostMapping("/dossiers/{code}/actions")
	String act(@PathVariable String code, @RequestParam Map<String, String> params, Authentication auth,
			RedirectAttributes flash, Locale locale) {
		Map<String, Object> fields = new LinkedHashMap<>();
		DossierAction action = offered(params.get("action"));
		List<String> taken = action == null ? List.of()
				: java.util.stream.Stream.concat(action.requiredFields().stream(), action.optionalFields().stream()).toList();
		for (String f : taken) {
			String value = params.get(f);
			if (value == null || value.isBlank()) {
				continue;
			}
			switch (action.fieldKind(f)) {
				case TEXT -> fields.put(f, value.strip());
				case LINES -> fields.put(f, value.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
				case AMOUNT -> {
					// 1.500.000 as Vietnamese write it; anything else goes on as text and is refused with its field
					String amount = value.strip().replace(".", "").replace(",", "");
					fields.put(f, amount.matches("\\d{1,15}") ? (Object) Long.valueOf(amount) : amount);
				}
				case TIME -> {
					try {
						fields.put(f, LocalDateTime.parse(value.strip(), MINUTE).atZone(Zones.VIETNAM).toOffsetDateTime()
							.toString());
					}
					catch (DateTimeParseException e) {
						flash.addFlashAttribute("errors", List.of(messages.getMessage("dossier.page.bad-date", null, locale)));
						return "redirect:/dossiers/" + code;
					}
				}
			}
		}
		Integer version = null;
		try {
			version = Integer.valueOf(params.getOrDefault("version", ""));
		}
		catch (NumberFormatException e) {
			// reported as a missing version
		}
		try {
			dossiers.act(code, new ActionRequest(params.get("action"), version, fields), callers.of(auth));
			flash.addFlashAttribute("done", params.get("action"));
		}
		catch (InvalidFields e) {
			flash.addFlashAttribute("errors", e.errors()
				.stream()
				.map(err -> err.field() + ": " + InvalidFields.message(err, messages, locale))
				.toList());
		}
		catch (DomainProblem e) {
			if (e.status().value() == 404) {
				throw e;
			}
			flash.addFlashAttribute("errors", List.of(e.getMessage()));
		}
		return "redirect:/dossiers/" + code;
	}

	/** The action a form names, if it is one of the table's (an unknown name goes on, to be refused as the API does). */
	private static @Nullable DossierAction offered(@Nullable String name) {
		return Arrays.stream(DossierAction.values()).filter(a -> a.name().equals(name)).findFirst().orElse(null);
	}

	@PostMapping("/dossiers/{code}/rating")
	String rate(@PathVariable String code, @RequestParam(required = false) @Nullable String rating,
			@RequestParam(required = false) @Nullable String comment, Authentication auth, RedirectAttributes flash,
			Locale locale) {
		try {
			ratings.rate(code, rating, comment, callers.of(auth));
			flash.addFlashAttribute("done", "RATED");
		}
		catch (InvalidFields e) {
			flash.addFlashAttribute("errors", e.messages(messages, locale));
		}
		catch (DomainProblem e) {
			if (e.status().value() == 404) {
				throw e;
			}
			flash.addFlashAttribute("errors", List.of(e.getMessage()));
		}
		return "redirect:/dossiers/" + code;
	}

	@PostMapping("/dossiers/{code}/documents")
	String attach(@PathVariable String code, @RequestParam("file") org.springframework.web.multipart.MultipartFile file,
			@RequestParam(defaultValue = "") String component, Authentication auth, RedirectAttributes flash)
			throws java.io.IOException {
		try (java.io.InputStream in = file.getInputStream()) {
			documents.attach(code, component, String.valueOf(file.getOriginalFilename()), in, callers.of(auth));
			flash.addFlashAttribute("attached", file.getOriginalFilename());
		}
		catch (DomainProblem e) {
			if (e.status().value() == 404) {
				throw e;
			}
			flash.addFlashAttribute("errors", List.of(e.getMessage()));
		}
		return "redirect:/dossiers/" + code;
	}

	/** Public tracking: by code and the applicant's ID number (or tax code), nothing personal shown. */
	@GetMapping("/track")
	String track(@RequestParam(required = false) @Nullable String code,
			@RequestParam(required = false) @Nullable String idNumber, Model model) {
		model.addAttribute("code", code == null ? "" : code.strip());
		model.addAttribute("idNumber", idNumber == null ? "" : idNumber.strip());
		if (code != null && !code.isBlank() && idNumber != null && !idNumber.isBlank()) {
			model.addAttribute("searched", true);
			dossiers.track(code.strip(), idNumber.strip()).ifPresent(d -> model.addAttribute("found", d));
		}
		return "dossier/track";
	}

	private String filingForm(Model model, @Nullable ProcedureDetail p, Map<String, String> form, String channel,
			List<String> errors, boolean verified) {
		model.addAttribute("procedure", p);
		model.addAttribute("form", form);
		model.addAttribute("channel", channel);
		model.addAttribute("errors", errors);
		model.addAttribute("verified", verified);
		return "dossier/new";
	}

	private Row row(Dossier d) {
		return new Row(d, dossiers.remaining(d).orElse(null), dossiers.stepRemaining(d).orElse(null),
				dossiers.workingDaySeconds());
	}

	/** A dossier with the working time left in all and in its current step, for lists and the dossier page. */
	record Row(Dossier dossier, java.time.@Nullable Duration remaining, java.time.@Nullable Duration stepRemaining,
			int dayLength) {
	}

	static List<String> actionNames(List<DossierAction> actions) {
		return new ArrayList<>(actions.stream().map(Enum::name).toList());
	}
}
