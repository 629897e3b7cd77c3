package vn.motcua.dossier;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Dossiers filed and acted on, for the operators' dashboards: {@code motcua.dossier.actions} by action, counted once
 * the change has committed (a refused or rolled-back action is not counted).
 */
@Component
class DossierMetrics {

	private final MeterRegistry meters;

	DossierMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	@EventListener
	void on(DossierChanged change) {
		Counter counter = Counter.builder("motcua.dossier.actions")
			.description("Dossier actions committed, by action (SUBMIT, RECEIVE, FORWARD, FINISH, …)")
			.tag("action", change.action())
			.register(meters);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					counter.increment();
				}
			});
		}
		else {
			counter.increment();
		}
	}
}
