package vn.motcua.identity.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpSession;
import vn.motcua.identity.Role;
import vn.motcua.identity.StaffAccount;
import vn.motcua.identity.StaffAccounts;
import vn.motcua.identity.StaffAdministration;
import vn.motcua.identity.StaffAdministration.AccountForm;
import vn.motcua.organization.Agencies;
import vn.motcua.platform.InvalidFields;
import vn.motcua.platform.Zones;

/**
 * Staff accounts on pages: administrators list, create and edit accounts (unit, roles, status) and reset
 * passwords or two-factor; every staff member turns on two-factor for themself on {@code /staff/security}.
 */
@Controller
class StaffAccountPages {

	private static final String PENDING_SECRET = "MOTCUA_PENDING_TOTP_SECRET";

	private final StaffAdministration administration;
	private final StaffAccounts accounts;
	private final Agencies agencies;
	private final MessageSource messages;
	private final java.time.Clock clock;
	private final vn.motcua.identity.StaffContacts contacts;

	StaffAccountPages(StaffAdministration administration, StaffAccounts accounts, Agencies agencies,
			MessageSource messages, java.time.Clock clock, vn.motcua.identity.StaffContacts contacts) {
		this.contacts = contacts;
		this.administration = administration;
		this.accounts = accounts;
		this.agencies = agencies;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/admin/accounts")
	String list(Model model) {
		model.addAttribute("accounts", administration.all());
		return form(model, new AccountForm("", "", null, Set.of(), true), false);
	}

	@PostMapping("/admin/accounts")
	String create(@RequestParam String username, @RequestParam String fullName,
			@RequestParam(required = false) @Nullable String unitCode,
			@RequestParam(required = false) @Nullable List<Role> roles, @RequestParam String password,
			Authentication actor, Model model, Locale locale) {
		AccountForm form = new AccountForm(username.strip().toLowerCase(Locale.ROOT), fullName, unitCode,
				roles == null ? Set.of() : EnumSet.copyOf(roles), true);
		try {
			administration.create(form, password, actor.getName());
			return "redirect:/admin/accounts?created=" + form.username();
		}
		catch (InvalidFields e) {
			model.addAttribute("errors", e.messages(messages, locale));
			model.addAttribute("accounts", administration.all());
			return form(model, form, false);
		}
	}

	@GetMapping("/admin/accounts/{username}")
	String edit(@PathVariable String username, Model model) {
		StaffAccount a = accounts.find(username).orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
				org.springframework.http.HttpStatus.NOT_FOUND));
		model.addAttribute("account", a);
		model.addAttribute("contact", contacts.find(username).orElseThrow());
		return form(model, new AccountForm(a.username(), a.fullName(), a.unitCode(), a.roles(), a.enabled()), true);
	}

	@PostMapping("/admin/accounts/{username}")
	String update(@PathVariable String username, @RequestParam String fullName,
			@RequestParam(required = false) @Nullable String unitCode,
			@RequestParam(required = false) @Nullable List<Role> roles,
			@RequestParam(defaultValue = "false") boolean enabled, Authentication actor, Model model, Locale locale) {
		AccountForm form = new AccountForm(username, fullName, unitCode,
				roles == null ? Set.of() : EnumSet.copyOf(roles), enabled);
		try {
			administration.update(form, actor.getName());
			return "redirect:/admin/accounts/" + username + "?saved";
		}
		catch (InvalidFields e) {
			model.addAttribute("errors", e.messages(messages, locale));
			model.addAttribute("account", accounts.find(username).orElseThrow());
			model.addAttribute("contact", contacts.find(username).orElseThrow());
			return form(model, form, true);
		}
	}

	@PostMapping("/admin/accounts/{username}/password")
	String resetPassword(@PathVariable String username, @RequestParam String password, Authentication actor,
			Model model, Locale locale) {
		try {
			administration.resetPassword(username, password, actor.getName());
			return "redirect:/admin/accounts/" + username + "?passwordReset";
		}
		catch (InvalidFields e) {
			model.addAttribute("errors", e.messages(messages, locale));
			return edit(username, model);
		}
	}

	/** E-mail and phone for the messages staff get; the member may also set them on their own page. */
	@PostMapping("/admin/accounts/{username}/contact")
	String contact(@PathVariable String username, @RequestParam(required = false) @Nullable String email,
			@RequestParam(required = false) @Nullable String phone, @RequestParam(defaultValue = "false") boolean digest,
			Authentication actor, Model model, Locale locale) {
		try {
			contacts.update(username, email, phone, digest, actor.getName());
			return "redirect:/admin/accounts/" + username + "?contactSaved";
		}
		catch (InvalidFields e) {
			model.addAttribute("errors", e.messages(messages, locale));
			return edit(username, model);
		}
	}

	@PostMapping("/admin/accounts/{username}/two-factor-reset")
	String resetTwoFactor(@PathVariable String username, Authentication actor) {
		administration.resetTwoFactor(username, actor.getName());
		return "redirect:/admin/accounts/" + username + "?twoFactorReset";
	}

	@GetMapping("/staff/security")
	String security(Authentication me, HttpSession session, Model model) {
		StaffAccount account = accounts.find(me.getName()).orElseThrow();
		model.addAttribute("account", account);
		if (!account.twoFactor()) {
			String secret = (String) session.getAttribute(PENDING_SECRET);
			if (secret == null) {
				secret = administration.newTotpSecret();
				session.setAttribute(PENDING_SECRET, secret);
			}
			model.addAttribute("secret", secret);
			String otpauth = StaffAdministration.otpauthUri(me.getName(), secret);
			model.addAttribute("otpauth", otpauth);
			// scanned by the authenticator app; the secret stays on the page for those who type it in
			model.addAttribute("otpauthQr", vn.motcua.platform.QrCodes.dataUri(otpauth));
		}
		return "identity/security";
	}

	@PostMapping("/staff/security/two-factor")
	String enrol(@RequestParam String code, Authentication me, HttpSession session, Model model, Locale locale) {
		String secret = (String) session.getAttribute(PENDING_SECRET);
		if (secret == null) {
			return "redirect:/staff/security";
		}
		try {
			administration.enrolTwoFactor(me.getName(), secret, code);
			session.removeAttribute(PENDING_SECRET);
			return "redirect:/staff/security?enrolled";
		}
		catch (InvalidFields e) {
			model.addAttribute("errors", e.messages(messages, locale));
			return security(me, session, model);
		}
	}

	private String form(Model model, AccountForm form, boolean editing) {
		model.addAttribute("form", form);
		model.addAttribute("editing", editing);
		model.addAttribute("roles", EnumSet.complementOf(EnumSet.of(Role.CITIZEN)));
		model.addAttribute("units", agencies.validOn(Zones.today(clock)));
		return editing ? "identity/account-edit" : "identity/accounts";
	}
}
