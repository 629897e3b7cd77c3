package vn.motcua.payment;

import java.time.Clock;
import java.util.List;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.motcua.dossier.DossierEvents.DossierEnded;

/**
 * A dossier refused, stopped or withdrawn after it was paid gets its money back: its paid attempts are
 * marked for refund when the change is committed (the event is kept until this has run), then refunded.
 */
@Component
class RefundsOnEnd {

	private final JdbcPaymentRepository repository;
	private final Payments payments;
	private final org.springframework.transaction.support.TransactionTemplate tx;
	private final Clock clock;

	RefundsOnEnd(JdbcPaymentRepository repository, Payments payments,
			org.springframework.transaction.support.TransactionTemplate tx, Clock clock) {
		this.repository = repository;
		this.payments = payments;
		this.tx = tx;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(DossierEnded change) {
		List<Payment> paid = tx.execute(s -> {
			List<Payment> due = repository.ofDossier(change.code())
				.stream()
				.filter(p -> p.status() == PaymentStatus.PAID && !p.refundDue())
				.toList();
			for (Payment p : due) {
				repository.markRefundDue(repository.lock(p.id()), "Hồ sơ " + switch (change.status()) {
					case REFUSED -> "bị từ chối tiếp nhận";
					case STOPPED -> "bị dừng giải quyết";
					default -> "được rút";
				} + " sau khi đã nộp phí, lệ phí.", clock.instant(), "system");
			}
			return due;
		});
		for (Payment p : paid) {
			payments.refund(p.id(), "system");
		}
	}
}
