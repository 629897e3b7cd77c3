package vn.motcua.catalog.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.motcua.catalog.SimplificationPlans;

/** The programme's page: plans, approved and achieved cuts, and how many procedures reach 30%. */
@Controller
class SimplificationPage {

	private final SimplificationPlans plans;

	SimplificationPage(SimplificationPlans plans) {
		this.plans = plans;
	}

	@GetMapping("/staff/simplification")
	String programme(Model model) {
		model.addAttribute("programme", plans.programme());
		model.addAttribute("target", SimplificationPlans.PROGRAMME_TARGET_PERCENT);
		return "catalog/simplification";
	}
}
