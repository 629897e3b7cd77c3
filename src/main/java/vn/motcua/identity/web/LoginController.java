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
class LoginController {

	private final CitizenClientRegistrations citizens;

	LoginController(CitizenClientRegistrations citizens) {
		this.citizens = citizens;
	}

	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("citizenSignIn", citizens.configured());
		return "identity/login";
	}
}
