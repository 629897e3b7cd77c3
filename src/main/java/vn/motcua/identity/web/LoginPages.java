package vn.motcua.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.motcua.identity.CitizenClientRegistrations;

/**
 * The sign-in page: citizens and businesses through e-ID (OpenID Connect), staff with user name, password
 * and one-time code (the form posts to Spring Security's {@code /login}).
 */
@Controller
class LoginPages {

	private final CitizenClientRegistrations citizens;

	LoginPages(CitizenClientRegistrations citizens) {
		this.citizens = citizens;
	}

	private static final java.time.format.DateTimeFormatter SHOWN = java.time.format.DateTimeFormatter
		.ofPattern("HH:mm dd/MM/yyyy")
		.withZone(vn.motcua.platform.Zones.VIETNAM);

	/** Citizens and businesses: sign-in with the national e-ID (VNeID) only; staff have their own page. */
	@GetMapping("/sign-in")
	String citizen(Model model) {
		if (!citizens.configured()) {
			return "redirect:/login";
		}
		return "identity/citizen-login";
	}

	@GetMapping("/login")
	String login(Model model, @org.springframework.web.bind.annotation.RequestParam(required = false) String locked) {
		model.addAttribute("citizenSignIn", citizens.configured());
		// the end of a lock, as the failure handler put it in the address (epoch seconds)
		if (locked != null && locked.matches("\\d{1,12}")) {
			model.addAttribute("lockedUntil", SHOWN.format(java.time.Instant.ofEpochSecond(Long.parseLong(locked))));
		}
		return "identity/login";
	}
}
