package vn.motcua.dossier.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.motcua.dossier.DossierQuery;
import vn.motcua.dossier.Dossiers;
import vn.motcua.identity.Caller;

/**
 * The officer's work queues — waiting for me, due today, overdue, supplements returned — with their counts: shown in
 * the side navigation and as the inbox's tabs, each the inbox filtered so.
 */
@Component
class WorkQueues {

	/** One queue: its id, label key, the inbox filter it stands for, its count and the colour when not empty. */
	record Queue(String id, String labelKey, String href, long count, @Nullable String tone) {
	}

	/** The filters each queue applies; the inbox compares its own request with them to mark the open tab. */
	enum Kind {
		TURN("queue-turn", "queue.turn", "turn=true", "primary"),
		DUE_TODAY("queue-due-today", "queue.due-today", "focus=DUE_TODAY", "warning"),
		OVERDUE("queue-overdue", "queue.overdue", "deadline=OVERDUE", "danger"),
		SUPPLEMENT_RETURNED("queue-supplement-returned", "queue.supplement-returned", "focus=SUPPLEMENT_RETURNED",
				"info");

		final String id;
		final String labelKey;
		final String filter;
		final String tone;

		Kind(String id, String labelKey, String filter, String tone) {
			this.id = id;
			this.labelKey = labelKey;
			this.filter = filter;
			this.tone = tone;
		}

		DossierQuery query(int page, int size) {
			return switch (this) {
				case TURN -> new DossierQuery(null, null, null, null, null, null, null, true, null, true, page, size);
				case DUE_TODAY -> new DossierQuery(null, null, null, null, null, null, null, false,
						DossierQuery.Focus.DUE_TODAY, true, page, size);
				case OVERDUE -> new DossierQuery(null, null, null, null, null, null, "OVERDUE", false, null, true, page,
						size);
				case SUPPLEMENT_RETURNED -> new DossierQuery(null, null, null, null, null, null, null, false,
						DossierQuery.Focus.SUPPLEMENT_RETURNED, true, page, size);
			};
		}
	}

	private final Dossiers dossiers;

	WorkQueues(Dossiers dossiers) {
		this.dossiers = dossiers;
	}

	List<Queue> of(Caller caller) {
		return java.util.Arrays.stream(Kind.values())
			.map(k -> new Queue(k.id, k.labelKey, "/staff/dossiers?" + k.filter, dossiers.list(k.query(0, 1), caller)
				.total(), k.tone))
			.toList();
	}
}
