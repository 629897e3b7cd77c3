package vn.motcua.sync.web;

import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.motcua.identity.Caller;
import vn.motcua.identity.Callers;
import vn.motcua.platform.FormOutcome;
import vn.motcua.sync.CatalogPull;
import vn.motcua.sync.CodeMappings;
import vn.motcua.sync.Synchronisation;

/**
 * The administrators' page of the national portal sync: health, dead letters to inspect and resend, the status map,
 * the national catalog pulls and the local ↔ national code mappings.
 */
@Controller
class SyncPages {

	private final Synchronisation sync;
	private final CodeMappings mappings;
	private final CatalogPull pull;
	private final Callers callers;

	SyncPages(Synchronisation sync, CodeMappings mappings, CatalogPull pull, Callers callers) {
		this.sync = sync;
		this.mappings = mappings;
		this.pull = pull;
		this.callers = callers;
	}

	@GetMapping("/admin/sync")
	String page(Authentication auth, Model model) {
		Caller caller = callers.of(auth);
		model.addAttribute("health", sync.health(caller));
		model.addAttribute("deadLetters", sync.deadLetters(caller));
		model.addAttribute("statusMap", sync.statusMap(caller));
		model.addAttribute("pulls", pull.runs(caller));
		model.addAttribute("mappings", mappings.list(null, caller));
		model.addAttribute("kinds", CodeMappings.Kind.values());
		return "sync/admin";
	}

	@PostMapping("/admin/sync/catalog-pulls")
	String pull(@RequestParam(defaultValue = "CHANGED") String scope, Authentication auth, RedirectAttributes flash) {
		FormOutcome.attempt(flash, "pulling", () -> pull.start(SyncController.scope(scope), callers.of(auth)));
		return "redirect:/admin/sync#catalog-pulls";
	}

	@PostMapping("/admin/sync/mappings")
	String map(@RequestParam String kind, @RequestParam String localCode, @RequestParam String nationalCode,
			@RequestParam(required = false) String nationalName, Authentication auth, RedirectAttributes flash) {
		FormOutcome.attempt(flash, "mapped", () -> mappings.put(SyncController.kind(kind), localCode, nationalCode,
				nationalName == null || nationalName.isBlank() ? null : nationalName.strip(), callers.of(auth)));
		return "redirect:/admin/sync#mappings";
	}

	@PostMapping("/admin/sync/mappings/{kind}/{localCode}/delete")
	String unmap(@PathVariable String kind, @PathVariable String localCode, Authentication auth,
			RedirectAttributes flash) {
		FormOutcome.attempt(flash, "unmapped", () -> mappings.remove(SyncController.kind(kind), localCode, callers.of(auth)));
		return "redirect:/admin/sync#mappings";
	}

	@PostMapping("/admin/sync/deliveries/{id}/resend")
	String resend(@PathVariable UUID id, Authentication auth, RedirectAttributes flash) {
		FormOutcome.attempt(flash, "resent", () -> sync.resend(id, callers.of(auth)));
		return "redirect:/admin/sync";
	}
}
