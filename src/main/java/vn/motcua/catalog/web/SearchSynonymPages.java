package vn.motcua.catalog.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.motcua.catalog.SearchSynonyms;
import vn.motcua.identity.Callers;
import vn.motcua.platform.FormOutcome;

/** The administrators' page of the search's synonyms: citizens' words and what the catalog calls them. */
@Controller
class SearchSynonymPages {

	private final SearchSynonyms synonyms;
	private final Callers callers;

	SearchSynonymPages(SearchSynonyms synonyms, Callers callers) {
		this.synonyms = synonyms;
		this.callers = callers;
	}

	@GetMapping("/admin/catalog/synonyms")
	String page(Authentication auth, Model model) {
		model.addAttribute("synonyms", synonyms.list(callers.of(auth)));
		return "catalog/synonyms";
	}

	@PostMapping("/admin/catalog/synonyms")
	String put(@RequestParam String phrase, @RequestParam String replacements, Authentication auth,
			RedirectAttributes flash) {
		FormOutcome.attempt(flash, "saved", () -> synonyms.put(phrase, replacements, callers.of(auth)));
		if (flash.getFlashAttributes().containsKey("problem")) { // the form again, as it was typed
			flash.addFlashAttribute("phrase", phrase);
			flash.addFlashAttribute("replacements", replacements);
		}
		return "redirect:/admin/catalog/synonyms";
	}

	@PostMapping("/admin/catalog/synonyms/delete")
	String remove(@RequestParam String phrase, Authentication auth, RedirectAttributes flash) {
		FormOutcome.attempt(flash, "saved", () -> synonyms.remove(phrase, callers.of(auth)));
		return "redirect:/admin/catalog/synonyms";
	}
}
