package vn.motcua.portal.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The public home page and the staff workspace entry. */
@Controller
class PortalPages {

	@GetMapping("/")
	String home() {
		return "portal/home";
	}

	@GetMapping("/staff")
	String staffHome() {
		return "portal/staff";
	}
}
