package vn.motcua.organization.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import vn.motcua.organization.Agencies;
import vn.motcua.organization.Agency;
import vn.motcua.organization.AgencyAdministration;
import vn.motcua.organization.AgencyLevel;
import vn.motcua.platform.InvalidFields;
import vn.motcua.platform.Texts;
import vn.motcua.platform.Zones;

/** Administrators add and change units of the agency tree on a page. */
@Controller
class AgencyAdministrationPages {

	private final Agencies agencies;
	private final AgencyAdministration administration;
	private final MessageSource messages;
	private final Clock clock;

	AgencyAdministrationPages(Agencies agencies, AgencyAdministration administration, MessageSource messages,
			Clock clock) {
		this.agencies = agencies;
		this.administration = administration;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/admin/agencies/new")
	String create(Model model) {
		return form(model, new Form("", "", null, "DIVISION", null, "", ""), false, List.of());
	}

	@GetMapping("/admin/agencies/{code}")
	String edit(@PathVariable String code, Model model) {
		Agency a = agencies.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return form(model, new Form(a.code(), a.name(), a.parentCode(), a.level().name(), a.identifier(),
				a.validFrom() == null ? "" : Zones.DAY.format(a.validFrom()),
				a.validTo() == null ? "" : Zones.DAY.format(a.validTo())), true, List.of());
	}

	@PostMapping("/admin/agencies")
	String save(@RequestParam String code, @RequestParam String name,
			@RequestParam(required = false) @Nullable String parentCode, @RequestParam String level,
			@RequestParam(required = false) @Nullable String identifier,
			@RequestParam(defaultValue = "") String validFrom, @RequestParam(defaultValue = "") String validTo,
			@RequestParam(defaultValue = "false") boolean editing, Authentication actor, Model model, Locale locale) {
		Form form = new Form(code.strip().toUpperCase(Locale.ROOT), name, Texts.strippedOrNull(parentCode), level, Texts.strippedOrNull(identifier),
				validFrom.strip(), validTo.strip());
		List<String> errors = new ArrayList<>();
		LocalDate from = day(form.validFrom(), errors, locale);
		LocalDate to = day(form.validTo(), errors, locale);
		AgencyLevel agencyLevel;
		try {
			agencyLevel = AgencyLevel.valueOf(level);
		}
		catch (IllegalArgumentException e) {
			agencyLevel = AgencyLevel.DIVISION;
			errors.add(messages.getMessage("agency.level.invalid", null, locale));
		}
		if (errors.isEmpty()) {
			try {
				administration.save(new Agency(form.code(), form.name(), form.parentCode(), agencyLevel,
						form.identifier(), from, to, false), actor.getName());
				return "redirect:/staff/agencies?saved=" + form.code();
			}
			catch (InvalidFields e) {
				errors.addAll(e.messages(messages, locale));
			}
		}
		return form(model, form, editing, errors);
	}

	private @Nullable LocalDate day(String text, List<String> errors, Locale locale) {
		if (text.isEmpty()) {
			return null;
		}
		try {
			return LocalDate.parse(text, Zones.DAY);
		}
		catch (DateTimeParseException e) {
			errors.add(messages.getMessage("agency.date.invalid", new Object[] { text }, locale));
			return null;
		}
	}

	private String form(Model model, Form form, boolean editing, List<String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("editing", editing);
		model.addAttribute("errors", errors);
		model.addAttribute("levels", AgencyLevel.values());
		model.addAttribute("parents", agencies.validOn(Zones.today(clock)));
		return "organization/agency-form";
	}

	record Form(String code, String name, @Nullable String parentCode, String level, @Nullable String identifier,
			String validFrom, String validTo) {
	}
}
