package vn.motcua.sync;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import vn.motcua.platform.OutboxWorker;

/**
 * Delivers the national portal's outbox ({@link OutboxWorker}); each claimed delivery is the next of its dossier. A
 * failure is retried with back-off until {@code giveUpAfter}; then it is a dead letter (FAILED) that holds back only
 * its own dossier's later deliveries.
 */
class SyncWorker extends OutboxWorker<Delivery> {

	private static final Logger log = LoggerFactory.getLogger(SyncWorker.class);

	private final Deliveries deliveries;
	private final NationalPortal portal;
	private final SyncSettings settings;
	private final Clock clock;
	private final MeterRegistry meters;

	SyncWorker(Deliveries deliveries, NationalPortal portal, SyncSettings settings, Clock clock, MeterRegistry meters) {
		super("dvcqg-outbox", settings.worker(), settings.poll(), settings.senders());
		this.deliveries = deliveries;
		this.portal = portal;
		this.settings = settings;
		this.clock = clock;
		this.meters = meters;
	}

	@Override
	protected List<Delivery> claim() {
		// a delivered one may free its dossier's next: claims go on until one comes back empty
		return deliveries.claim(settings.batch(), clock.instant(), settings.lease());
	}

	@Override
	protected void deliver(Delivery d) {
		try {
			portal.deliver(d);
			deliveries.delivered(d.id(), clock.instant());
			meters.counter("motcua.dvcqg.delivered", "service", d.service()).increment();
		}
		catch (NationalPortal.Failure | RuntimeException f) {
			Instant retryAt = f instanceof NationalPortal.Failure p && p.rejected() ? null
					: retryAt(d.attempts(), clock.instant(), deliveries.retrySince(d.id()), settings.firstRetry(),
							settings.longestRetry(), settings.giveUpAfter());
			deliveries.failed(d.id(), String.valueOf(f.getMessage()), retryAt);
			meters.counter("motcua.dvcqg.attempts.failed", "service", d.service()).increment();
			if (retryAt == null) {
				log.warn("Delivery {} of {} (sequence {}) is a dead letter after {} attempts: {}", d.id(), d.dossierCode(),
						d.sequence(), d.attempts(), f.getMessage());
			}
		}
	}
}
