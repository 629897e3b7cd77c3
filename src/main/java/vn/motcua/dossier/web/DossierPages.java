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

import vn.motcua.dossier.ActionRequest;
import vn.motcua.identity.Caller;
import vn.motcua.identity.Callers;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierQuery;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.Dossiers;
import vn.motcua.platform.DomainProblem;
import vn.motcua.platform.InvalidFields;
import vn.motcua.platform.Zones;

/**
 * The dossier pages: a citizen follows their dossiers; officers work from inboxes with the working time left and
 * act on the dossier page, which offers only the actions allowed now; anyone tracks a dossier by code and ID
 * number. Filing has its own pages ({@link FilingPages}).
 */
@Controller
class DossierPages {

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm");

	private final Dossiers dossiers;
	private final Callers callers;
	private final MessageSource messages;
	private final vn.motcua.dossier.DossierDocuments documents;
	private final vn.motcua.dossier.DossierRatings ratings;
	private final vn.motcua.dossier.DossierResults results;

	private final vn.motcua.organization.Agencies agencies;
	private final vn.motcua.identity.StaffAccounts staff;
	private final java.time.Clock clock;
	private final WorkQueues queues;

	DossierPages(Dossiers dossiers, Callers callers, MessageSource messages, vn.motcua.dossier.DossierDocuments documents,
			vn.motcua.dossier.DossierRatings ratings, vn.motcua.dossier.DossierResults results,
			vn.motcua.organization.Agencies agencies, vn.motcua.identity.StaffAccounts staff, java.time.Clock clock, WorkQueues queues) {
		this.clock = clock;
		this.queues = queues;
		this.agencies = agencies;
		this.staff = staff;
		this.results = results;
		this.documents = documents;
		this.ratings = ratings;
		this.dossiers = dossiers;
		this.callers = callers;
		this.messages = messages;
	}

	@GetMapping({ "/my/dossiers", "/staff/dossiers" })
	String inbox(@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String deadline,
			@RequestParam(defaultValue = "false") boolean mine, @RequestParam(defaultValue = "false") boolean turn,
			@RequestParam(name = "focus", required = false) @Nullable String focusName,
			@RequestParam(defaultValue = "0") int page, Authentication auth, Model model) {
		Caller caller = callers.of(auth);
		DossierQuery.Focus focus = Arrays.stream(DossierQuery.Focus.values())
			.filter(v -> v.name().equals(focusName))
			.findFirst()
			.orElse(null);
		DossierStatus s = Arrays.stream(DossierStatus.values()).filter(v -> v.name().equals(status)).findFirst()
			.orElse(null);
		String d = "IN_TIME".equals(deadline) || "DUE_SOON".equals(deadline) || "OVERDUE".equals(deadline) ? deadline
				: null;
		Dossiers.Page result = dossiers.list(new DossierQuery(s, null, q == null || q.isBlank() ? null : q.strip(), null,
				null, mine ? caller.username() : null, d, turn, focus, !caller.citizen(), Math.max(0, page), 30), caller);
		model.addAttribute("rows", result.items().stream().map(this::row).toList());
		model.addAttribute("total", result.total());
		model.addAttribute("page", Math.max(0, page));
		model.addAttribute("statuses", DossierStatus.values());
		model.addAttribute("citizen", caller.citizen());
		if (!caller.citizen()) {
			model.addAttribute("queues", queues.of(caller));
			model.addAttribute("openQueue", openQueue(s, q, d, mine, turn, focus));
		}
		if (!caller.citizen()) { // Mẫu 07, the register of the unit's dossiers, for the month so far by default
			java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(Zones.VIETNAM));
			model.addAttribute("registerUnits", agencies.validOn(today));
			model.addAttribute("registerUnit", caller.unitCode());
			model.addAttribute("registerFrom", today.withDayOfMonth(1).toString());
			model.addAttribute("registerTo", today.toString());
		}
		model.addAttribute("filter", Map.of("status", s == null ? "" : s.name(), "q", q == null ? "" : q, "deadline",
				d == null ? "" : d, "mine", mine, "turn", turn, "focus", focus == null ? "" : focus.name()));
		return caller.citizen() ? "dossier/mine" : "dossier/inbox";
	}

	/** The queue tab the request stands for: "all" without filters, none when it mixes filters of its own. */
	private static @Nullable String openQueue(@Nullable DossierStatus status, @Nullable String q,
			@Nullable String deadline, boolean mine, boolean turn, DossierQuery.@Nullable Focus focus) {
		if (status != null || (q != null && !q.isBlank()) || mine) {
			return null;
		}
		if (turn) {
			return deadline == null && focus == null ? WorkQueues.Kind.TURN.id : null;
		}
		if (focus != null) {
			return deadline == null ? WorkQueues.Kind.valueOf(focus.name()).id : null;
		}
		if (deadline != null) {
			return "OVERDUE".equals(deadline) ? WorkQueues.Kind.OVERDUE.id : null;
		}
		return "queue-all";
	}

	/** Receiving steps are the one-stop centre's. */
	private static final java.util.Set<String> AT_THE_COUNTER = java.util.Set.of("RECEIVE", "REFUSE", "FORWARD",
			"RETURN_RESULT", "SUBMIT", "IMPORTED");

	/**
	 * Who did each step, as the applicant sees it: themselves, the receiving or the deciding unit by name, the payment
	 * gateway; never a staff member's sign-in name.
	 */
	private List<String> actorsForApplicant(Dossier d, List<Dossier.Event> history, Caller caller) {
		java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		String receiving = unitName(d.receivingUnitCode());
		String deciding = unitName(d.agencyCode());
		return history.stream().map(e -> e.actor().equals(caller.username())
				? messages.getMessage("dossier.actor.you", null, locale)
				: e.action().equals(DossierAction.SETTLE_PAYMENT.recordedAs())
						? messages.getMessage("dossier.actor.payment", null, locale)
						: AT_THE_COUNTER.contains(e.action()) ? receiving : deciding)
			.toList();
	}

	/**
	 * Who did each step, as officers read it: a colleague by full name and sign-in name, the applicant by name, the
	 * payment gateway by what it is; a sign-in or ID number only when nothing better is known.
	 */
	private List<String> actorsForStaff(Dossier d, List<Dossier.Event> history) {
		java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		String applicant = d.applicant().fullName() != null ? d.applicant().fullName() : d.applicant().businessName();
		java.util.Map<String, String> known = new java.util.HashMap<>();
		return history.stream().map(e -> known.computeIfAbsent(e.actor(), actor -> {
			if (e.action().equals(DossierAction.SETTLE_PAYMENT.recordedAs())) {
				return messages.getMessage("dossier.actor.payment", null, locale);
			}
			if (applicant != null && (actor.equals(d.applicant().idNumber()) || actor.equals(d.submitter()))) {
				return messages.getMessage("dossier.actor.applicant", new Object[] { applicant }, locale);
			}
			return staff.find(actor).map(a -> a.fullName() + " (" + actor + ")").orElse(actor);
		})).toList();
	}

	/** A specialist to assign, with the unit and how many open dossiers they hold already. */
	record Assignee(String username, String fullName, String unit, long open) {
	}

	/** The deciding unit's specialists (and its divisions'), the least loaded first. */
	private List<Assignee> assignees(Dossier d) {
		List<vn.motcua.identity.StaffAccount> specialists = staff.withRole(vn.motcua.identity.Role.SPECIALIST,
				agencies.subtree(d.agencyCode()));
		java.util.Map<String, Long> open = dossiers.openByAssignee(
				specialists.stream().map(vn.motcua.identity.StaffAccount::username).toList());
		return specialists.stream()
			.map(s -> new Assignee(s.username(), s.fullName(), unitName(String.valueOf(s.unitCode())),
					open.getOrDefault(s.username(), 0L)))
			.sorted(java.util.Comparator.comparingLong(Assignee::open).thenComparing(Assignee::fullName))
			.toList();
	}

	private String unitName(String code) {
		return agencies.find(code).map(vn.motcua.organization.Agency::name).orElse(code);
	}

	@GetMapping("/dossiers/{code}")
	String dossier(@PathVariable String code, Authentication auth, Model model) {
		Caller caller = callers.of(auth);
		Dossier d = dossiers.get(code, caller);
		model.addAttribute("row", row(d));
		List<Dossier.Event> history = dossiers.history(code, caller);
		model.addAttribute("history", history);
		model.addAttribute("actors", caller.citizen() ? actorsForApplicant(d, history, caller) : actorsForStaff(d, history));
		model.addAttribute("steps", caller.citizen() ? List.of() : dossiers.steps(code, caller));
		List<DossierAction> allowed = dossiers.allowedActions(d, caller);
		model.addAttribute("actions", allowed);
		model.addAttribute("assignees", allowed.contains(DossierAction.ASSIGN) ? assignees(d) : List.of());
		model.addAttribute("documents", documents.list(code, caller));
		model.addAttribute("procedureCase", dossiers.procedureCase(d).orElse(null));
		model.addAttribute("results", results.list(code, caller));
		model.addAttribute("mayDraftResult", results.mayDraft(d, caller));
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
				case TEXT, CHOICE -> fields.put(f, value.strip());
				case LINES -> fields.put(f, value.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
				case AMOUNT -> {
					// 1.500.000 as Vietnamese write it; anything else goes on as text and is refused with its field
					String amount = value.strip().replace(".", "").replace(",", "");
					fields.put(f, amount.matches("\\d{1,15}") ? (Object) Long.valueOf(amount) : amount);
				}
				case TIME -> {
					try {
						// the browser's date-time picker sends 2026-12-20T16:30; typed text may be 20/12/2026 16:30
						String v = value.strip();
						LocalDateTime at = v.contains("T") ? LocalDateTime.parse(v) : LocalDateTime.parse(v, MINUTE);
						fields.put(f, at.atZone(Zones.VIETNAM).toOffsetDateTime().toString());
					}
					catch (DateTimeParseException e) {
						flash.addFlashAttribute("errors", List.of(messages.getMessage("dossier.page.bad-date", null, locale)));
						flash.addFlashAttribute("retry", params); // what was typed comes back, not an empty form
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
			flash.addFlashAttribute("retry", params);
		}
		catch (DomainProblem e) {
			if (e.status().value() == 404) {
				throw e;
			}
			flash.addFlashAttribute("errors", List.of(e.detail()));
			flash.addFlashAttribute("retry", params);
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
			flash.addFlashAttribute("errors", List.of(e.detail()));
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
			flash.addFlashAttribute("errors", List.of(e.detail()));
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
