package vn.motcua.sync.web;

import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.motcua.identity.Caller;
import vn.motcua.identity.Callers;
import vn.motcua.platform.DomainProblem;
import vn.motcua.sync.Synchronisation;

/** The administrators' page of the national portal sync: health, dead letters to inspect and resend, the status map. */
@Controller
class SyncPages {

	private final Synchronisation sync;
	private final Callers callers;

	SyncPages(Synchronisation sync, Callers callers) {
		this.sync = sync;
		this.callers = callers;
	}

	@GetMapping("/admin/sync")
	String page(Authentication auth, Model model) {
		Caller caller = callers.of(auth);
		model.addAttribute("health", sync.health(caller));
		model.addAttribute("deadLetters", sync.deadLetters(caller));
		model.addAttribute("statusMap", sync.statusMap(caller));
		return "sync/admin";
	}

	@PostMapping("/admin/sync/deliveries/{id}/resend")
	String resend(@PathVariable UUID id, Authentication auth, RedirectAttributes flash) {
		try {
			sync.resend(id, callers.of(auth));
			flash.addFlashAttribute("resent", true);
		}
		catch (DomainProblem e) {
			flash.addFlashAttribute("problem", e.getMessage());
		}
		return "redirect:/admin/sync";
	}
}
