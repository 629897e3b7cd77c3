package vn.motcua.dossier;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What happened to a dossier, as listeners need it: published in the transaction of the change (with the
 * generic {@link DossierChanged}) and kept by the event publication registry until every listener has run.
 * Chosen by the change of status, so a new action that ends a dossier publishes {@link DossierEnded} without
 * anyone having to list it.
 */
public final class DossierEvents {

	private DossierEvents() {
	}

	/** Mới đăng ký: filed online, waiting for reception. */
	public record DossierSubmitted(String code, String agencyCode, Instant at) {
	}

	/** Được tiếp nhận: the deadline starts; {@code dueAt} is null for a procedure without a time limit. */
	public record DossierReceived(String code, String agencyCode, Instant at, @Nullable Instant dueAt) {
	}

	/** Yêu cầu bổ sung: the clock stops until the applicant supplies {@code items}. */
	public record SupplementRequested(String code, String agencyCode, Instant at, @Nullable String reason,
			List<String> items) {
	}

	/** Yêu cầu nộp phí, lệ phí: processing waits until {@code amountVnd} more is paid. */
	public record PaymentRequested(String code, String agencyCode, Instant at, long amountVnd, @Nullable String reason) {
	}

	/** Gia hạn: the leader moved the appointment to {@code newDueAt}, with an apology for {@code reason}. */
	public record DossierExtended(String code, String agencyCode, Instant at, Instant newDueAt, @Nullable String reason) {
	}

	/**
	 * Xin ý kiến liên thông: a step began that waits for the answer of {@code unitCode}, another unit that must be
	 * told at once.
	 */
	public record ConsultationRequested(String code, String agencyCode, Instant at, String unitCode, String stepName) {
	}

	/** The applicant supplied what was asked; the clock runs again. */
	public record SupplementCompleted(String code, String agencyCode, Instant at) {
	}

	/** Đã xử lý xong: the result is decided and signed. */
	public record DossierFinished(String code, String agencyCode, Instant at) {
	}

	/** Đã trả kết quả: the applicant has the result. */
	public record DossierReturned(String code, String agencyCode, Instant at) {
	}

	/**
	 * Ended without a result: refused at reception, withdrawn by the applicant or stopped
	 * ({@link DossierStatus#ENDED_WITHOUT_RESULT}).
	 */
	public record DossierEnded(String code, String agencyCode, Instant at, DossierStatus status,
			@Nullable String reason) {
	}

	/**
	 * Đã nộp phí, lệ phí: a confirmed payment of {@code amountVnd} is recorded; {@code paymentRef} is the payment
	 * module's transaction reference.
	 */
	public record PaymentSettled(String code, String agencyCode, Instant at, long amountVnd, boolean online,
			String paymentRef) {
	}

	/** Miễn phí, lệ phí: nothing is owed from now on, for {@code reason}. */
	public record FeeExempted(String code, String agencyCode, Instant at, String reason) {
	}

	/**
	 * The typed events a change of status from {@code from} to {@code to} means, from what its history records:
	 * the {@code reason} (else the note) and, for a reception, the {@code dueAt} of its details.
	 */
	static List<Object> of(String code, String agencyCode, Instant at, String action, @Nullable DossierStatus from,
			DossierStatus to, @Nullable String note, java.util.Map<String, ?> details) {
		String reason = details.get("reason") instanceof String r ? r : note;
		Instant dueAt = details.get("dueAt") instanceof String due ? vn.motcua.platform.ApiTime.parseInstant(due, "dueAt")
				: null;
		List<Object> events = new java.util.ArrayList<>();
		if (from != to) {
			switch (to) {
				case SUBMITTED -> events.add(new DossierSubmitted(code, agencyCode, at));
				case RECEIVED -> events.add(new DossierReceived(code, agencyCode, at, dueAt));
				case SUPPLEMENT_REQUESTED -> events.add(new SupplementRequested(code, agencyCode, at, reason,
						details.get("items") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of()));
				case PAYMENT_REQUESTED -> events.add(new PaymentRequested(code, agencyCode, at,
						details.get("amountVnd") instanceof Number n ? n.longValue() : 0, reason));
				case FINISHED -> events.add(new DossierFinished(code, agencyCode, at));
				case RETURNED -> events.add(new DossierReturned(code, agencyCode, at));
				case REFUSED, WITHDRAWN, STOPPED -> events.add(new DossierEnded(code, agencyCode, at, to, reason));
				default -> {
				}
			}
			if (from == DossierStatus.SUPPLEMENT_REQUESTED && DossierStatus.OPEN.contains(to)) {
				events.add(new SupplementCompleted(code, agencyCode, at));
			}
		}
		if (action.equals(DossierAction.EXTEND.name()) && details.get("newDueAt") instanceof String due) {
			events.add(new DossierExtended(code, agencyCode, at, vn.motcua.platform.ApiTime.parseInstant(due, "newDueAt"),
					reason));
		}
		if (details.get("consultRequestedFrom") instanceof String unit && details.get("consultStep") instanceof String step) {
			events.add(new ConsultationRequested(code, agencyCode, at, unit, step));
		}
		if (action.equals(DossierAction.SETTLE_PAYMENT.recordedAs())) {
			events.add(new PaymentSettled(code, agencyCode, at, ((Number) details.get("amountVnd")).longValue(),
					Boolean.TRUE.equals(details.get("online")), String.valueOf(details.get("payment"))));
		}
		else if (action.equals(DossierAction.EXEMPT_FEE.recordedAs())) {
			events.add(new FeeExempted(code, agencyCode, at, String.valueOf(reason)));
		}
		return events;
	}
}
