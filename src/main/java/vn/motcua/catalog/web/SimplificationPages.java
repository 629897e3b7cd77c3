package vn.motcua.catalog.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.motcua.catalog.SimplificationPlans;
import vn.motcua.platform.Zones;

/** The programme's page: plans, approved and achieved cuts, and how many procedures reach 30%. */
@Controller
class SimplificationPages {


	private final SimplificationPlans plans;

	SimplificationPages(SimplificationPlans plans) {
		this.plans = plans;
	}

	@GetMapping("/staff/simplification")
	String programme(Model model) {
		model.addAttribute("programme", plans.programme());
		model.addAttribute("target", SimplificationPlans.PROGRAMME_TARGET_PERCENT);
		return "catalog/simplification";
	}

	/** An administrator records an approved plan; mistakes come back in Vietnamese with the form as typed. */
	@PostMapping("/staff/simplification")
	@PreAuthorize("hasRole('ADMIN')")
	String create(@RequestParam Map<String, String> form, Authentication actor, Model model,
			RedirectAttributes redirect) {
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate decisionDate = null;
		try {
			decisionDate = LocalDate.parse(form.getOrDefault("decisionDate", "").strip(), Zones.DAY);
		}
		catch (DateTimeParseException e) {
			errors.put("decisionDate", "Ngày quyết định dạng dd/MM/yyyy");
		}
		String code = form.getOrDefault("procedureCode", "").strip();
		String decision = form.getOrDefault("decisionNumber", "").strip();
		String measure = form.getOrDefault("measure", "").strip();
		if (code.isEmpty()) {
			errors.put("procedureCode", "Nhập mã thủ tục");
		}
		if (decision.isEmpty()) {
			errors.put("decisionNumber", "Nhập số quyết định phê duyệt phương án");
		}
		if (measure.isEmpty()) {
			errors.put("measure", "Nhập nội dung đơn giản hóa");
		}
		Integer baseline = FormNumbers.whole(form.get("baselineDays"), "baselineDays", 1, 999_999_999, "Thời hạn ban đầu là số ngày nguyên dương", errors);
		Integer target = FormNumbers.whole(form.get("targetDays"), "targetDays", 1, 999_999_999, "Thời hạn mục tiêu là số ngày nguyên dương", errors);
		Integer baseCost = FormNumbers.whole(form.get("baselineCostVnd"), "baselineCostVnd", 0, 999_999_999, "Chi phí ban đầu là số đồng không âm", errors);
		Integer targetCost = FormNumbers.whole(form.get("targetCostVnd"), "targetCostVnd", 0, 999_999_999, "Chi phí mục tiêu là số đồng không âm", errors);
		if (errors.isEmpty()) {
			try {
				plans.create(new SimplificationPlans.NewPlan(code, decision, decisionDate, decisionDate, measure,
						form.containsKey("business"), baseline, target, baseCost, targetCost), actor.getName());
				redirect.addFlashAttribute("created", code);
				return "redirect:/staff/simplification";
			}
			catch (vn.motcua.platform.DomainProblem e) {
				errors.put("plan", e.detail());
			}
		}
		model.addAttribute("errors", errors);
		model.addAttribute("form", form);
		return programme(model);
	}

	/** Puts a plan into effect or cancels it, from the programme page. */
	@PostMapping("/staff/simplification/{id}/status")
	@PreAuthorize("hasRole('ADMIN')")
	String status(@org.springframework.web.bind.annotation.PathVariable long id, @RequestParam String status,
			@RequestParam(required = false) String reason, Authentication actor, RedirectAttributes redirect) {
		try {
			plans.changeStatus(id, status, reason, actor.getName());
			redirect.addFlashAttribute("statusChanged", id);
		}
		catch (vn.motcua.platform.DomainProblem e) {
			redirect.addFlashAttribute("statusError", e.detail());
		}
		return "redirect:/staff/simplification";
	}
}
