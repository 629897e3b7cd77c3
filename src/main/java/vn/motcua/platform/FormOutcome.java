package vn.motcua.platform;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What a page's form did, said on the page it redirects to: a done flag, or the problem that stopped it. */
public final class FormOutcome {

	private FormOutcome() {
	}

	/** Runs the form's action; sets the flash attribute {@code done}, or {@code problem} with the refusal's text. */
	public static void attempt(RedirectAttributes flash, String done, Runnable action) {
		try {
			action.run();
			flash.addFlashAttribute(done, true);
		}
		catch (DomainProblem e) {
			flash.addFlashAttribute("problem", e.detail());
		}
	}
}
