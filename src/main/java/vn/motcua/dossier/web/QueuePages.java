package vn.motcua.dossier.web;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.motcua.dossier.DossierQuery;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.Dossiers;
import vn.motcua.identity.Caller;
import vn.motcua.identity.Callers;
import vn.motcua.platform.Forbidden;

/**
 * The workspace's queues with their counts (loaded into the side navigation after the page): waiting for the
 * officer's action, due soon, overdue, waiting for the applicant's supplement; each links to the inbox filtered so.
 */
@Controller
class QueuePages {

	/** One queue: its label key, where it leads and how many dossiers it holds. */
	record Queue(String id, String labelKey, String href, long count, @Nullable String tone) {
	}

	private final Dossiers dossiers;
	private final Callers callers;

	QueuePages(Dossiers dossiers, Callers callers) {
		this.dossiers = dossiers;
		this.callers = callers;
	}

	@GetMapping("/staff/queues")
	String queues(Authentication auth, Model model) {
		Caller caller = callers.of(auth);
		if (caller.citizen()) {
			throw new Forbidden("Chỉ cán bộ có hàng đợi công việc.");
		}
		List<Queue> queues = new ArrayList<>();
		queues.add(new Queue("queue-turn", "queue.turn", "/staff/dossiers?turn=true",
				count(new DossierQuery(null, null, null, null, null, null, null, true, 0, 1), caller), "primary"));
		queues.add(new Queue("queue-due-soon", "queue.due-soon", "/staff/dossiers?deadline=DUE_SOON",
				count(new DossierQuery(null, null, null, null, null, null, "DUE_SOON", false, 0, 1), caller), "warning"));
		queues.add(new Queue("queue-overdue", "queue.overdue", "/staff/dossiers?deadline=OVERDUE",
				count(new DossierQuery(null, null, null, null, null, null, "OVERDUE", false, 0, 1), caller), "danger"));
		queues.add(new Queue("queue-supplement", "queue.supplement", "/staff/dossiers?status=SUPPLEMENT_REQUESTED",
				count(new DossierQuery(DossierStatus.SUPPLEMENT_REQUESTED, null, null, null, null, null, null, false, 0, 1),
						caller), null));
		model.addAttribute("queues", queues);
		return "dossier/queues :: counts";
	}

	private long count(DossierQuery query, Caller caller) {
		return dossiers.list(query, caller).total();
	}
}
