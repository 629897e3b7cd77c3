package vn.motcua.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import vn.motcua.platform.OutboxWorker;

/**
 * The notification outbox's worker on this instance ({@link OutboxWorker}): hands each message to its channel and
 * records the answer. A failure is tried again after {@code firstRetry}, doubled each time up to
 * {@code longestRetry}, until {@code giveUpAfter} has passed since the retries began; then, or when the channel
 * refuses for good, the message is FAILED for an administrator to resend.
 */
class Dispatcher extends OutboxWorker<Notification> {

	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

	private final Outbox outbox;
	private final Map<NotificationChannel, Sender> senders;
	private final NotificationSettings.Outbox settings;
	private final Clock clock;
	private final MeterRegistry meters;

	/** Hands one message to its channel: the provider's id, or a {@link DeliveryFailure}. */
	interface Sender {
		String send(Notification n) throws DeliveryFailure;
	}

	Dispatcher(Outbox outbox, Map<NotificationChannel, Sender> senders, NotificationSettings.Outbox settings,
			Clock clock, MeterRegistry meters) {
		super("notification-outbox", settings.worker(), settings.poll(), settings.senders());
		this.outbox = outbox;
		this.senders = senders;
		this.settings = settings;
		this.clock = clock;
		this.meters = meters;
	}

	@Override
	protected List<Notification> claim() {
		return outbox.claim(settings.batch(), clock.instant(), settings.lease());
	}

	@Override
	protected boolean more(List<Notification> batch) {
		return batch.size() >= settings.batch();
	}

	@Override
	protected void deliver(Notification n) {
		Sender sender = senders.get(n.channel());
		try {
			if (sender == null) {
				throw new DeliveryFailure("Kênh " + n.channel() + " chưa được cấu hình.", false);
			}
			String providerId = sender.send(n);
			outbox.sent(n.id(), clock.instant(), providerId);
			meters.counter("motcua.notifications.sent", "channel", n.channel().name()).increment();
			meters.timer("motcua.notifications.wait", "channel", n.channel().name())
				.record(Duration.between(n.createdAt(), clock.instant()).abs());
		}
		catch (DeliveryFailure f) {
			Instant retryAt = f.permanent() ? null : retryAt(n.attempts(), clock.instant(), outbox.retrySince(n.id()), settings);
			outbox.failed(n.id(), f.getMessage(), retryAt);
			meters.counter("motcua.notifications.attempts.failed", "channel", n.channel().name()).increment();
			if (retryAt == null) {
				meters.counter("motcua.notifications.failed", "channel", n.channel().name()).increment();
				log.warn("Notification {} ({} {}) FAILED after {} attempts: {}", n.id(), n.event(), n.channel(),
						n.attempts(), f.getMessage());
			}
		}
		catch (RuntimeException e) {
			// a bug in a sender must not stop the queue: count it as a failed attempt
			log.error("Notification {} could not be handed to {}", n.id(), n.channel(), e);
			outbox.failed(n.id(), String.valueOf(e), retryAt(n.attempts(), clock.instant(), outbox.retrySince(n.id()), settings));
		}
	}

	static @Nullable Instant retryAt(int attempts, Instant now, Instant since, NotificationSettings.Outbox s) {
		return OutboxWorker.retryAt(attempts, now, since, s.firstRetry(), s.longestRetry(), s.giveUpAfter());
	}
}
