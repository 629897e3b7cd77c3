package vn.motcua.dossier;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import vn.motcua.platform.ApiTime;
import vn.motcua.platform.InvalidParameter;

/**
 * The dossier lifecycle as one pure function: given the dossier as it stands, an action the caller may take
 * now ({@link DossierRules}), its checked fields and the time, it decides the change — new status, the dates
 * and columns it sets, the supplement it opens or completes, the details history keeps. No database, no clock:
 * the due date of a reception, which needs the calendar, is handed in. The events follow from the change of
 * status ({@link DossierEvents}).
 */
final class DossierLifecycle {

	/** An extension is for a delay, not for ever. */
	static final Duration LONGEST_EXTENSION = Duration.ofDays(366);

	private DossierLifecycle() {
	}

	/** The fields of an action, checked for presence and bounds. */
	record Fields(Map<String, Object> values, String actor) {

		String text(String name) {
			return String.valueOf(values.get(name)).strip();
		}

		@Nullable String note() {
			Object v = values.get("note");
			if (v == null) {
				v = values.get("reason");
			}
			return v == null ? null : v.toString().strip();
		}

		List<String> items() {
			return ((List<?>) values.get("items")).stream().map(i -> i.toString().strip()).toList();
		}

		long amount() {
			return ((Number) values.get("amountVnd")).longValue();
		}

		boolean has(String name) {
			return values.get(name) != null && !String.valueOf(values.get(name)).isBlank();
		}

		boolean flag(String name) {
			return Boolean.TRUE.equals(values.get(name));
		}
	}

	/**
	 * @param dueOnReceipt the due date a reception sets (null for a case without a time limit); unused otherwise
	 */
	static DossierChange decide(Dossier d, DossierAction action, Fields f, Instant now, @Nullable Instant dueOnReceipt) {
		DossierStatus to = action.to(d.status());
		Map<String, @Nullable Object> set = new LinkedHashMap<>();
		Map<String, Object> details = new LinkedHashMap<>();
		DossierChange.SupplementRequest request = null;
		Instant completes = null;
		switch (action) {
			case RECEIVE -> {
				set.put("received_at", now);
				set.put("due_at", dueOnReceipt);
				if (dueOnReceipt != null) {
					details.put("dueAt", ApiTime.format(dueOnReceipt));
				}
			}
			case REFUSE -> details.put("reason", f.text("reason"));
			case STOP, WITHDRAW -> {
				details.put("reason", f.text("reason"));
				set.put("stopped_at", now);
			}
			case FORWARD -> details.put("to", d.agencyCode());
			case HAND_OVER, CONSULT_REPLY -> {
				// the steps of the configured process change; the dossier row follows their answer
			}
			case ASSIGN -> {
				set.put("assignee", f.text("assignee"));
				details.put("assignee", f.text("assignee"));
			}
			case REQUEST_SUPPLEMENT -> {
				// the law allows one request; a second is accepted with its reason and makes the dossier late
				int seq = d.supplements().size() + 1;
				details.put("reason", f.text("reason"));
				details.put("items", f.items());
				details.put("request", seq);
				request = new DossierChange.SupplementRequest(seq, now, f.actor(), f.text("reason"), f.items());
			}
			case SUPPLEMENT -> completes = now;
			case REQUEST_PAYMENT -> {
				set.put("fee_vnd", d.feeVnd() + f.amount());
				details.put("amountVnd", f.amount());
				details.put("reason", f.text("reason"));
			}
			case APPROVE -> set.put("approved", true);
			case FINISH -> set.put("finished_at", now);
			case RETURN_RESULT -> {
				set.put("returned_at", now);
				details.put("handover", f.has("handover") ? f.text("handover")
						: d.channel() == Channel.POSTAL ? "POSTAL" : d.electronicResult() ? "ELECTRONIC" : "COUNTER");
			}
			case SETTLE_PAYMENT -> {
				long paid = d.paidVnd() + f.amount();
				set.put("paid_vnd", paid);
				set.put("paid_online", d.paidOnline() || f.flag("online"));
				details.put("amountVnd", f.amount());
				details.put("online", f.flag("online"));
				details.put("payment", f.text("payment"));
				to = resumed(d, paid >= d.feeVnd());
			}
			case EXEMPT_FEE -> {
				set.put("fee_exemption", f.text("reason"));
				details.put("owedVnd", d.owedVnd());
				to = resumed(d, true);
			}
			case EXTEND -> {
				Instant newDue = ApiTime.parseInstant(f.text("newDueAt"), "newDueAt");
				if (d.dueAt() == null || !newDue.isAfter(d.dueAt())) {
					throw new InvalidParameter("newDueAt", "Ngày hẹn mới phải sau ngày hẹn hiện tại.");
				}
				if (newDue.isAfter(d.dueAt().plus(LONGEST_EXTENSION))) {
					throw new InvalidParameter("newDueAt", "Ngày hẹn mới không được quá một năm sau ngày hẹn hiện tại.");
				}
				set.put("extended_due_at", newDue);
				details.put("reason", f.text("reason"));
				details.put("newDueAt", ApiTime.format(newDue));
			}
		}
		return new DossierChange(to, set, request, completes, details);
	}

	/** A dossier waiting for payment goes back to work once nothing is owed; any other keeps its status. */
	private static DossierStatus resumed(Dossier d, boolean nothingOwed) {
		return d.status() == DossierStatus.PAYMENT_REQUESTED && nothingOwed ? DossierStatus.PROCESSING : d.status();
	}
}
