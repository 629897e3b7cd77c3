package vn.motcua.dossier.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.motcua.identity.Caller;
import vn.motcua.identity.Callers;
import vn.motcua.platform.Forbidden;

/** The workspace's queues with their counts, loaded into the side navigation after the page (htmx). */
@Controller
class QueuePages {

	private final WorkQueues queues;
	private final Callers callers;

	QueuePages(WorkQueues queues, Callers callers) {
		this.queues = queues;
		this.callers = callers;
	}

	@GetMapping("/staff/queues")
	String queues(Authentication auth, Model model) {
		Caller caller = callers.of(auth);
		if (caller.citizen()) {
			throw new Forbidden("Chỉ cán bộ có hàng đợi công việc.");
		}
		model.addAttribute("queues", queues.of(caller));
		return "dossier/queues :: counts";
	}
}
