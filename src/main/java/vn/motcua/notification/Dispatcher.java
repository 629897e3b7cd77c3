package vn.motcua.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The outbox worker of this instance: every {@code poll}, and at once when a transaction that added messages
 * commits, it claims the messages due, hands each to its channel and records the answer. A failure is tried again
 * after {@code firstRetry}, doubled each time up to {@code longestRetry}, until {@code giveUpAfter} has passed
 * since the retries began; then, or when the channel refuses for good, the message is FAILED for an administrator
 * to resend. Instances share the work through the outbox's row locks.
 */
class Dispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

	private final Outbox outbox;
	private final Map<NotificationChannel, Sender> senders;
	private final NotificationSettings.Outbox settings;
	private final Clock clock;
	private final MeterRegistry meters;
	private final AtomicBoolean running = new AtomicBoolean();
	/** A drain is queued: commits arriving meanwhile need no other, it will see their messages. */
	private final AtomicBoolean wakeQueued = new AtomicBoolean();
	private @Nullable ScheduledExecutorService executor;
	private java.util.concurrent.@Nullable ExecutorService senderPool;

	/** Hands one message to its channel: the provider's id, or a {@link DeliveryFailure}. */
	interface Sender {
		String send(Notification n) throws DeliveryFailure;
	}

	Dispatcher(Outbox outbox, Map<NotificationChannel, Sender> senders, NotificationSettings.Outbox settings,
			Clock clock, MeterRegistry meters) {
		this.outbox = outbox;
		this.senders = senders;
		this.settings = settings;
		this.clock = clock;
		this.meters = meters;
	}

	/** Asks for a drain once the current transaction commits (at once outside one). */
	void wakeAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					wake();
				}
			});
		}
		else {
			wake();
		}
	}

	private void wake() {
		ScheduledExecutorService e = executor;
		if (e != null && running.get() && wakeQueued.compareAndSet(false, true)) {
			try {
				e.execute(() -> {
					wakeQueued.set(false);
					drainQuietly();
				});
			}
			catch (java.util.concurrent.RejectedExecutionException stopped) {
				// shutting down: the next instance to poll sends it
			}
		}
	}

	/**
	 * Sends what is due until nothing is, a batch at a time, the messages of a batch side by side on the sender
	 * threads (a slow carrier holds a thread, not the queue); returns how many messages were handled.
	 */
	int drain() {
		int handled = 0;
		while (true) {
			List<Notification> batch = outbox.claim(settings.batch(), clock.instant(), settings.lease());
			java.util.concurrent.ExecutorService pool = senderPool;
			if (pool == null || batch.size() == 1) {
				batch.forEach(this::deliver);
			}
			else {
				List<java.util.concurrent.Future<?>> sending = new java.util.ArrayList<>();
				for (Notification n : batch) {
					sending.add(pool.submit(() -> deliver(n)));
				}
				for (java.util.concurrent.Future<?> f : sending) {
					try {
						f.get();
					}
					catch (InterruptedException e) {
						Thread.currentThread().interrupt();
						return handled;
					}
					catch (java.util.concurrent.ExecutionException e) {
						log.error("Notification not handed over", e.getCause());
					}
				}
			}
			handled += batch.size();
			if (batch.size() < settings.batch() || !running.get()) {
				return handled;
			}
		}
	}

	private void deliver(Notification n) {
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
			Instant now = clock.instant();
			Instant retryAt = f.permanent() ? null : retryAt(n.attempts(), now, outbox.retrySince(n.id()));
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
			outbox.failed(n.id(), String.valueOf(e), retryAt(n.attempts(), clock.instant(), outbox.retrySince(n.id())));
		}
	}

	/** The next try after {@code attempts} failures, or null once the retry window is over. */
	@Nullable Instant retryAt(int attempts, Instant now, Instant since) {
		return retryAt(attempts, now, since, settings);
	}

	static @Nullable Instant retryAt(int attempts, Instant now, Instant since, NotificationSettings.Outbox s) {
		if (!now.isBefore(since.plus(s.giveUpAfter()))) {
			return null;
		}
		Duration wait = s.firstRetry().multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
		if (wait.compareTo(s.longestRetry()) > 0) {
			wait = s.longestRetry();
		}
		Instant next = now.plus(wait);
		Instant end = since.plus(s.giveUpAfter());
		// the last try falls at the end of the window, so a message is retried for the whole of it
		return next.isAfter(end) ? end : next;
	}

	private void drainQuietly() {
		try {
			drain();
		}
		catch (RuntimeException e) {
			log.warn("Notification outbox not drained: {}", e.toString());
		}
	}

	@Override
	public void start() {
		if (!settings.worker() || !running.compareAndSet(false, true)) {
			return;
		}
		ScheduledExecutorService e = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "notification-outbox");
			t.setDaemon(true);
			return t;
		});
		e.scheduleWithFixedDelay(this::drainQuietly, settings.poll().toMillis(), settings.poll().toMillis(),
				TimeUnit.MILLISECONDS);
		executor = e;
		senderPool = Executors.newFixedThreadPool(settings.senders(), r -> {
			Thread t = new Thread(r, "notification-sender");
			t.setDaemon(true);
			return t;
		});
	}

	@Override
	public void stop() {
		running.set(false);
		ScheduledExecutorService e = executor;
		if (e != null) {
			e.shutdown();
			try {
				e.awaitTermination(20, TimeUnit.SECONDS);
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
			}
		}
		java.util.concurrent.ExecutorService pool = senderPool;
		if (pool != null) {
			pool.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return running.get();
	}

	@Override
	public int getPhase() {
		// after the web server (it sends to this server's sandboxes) and stopped before the database goes
		return Integer.MAX_VALUE - 100;
	}
}
