package vn.motcua.sandbox.web;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.motcua.identifiers.PersonalIdNumber;
import vn.motcua.identifiers.TaxCode;
import vn.motcua.platform.DemoMode;
import vn.motcua.sandbox.DemoCitizens;
import vn.motcua.sandbox.SandboxCitizen;
import vn.motcua.sandbox.SandboxIdentityProvider;
import vn.motcua.sandbox.SyntheticPopulation;
import vn.motcua.sandbox.SyntheticPopulation.Person;

/**
 * The sandbox e-ID provider's sign-in page: the tester picks a demo citizen or types any ID number of the
 * synthetic population and the assurance level to present. No password: it is a test double of VNeID.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@DemoMode
@RequestMapping(SandboxIdentityProvider.PREFIX)
class SandboxIdpLoginPages {

	private final SandboxIdentityProvider.IdpSession session;
	private final Clock clock;

	SandboxIdpLoginPages(SandboxIdentityProvider.IdpSession session, Clock clock) {
		this.session = session;
		this.clock = clock;
	}

	@GetMapping("/login")
	String page(Model model) {
		model.addAttribute("citizens", DemoCitizens.all());
		return "sandbox/idp-login";
	}

	@PostMapping("/login")
	String signIn(@RequestParam(defaultValue = "") String idNumber, @RequestParam(defaultValue = "2") int level,
			@RequestParam(required = false) @Nullable String taxCode,
			@RequestParam(required = false) @Nullable String businessName, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		String number = idNumber.strip();
		Optional<Person> person = PersonalIdNumber.isValid(number) ? SyntheticPopulation.byIdNumber(number)
				: Optional.empty();
		String error = person.isEmpty() ? "sandbox.idp.unknown"
				: !person.get().alive() ? "sandbox.idp.deceased"
						: level != 1 && level != 2 ? "sandbox.idp.bad-level"
								: taxCode != null && !taxCode.isBlank() && !TaxCode.isValid(taxCode.strip())
										? "sandbox.idp.tax-code" : null;
		if (error != null) {
			model.addAttribute("error", error);
			model.addAttribute("idNumber", number);
			return page(model);
		}
		boolean business = taxCode != null && !taxCode.isBlank();
		SandboxCitizen citizen = new SandboxCitizen(number, level, business ? taxCode.strip() : null,
				business ? (businessName == null || businessName.isBlank() ? "Doanh nghiệp " + taxCode.strip()
						: businessName.strip()) : null);
		request.getSession(true);
		request.changeSessionId();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(citizen, null,
				List.of(new SimpleGrantedAuthority("ROLE_VNEID_CITIZEN"),
						// the time of authentication, which the ID token carries as auth_time
						FactorGrantedAuthority.withFactor("VNEID").issuedAt(clock.instant()).build())));
		session.contexts().saveContext(context, request, response);
		SavedRequest waiting = session.requests().getRequest(request, response);
		if (waiting == null) {
			return "redirect:" + SandboxIdentityProvider.PREFIX + "/login?signedIn";
		}
		session.requests().removeRequest(request, response);
		return "redirect:" + waiting.getRedirectUrl();
	}
}
