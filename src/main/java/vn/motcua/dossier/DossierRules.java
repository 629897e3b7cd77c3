package vn.motcua.dossier;

import java.util.Optional;

import vn.motcua.platform.Text;

/**
 * Whether an action may be taken on a dossier as it stands — its status and the rules that are not a status
 * (an approved result before FINISH, one extension, a fee settled before the result is handed over, the steps of
 * a configured process). One pure function serves both the check when the action is taken (409 with the
 * reason) and the list of actions a page offers, so the two cannot disagree. Who may take it is
 * {@link DossierAccess}'s question, asked first.
 */
final class DossierRules {

	private DossierRules() {
	}

	/** Why {@code action} cannot be taken now, or empty when it can. */
	static Optional<Text> refusal(DossierAction action, Dossier d) {
		if (!action.from().contains(d.status())) {
			return Optional.of(action == DossierAction.SETTLE_PAYMENT
					? new Text("problem.dossier.ended-no-fee", new Text("dossier.status." + d.status()))
					: wrongStatus(action, d.status()));
		}
		return Optional.ofNullable(switch (action) {
			case APPROVE -> d.step() != null ? new Text("problem.dossier.step-open", d.step().name()) : null;
			case FINISH -> d.approved() ? null : new Text("problem.dossier.not-approved");
			case RETURN_RESULT -> d.paid() ? null : new Text("problem.dossier.fee-owed", d.owedVnd());
			case EXTEND -> d.extendedDueAt() != null ? new Text("problem.dossier.extended-once")
					: d.dueAt() == null ? new Text("problem.dossier.no-due") : null;
			case HAND_OVER -> d.step() == null ? new Text("problem.dossier.no-step")
					: d.step().consultPending()
							? new Text("problem.dossier.consult-pending", String.valueOf(d.step().consultUnitCode()))
							: null;
			case CONSULT_REPLY -> d.step() == null || !d.step().consultPending()
					? new Text("problem.dossier.no-consult") : null;
			case SETTLE_PAYMENT -> d.paid() ? new Text("problem.dossier.paid-elsewhere") : null;
			case EXEMPT_FEE -> d.feeExemption() != null ? new Text("problem.dossier.exempted") : null;
			default -> null;
		});
	}

	static Text wrongStatus(DossierAction action, DossierStatus status) {
		return new Text("problem.dossier.wrong-status", new Text("dossier.action." + action),
				new Text("dossier.status." + status));
	}

	/** The Vietnamese name pages give an action or a status (messages.properties), for problem details. */
	static String label(String key) {
		java.util.ResourceBundle vi = java.util.ResourceBundle.getBundle("messages", java.util.Locale.ROOT,
				java.util.ResourceBundle.Control.getNoFallbackControl(java.util.ResourceBundle.Control.FORMAT_PROPERTIES));
		return vi.containsKey(key) ? vi.getString(key) : key.substring(key.lastIndexOf('.') + 1);
	}

	static boolean allowed(DossierAction action, Dossier d) {
		return refusal(action, d).isEmpty();
	}
}
