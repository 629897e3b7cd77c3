package vn.motcua.dossier.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.motcua.dossier.DossierResults;
import vn.motcua.identity.Callers;
import vn.motcua.platform.DomainProblem;

/**
 * Results on the pages: the deciding unit drafts them on the dossier page; anyone checks one on the page behind
 * the stamp's QR code, or by uploading the file they were given.
 */
@Controller
class ResultPages {

	private final DossierResults results;
	private final Callers callers;

	ResultPages(DossierResults results, Callers callers) {
		this.results = results;
		this.callers = callers;
	}

	@PostMapping("/dossiers/{code}/results")
	String draft(@PathVariable String code, @RequestParam("file") MultipartFile file,
			@RequestParam(required = false) @Nullable String title, Authentication auth, RedirectAttributes flash)
			throws IOException {
		try (InputStream in = file.getInputStream()) {
			results.draft(code, title, String.valueOf(file.getOriginalFilename()), in, callers.of(auth));
			flash.addFlashAttribute("resultDrafted", title);
		}
		catch (DomainProblem e) {
			if (e.status().value() == 404) {
				throw e;
			}
			flash.addFlashAttribute("errors", java.util.List.of(e.detail()));
		}
		return "redirect:/dossiers/" + code + "#results";
	}

	@PostMapping("/dossiers/{code}/results/generate")
	String generate(@PathVariable String code, Authentication auth, RedirectAttributes flash) {
		try {
			flash.addFlashAttribute("resultDrafted", results.generate(code, callers.of(auth)).title());
		}
		catch (DomainProblem e) {
			if (e.status().value() == 404) {
				throw e;
			}
			flash.addFlashAttribute("errors", java.util.List.of(e.detail()));
		}
		return "redirect:/dossiers/" + code + "#results";
	}

	/** The page behind the QR code: who signed what, and whether it is intact; nothing about the applicant. */
	@GetMapping("/results/{id}")
	String verification(@PathVariable UUID id, Model model) {
		model.addAttribute("verified", results.verification(id)
			.orElseThrow(() -> new vn.motcua.platform.NotFound("Không có kết quả này.")));
		return "dossier/result-verification";
	}

	@GetMapping("/results/verify")
	String verifyForm() {
		return "dossier/result-verify";
	}

	@PostMapping("/results/verify")
	String verifyFile(@RequestParam("file") MultipartFile file, Model model) throws IOException {
		try (InputStream in = file.getInputStream()) {
			model.addAttribute("check", results.verifyFile(in));
		}
		catch (DomainProblem e) {
			model.addAttribute("error", e.detail());
		}
		return "dossier/result-verify";
	}
}
