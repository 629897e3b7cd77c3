package vn.motcua.dossier.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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
import vn.motcua.dossier.InternalProcess;
import vn.motcua.dossier.InternalProcesses;
import vn.motcua.identity.Role;
import vn.motcua.organization.Agencies;
import vn.motcua.organization.Agency;
import vn.motcua.platform.InvalidFields;
import vn.motcua.platform.NotFound;
import vn.motcua.platform.Zones;

/**
 * Pages where an administrator configures the internal process of a procedure case: the configured
 * processes, the cases of one procedure, and the step editor (the rows left blank are ignored).
 */
@Controller
class ProcessPages {

	/** Blank rows offered under the existing steps. */
	static final int SPARE_ROWS = 3;

	private final InternalProcesses processes;
	private final Procedures procedures;
	private final Agencies agencies;
	private final MessageSource messages;
	private final Clock clock;

	ProcessPages(InternalProcesses processes, Procedures procedures, Agencies agencies, MessageSource messages,
			Clock clock) {
		this.processes = processes;
		this.procedures = procedures;
		this.agencies = agencies;
		this.messages = messages;
		this.clock = clock;
	}

	/** One row of the editor, as typed. */
	record Row(String name, String unitCode, String role, String timeShare, String consultUnitCode) {

		static Row of(InternalProcess.Step s) {
			return new Row(s.name(), s.unitCode() == null ? "" : s.unitCode(), s.role().name(),
					String.valueOf(s.timeShare()), s.consultUnitCode() == null ? "" : s.consultUnitCode());
		}

		static Row blank() {
			return new Row("", "", Role.SPECIALIST.name(), "", "");
		}

		boolean isBlank() {
			return name.isBlank() && timeShare.isBlank();
		}
	}

	@GetMapping("/admin/processes")
	String list(@RequestParam(required = false) @Nullable String procedure, Model model) {
		if (procedure != null && !procedure.isBlank()) {
			return "redirect:/admin/processes/" + procedure.strip();
		}
		model.addAttribute("processes", processes.all());
		return "dossier/processes";
	}

	@GetMapping("/admin/processes/{code}")
	String procedure(@PathVariable String code, Model model) {
		ProcedureDetail p = procedure(code);
		model.addAttribute("procedure", p);
		model.addAttribute("configured", p.cases()
			.stream()
			.map(c -> processes.find(code, c.code()).orElse(null))
			.toList());
		return "dossier/process-cases";
	}

	@GetMapping("/admin/processes/{code}/{caseCode}")
	String editor(@PathVariable String code, @PathVariable String caseCode, Model model) {
		List<Row> rows = new ArrayList<>(processes.find(code, caseCode)
			.map(p -> p.steps().stream().map(Row::of).toList())
			.orElse(List.of()));
		return editor(code, caseCode, rows, List.of(), model);
	}

	@PostMapping("/admin/processes/{code}/{caseCode}")
	String save(@PathVariable String code, @PathVariable String caseCode, @RequestParam Map<String, String> params,
			Authentication actor, Model model, RedirectAttributes flash, Locale locale) {
		List<Row> rows = new ArrayList<>();
		for (int i = 0; params.containsKey("name" + i); i++) {
			Row r = new Row(params.get("name" + i).strip(), params.getOrDefault("unit" + i, "").strip(),
					params.getOrDefault("role" + i, "").strip(), params.getOrDefault("share" + i, "").strip(),
					params.getOrDefault("consult" + i, "").strip());
			if (!r.isBlank()) {
				rows.add(r);
			}
		}
		List<String> errors = new ArrayList<>();
		List<InternalProcess.Step> steps = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Row r = rows.get(i);
			Role role = role(r.role());
			// what is not a role or a number goes on as invalid and comes back with the row's message
			int share = r.timeShare().matches("\\d{1,3}") ? Integer.parseInt(r.timeShare()) : 0;
			steps.add(new InternalProcess.Step(r.name(), r.unitCode().isEmpty() ? null : r.unitCode(),
					role == null ? Role.ADMIN : role, share, r.consultUnitCode().isEmpty() ? null : r.consultUnitCode()));
		}
		try {
			processes.save(code, caseCode, steps, actor.getName());
			flash.addFlashAttribute("saved", true);
			return "redirect:/admin/processes/" + code;
		}
		catch (InvalidFields e) {
			for (InvalidFields.Error err : e.errors()) {
				String at = err.field().startsWith("steps[")
						? label(Integer.parseInt(err.field().replaceAll("\\D+", " ").strip().split(" ")[0]), locale)
						: "";
				errors.add(at + InvalidFields.message(err, messages, locale));
			}
		}
		rows.add(Row.blank());
		return editor(code, caseCode, rows, errors, model);
	}

	@PostMapping("/admin/processes/{code}/{caseCode}/remove")
	String remove(@PathVariable String code, @PathVariable String caseCode, Authentication actor,
			RedirectAttributes flash) {
		processes.remove(code, caseCode, actor.getName());
		flash.addFlashAttribute("removed", true);
		return "redirect:/admin/processes/" + code;
	}

	private String editor(String code, String caseCode, List<Row> rows, List<String> errors, Model model) {
		ProcedureDetail p = procedure(code);
		ProcedureDetail.Case c = p.cases()
			.stream()
			.filter(x -> x.code().equals(caseCode))
			.findFirst()
			.orElseThrow(() -> new NotFound("Thủ tục " + code + " không có trường hợp " + caseCode + "."));
		List<Row> shown = new ArrayList<>(rows);
		for (int i = 0; i < SPARE_ROWS && shown.size() < 20; i++) {
			shown.add(Row.blank());
		}
		LocalDate today = LocalDate.now(clock.withZone(Zones.VIETNAM));
		List<Agency> active = agencies.validOn(today);
		model.addAttribute("procedure", p);
		model.addAttribute("case", c);
		model.addAttribute("rows", shown);
		model.addAttribute("errors", errors);
		model.addAttribute("units", active.stream().filter(a -> agencies.isWithin(a.code(), p.summary().agencyCode())).toList());
		model.addAttribute("consultUnits", active);
		model.addAttribute("roles", InternalProcess.STEP_ROLES);
		return "dossier/process-editor";
	}

	private ProcedureDetail procedure(String code) {
		return procedures.find(code, true).orElseThrow(() -> new NotFound("Không có thủ tục " + code + "."));
	}

	private String label(int index, Locale locale) {
		return messages.getMessage("process.editor.row", new Object[] { index + 1 }, locale) + ": ";
	}

	static @Nullable Role role(@Nullable String name) {
		return name == null ? null : Arrays.stream(Role.values())
			.filter(r -> r.name().equalsIgnoreCase(name.strip()) && InternalProcess.STEP_ROLES.contains(r))
			.findFirst()
			.orElse(null);
	}
}
