package vn.motcua.catalog.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import vn.motcua.catalog.ProcedureQuery;
import vn.motcua.catalog.ProcedureSettings;
import vn.motcua.catalog.Procedures;
import vn.motcua.identity.AssuranceLevel;

/** The citizens' catalog: search as you type, and a procedure page readable on a phone. */
@Controller
class ProcedurePages {

	static final int PAGE_SIZE = 20;

	private final Procedures procedures;
	private final ProcedureSettings settings;
	private final vn.motcua.organization.Agencies agencies;
	private final java.time.Clock clock;

	ProcedurePages(Procedures procedures, ProcedureSettings settings, vn.motcua.organization.Agencies agencies,
			java.time.Clock clock) {
		this.procedures = procedures;
		this.settings = settings;
		this.agencies = agencies;
		this.clock = clock;
	}

	@GetMapping("/procedures")
	String search(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String field,
			@RequestParam(required = false) @Nullable String level,
			@RequestParam(required = false) @Nullable String agency,
			@RequestParam(required = false) @Nullable String online, @RequestParam(defaultValue = "0") int page,
			@RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
			@Nullable Authentication caller, Model model) {
		boolean staff = CatalogAccess.isStaff(caller);
		String text = q == null || q.isBlank() ? null : q.strip();
		String f = field == null || field.isBlank() ? null : field;
		String l = "PROVINCE".equals(level) || "COMMUNE".equals(level) ? level : null;
		List<vn.motcua.organization.Agency> units = agencies.validOn(java.time.LocalDate.now(clock));
		String a = units.stream().map(vn.motcua.organization.Agency::code).filter(c -> c.equals(agency)).findFirst()
			.orElse(null);
		String o = "FULL".equals(online) || "PARTIAL".equals(online) || "NONE".equals(online) ? online : null;
		int p = Math.max(0, page);
		Procedures.Result result = procedures.search(new ProcedureQuery(text == null ? null
				: text.substring(0, Math.min(200, text.length())), f, a, l, o, staff, p, PAGE_SIZE));
		model.addAttribute("agency", a);
		model.addAttribute("online", o);
		model.addAttribute("agencies", units);
		model.addAttribute("q", text);
		model.addAttribute("field", f);
		model.addAttribute("level", l);
		model.addAttribute("page", p);
		model.addAttribute("result", result);
		model.addAttribute("hasNext", (long) (p + 1) * PAGE_SIZE < result.total());
		model.addAttribute("fields", procedures.fields(staff));
		model.addAttribute("businessOffer", procedures.businessOffer());
		return htmx != null ? "catalog/search :: results" : "catalog/search";
	}

	@GetMapping("/procedures/{code}")
	String procedure(@PathVariable String code, @Nullable Authentication caller, Model model) {
		model.addAttribute("procedure", procedures.find(code, CatalogAccess.isStaff(caller))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		int required = settings.minAssuranceLevel(code);
		model.addAttribute("requiredLevel", required);
		// a level-1 citizen learns before filling anything in that this procedure needs level 2
		int level = caller == null ? 0 : AssuranceLevel.of(caller);
		model.addAttribute("levelTooLow", level > 0 && level < required);
		return "catalog/procedure";
	}
}
