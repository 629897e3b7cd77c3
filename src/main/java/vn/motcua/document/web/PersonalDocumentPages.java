package vn.motcua.document.web;

import java.io.IOException;
import java.io.InputStream;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.motcua.document.PersonalDocuments;
import vn.motcua.identity.Callers;
import vn.motcua.platform.DomainProblem;

/** Kho dữ liệu điện tử on the pages: the citizen's files, newest first, and an upload. */
@Controller
class PersonalDocumentPages {

	private final PersonalDocuments documents;
	private final Callers callers;

	PersonalDocumentPages(PersonalDocuments documents, Callers callers) {
		this.documents = documents;
		this.callers = callers;
	}

	@GetMapping("/my/documents")
	String store(Authentication auth, Model model) {
		model.addAttribute("documents", documents.list(callers.of(auth), 0, 100).items());
		return "document/store";
	}

	@PostMapping("/my/documents")
	String upload(@RequestParam("file") MultipartFile file, @RequestParam(required = false) @Nullable String title,
			Authentication auth, RedirectAttributes flash) throws IOException {
		try (InputStream in = file.getInputStream()) {
			PersonalDocuments.PersonalDocument d = documents.upload(title, String.valueOf(file.getOriginalFilename()), in,
					callers.of(auth));
			flash.addFlashAttribute("uploaded", d.title() == null ? d.file().fileName() : d.title());
		}
		catch (DomainProblem e) {
			flash.addFlashAttribute("error", e.detail());
		}
		return "redirect:/my/documents";
	}
}
