package vn.motcua.programme.web;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.databind.json.JsonMapper;
import vn.motcua.identity.Caller;
import vn.motcua.identity.Callers;
import vn.motcua.identity.StaffAccounts;
import vn.motcua.organization.Agencies;
import vn.motcua.organization.Agency;
import vn.motcua.platform.DomainProblem;
import vn.motcua.platform.InvalidFields;
import vn.motcua.programme.Indicators;
import vn.motcua.programme.Leadership;
import vn.motcua.programme.ProgrammeTask;
import vn.motcua.programme.Programmes;
import vn.motcua.programme.TaskImport;
import vn.motcua.programme.TaskStatus;

/**
 * The leaders' view of the programmes: counts by status, the two rates, the overdue tasks with their owners, the trend
 * by month, the indicators and the S&T share of leaders; a task's page to report progress with evidence; the
 * leadership roster.
 */
@Controller
class ProgrammePages {

	private final Programmes programmes;
	private final Indicators indicators;
	private final Leadership leadership;
	private final TaskImport imports;
	private final vn.motcua.programme.ProgrammeReports reports;
	private final Agencies agencies;
	private final StaffAccounts staff;
	private final Callers callers;
	private final MessageSource messages;
	private final JsonMapper json = JsonMapper.builder().build();

	ProgrammePages(Programmes programmes, Indicators indicators, Leadership leadership, TaskImport imports,
			vn.motcua.programme.ProgrammeReports reports, Agencies agencies, StaffAccounts staff, Callers callers, MessageSource messages) {
		this.programmes = programmes;
		this.indicators = indicators;
		this.leadership = leadership;
		this.imports = imports;
		this.reports = reports;
		this.agencies = agencies;
		this.staff = staff;
		this.callers = callers;
		this.messages = messages;
	}

	/** A task as a page shows it: with the unit's and the owner's names. */
	record Row(ProgrammeTask task, String unitName, String ownerName) {
	}

	@GetMapping("/staff/programme")
	String dashboard(@RequestParam(required = false) @Nullable String programme,
			@RequestParam(required = false) @Nullable String unit, @RequestParam(required = false) @Nullable String status,
			Authentication auth, Model model) {
		Caller caller = callers.of(auth);
		String p = blank(programme) ? "DE_AN_06" : programme.strip();
		String u = blank(unit) || agencies.find(unit.strip()).isEmpty() ? null : unit.strip();
		TaskStatus s = null;
		for (TaskStatus v : TaskStatus.values()) {
			if (v.name().equals(status)) {
				s = v;
			}
		}
		model.addAttribute("programmes", programmes.programmes());
		model.addAttribute("today", programmes.today());
		model.addAttribute("programme", p);
		model.addAttribute("unit", u);
		model.addAttribute("status", s);
		model.addAttribute("units", agencies.validOn(programmes.today()));
		model.addAttribute("summary", programmes.summary(p, u, caller));
		model.addAttribute("overdue", programmes.overdue(p, u, caller).stream().map(this::row).toList());
		model.addAttribute("tasks", programmes.list(new Programmes.TaskQuery(p, u, s, null, 0, 500), caller).items()
			.stream().map(this::row).toList());
		model.addAttribute("statuses", TaskStatus.values());
		List<Programmes.Month> trend = programmes.trend(p, u, caller);
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("months", trend.stream().map(m -> String.format("%02d/%d", m.month().getMonthValue(), m.month().getYear()))
			.toList());
		chart.put("due", trend.stream().map(Programmes.Month::due).toList());
		chart.put("doneOnTime", trend.stream().map(Programmes.Month::doneOnTime).toList());
		chart.put("doneLate", trend.stream().map(Programmes.Month::doneLate).toList());
		chart.put("labels", List.of(msg("programme.trend.due"), msg("programme.trend.on-time"), msg("programme.trend.late")));
		model.addAttribute("trend", json.writeValueAsString(chart));
		model.addAttribute("indicators", indicators.list(p, caller));
		model.addAttribute("share", leadership.shares(caller).get(0));
		model.addAttribute("initiatives", indicators.initiatives(p, caller));
		model.addAttribute("mayPlan", programmes.mayPlan(null, caller));
		return "programme/dashboard";
	}

	/** The programmes at a glance for the leaders' dashboard (loaded into it by htmx). */
	@GetMapping("/staff/programme/panel")
	String panel(Authentication auth, Model model) {
		Caller caller = callers.of(auth);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Programmes.Programme p : programmes.programmes()) {
			rows.add(Map.of("programme", p, "summary", programmes.summary(p.code(), null, caller)));
		}
		model.addAttribute("rows", rows);
		model.addAttribute("share", leadership.shares(caller).get(0));
		return "programme/panel :: panel";
	}

	@GetMapping("/staff/programme/tasks/{id}")
	String task(@PathVariable long id, Authentication auth, Model model) {
		Caller caller = callers.of(auth);
		ProgrammeTask t = programmes.get(id, caller);
		model.addAttribute("t", row(t));
		model.addAttribute("partners", t.partnerUnitCodes().stream().map(this::unitName).toList());
		model.addAttribute("reports", programmes.reports(id, caller));
		model.addAttribute("evidence", programmes.evidence(id, caller));
		model.addAttribute("mayReport", t.doneAt() == null && programmes.mayReport(t, caller));
		return "programme/task";
	}

	/** A report from the task's page: an optional evidence file first, then the report citing every file held. */
	@PostMapping("/staff/programme/tasks/{id}/reports")
	String report(@PathVariable long id, @RequestParam(required = false) @Nullable Integer progressPercent,
			@RequestParam(required = false) @Nullable String note, @RequestParam(required = false) @Nullable String value,
			@RequestParam(defaultValue = "false") boolean done, @RequestParam(required = false) @Nullable MultipartFile file,
			Authentication auth, RedirectAttributes flash) throws IOException {
		Caller caller = callers.of(auth);
		try {
			List<UUID> evidence = new ArrayList<>();
			if (file != null && !file.isEmpty()) {
				try (InputStream in = file.getInputStream()) {
					evidence.add(programmes.addEvidence(id, String.valueOf(file.getOriginalFilename()), in, caller).id());
				}
			}
			if (done) {
				programmes.evidence(id, caller).forEach(d -> {
					if (!evidence.contains(d.id())) {
						evidence.add(d.id());
					}
				});
			}
			BigDecimal v = null;
			if (!blank(value)) {
				try {
					v = new BigDecimal(value.strip().replace(',', '.'));
				}
				catch (NumberFormatException e) {
					new InvalidFields.Collector().add("value", "programme.error.number").throwIfAny();
				}
			}
			programmes.report(id, new Programmes.NewReport(progressPercent, v, blank(note) ? null : note.strip(),
					evidence, done), caller);
			flash.addFlashAttribute("reported", true);
		}
		catch (InvalidFields e) {
			flash.addFlashAttribute("errors", e.messages(messages, LocaleContextHolder.getLocale()));
		}
		catch (DomainProblem e) {
			flash.addFlashAttribute("errors", List.of(e.detail()));
		}
		return "redirect:/staff/programme/tasks/" + id;
	}

	@PostMapping("/staff/programme/import")
	String importTasks(@RequestParam String programme, @RequestParam("file") MultipartFile file, Authentication auth,
			RedirectAttributes flash) throws IOException {
		try (InputStream in = file.getInputStream()) {
			flash.addFlashAttribute("imported",
					imports.run(programme, String.valueOf(file.getOriginalFilename()), in, callers.of(auth)).imported());
		}
		catch (InvalidFields e) {
			flash.addFlashAttribute("importErrors", lines(e));
		}
		catch (DomainProblem e) {
			flash.addFlashAttribute("importErrors", List.of(e.detail()));
		}
		return "redirect:/staff/programme?programme=" + java.net.URLEncoder.encode(programme,
				java.nio.charset.StandardCharsets.UTF_8);
	}

	/** The periodic report for the page's filter, as XLSX or PDF. */
	@GetMapping("/staff/programme/report")
	void report(@RequestParam(required = false) @Nullable String programme,
			@RequestParam(required = false) @Nullable String unit, @RequestParam(defaultValue = "xlsx") String format,
			Authentication auth, jakarta.servlet.http.HttpServletResponse response) throws IOException {
		reports.send(blank(programme) ? null : programme.strip(), blank(unit) ? null : unit.strip(), format,
				callers.of(auth), response);
	}

	@GetMapping("/staff/programme/leadership")
	String leadership(Authentication auth, Model model) {
		Caller caller = callers.of(auth);
		model.addAttribute("shares", leadership.shares(caller));
		model.addAttribute("roster", leadership.roster(caller));
		model.addAttribute("courses", leadership.courses(caller));
		model.addAttribute("mayImport", caller.provinceWide());
		model.addAttribute("unitNames", unitNames());
		return "programme/leadership";
	}

	@PostMapping("/staff/programme/leadership/import")
	String importRoster(@RequestParam("file") MultipartFile file, Authentication auth, RedirectAttributes flash)
			throws IOException {
		try (InputStream in = file.getInputStream()) {
			flash.addFlashAttribute("imported",
					leadership.importRoster(String.valueOf(file.getOriginalFilename()), in, callers.of(auth)));
		}
		catch (InvalidFields e) {
			flash.addFlashAttribute("importErrors", lines(e));
		}
		catch (DomainProblem e) {
			flash.addFlashAttribute("importErrors", List.of(e.detail()));
		}
		return "redirect:/staff/programme/leadership";
	}

	/** Each refused field as "line 4: deadline — why", the first 50. */
	private List<String> lines(InvalidFields e) {
		return e.errors().stream()
			.limit(50)
			.map(err -> err.field() + " — " + InvalidFields.message(err, messages, LocaleContextHolder.getLocale()))
			.toList();
	}

	private Row row(ProgrammeTask t) {
		return new Row(t, unitName(t.unitCode()),
				staff.find(t.ownerUsername()).map(a -> a.fullName()).orElse(t.ownerUsername()));
	}

	private Map<String, String> unitNames() {
		Map<String, String> names = new LinkedHashMap<>();
		agencies.all().forEach(a -> names.put(a.code(), a.name()));
		return names;
	}

	private String unitName(String code) {
		return agencies.find(code).map(Agency::name).orElse(code);
	}

	private String msg(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

	private static boolean blank(@Nullable String s) {
		return s == null || s.isBlank();
	}
}
