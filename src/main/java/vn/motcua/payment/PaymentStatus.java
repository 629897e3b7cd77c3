package vn.motcua.payment;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The states of a payment attempt and the transitions allowed between them, as data. An attempt that expired
 * on our side may still be paid at the gateway (the citizen was slow): a late success settles it.
 */
public enum PaymentStatus {

	PENDING, PAID, FAILED, CANCELLED, EXPIRED, REFUNDED;

	private static final Map<PaymentStatus, Set<PaymentStatus>> NEXT = Map.of(
			PENDING, EnumSet.of(PAID, FAILED, CANCELLED, EXPIRED),
			EXPIRED, EnumSet.of(PAID, FAILED, CANCELLED),
			PAID, EnumSet.of(REFUNDED),
			FAILED, EnumSet.noneOf(PaymentStatus.class),
			CANCELLED, EnumSet.noneOf(PaymentStatus.class),
			REFUNDED, EnumSet.noneOf(PaymentStatus.class));

	public boolean mayBecome(PaymentStatus next) {
		return NEXT.get(this).contains(next);
	}

	/** Ended for the IPN: a further notification of it is answered "already confirmed" (02). */
	public boolean endedForIpn() {
		return this == PAID || this == FAILED || this == CANCELLED || this == REFUNDED;
	}
}
