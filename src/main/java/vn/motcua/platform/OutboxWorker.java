package vn.motcua.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The worker of a transactional outbox (notifications, the national portal): on this instance, every {@code poll}
 * and at once when asked after a commit, it claims what is due (the subclass claims with row locks, so instances
 * share the work) and hands the batch to a few sender threads side by side, until a claim comes back with nothing
 * more to do. Commits that ask while a drain is queued add no other. Starts after the web server (demo sandboxes
 * live there) and stops before it.
 *
 * @param <T> what one claim returns, one message or delivery each
 */
public abstract class OutboxWorker<T> implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

	private final String name;
	private final boolean enabled;
	private final Duration poll;
	private final int senders;
	private final AtomicBoolean running = new AtomicBoolean();
	private final AtomicBoolean wakeQueued = new AtomicBoolean();
	private @Nullable ScheduledExecutorService scheduler;
	private @Nullable ExecutorService pool;

	protected OutboxWorker(String name, boolean enabled, Duration poll, int senders) {
		this.name = name;
		this.enabled = enabled;
		this.poll = poll;
		this.senders = senders;
	}

	/** Claims the next batch, each item leased to this worker. */
	protected abstract List<T> claim();

	/** Hands one item to its carrier and records the answer; never throws for a carrier's failure. */
	protected abstract void deliver(T item);

	/** Whether to claim again after {@code batch}: by default, while a claim finds anything. */
	protected boolean more(List<T> batch) {
		return !batch.isEmpty();
	}

	/**
	 * The next try after {@code attempts} failures: {@code first} doubled each time up to {@code longest}, within
	 * {@code giveUp} of {@code since} (the last try falls at its end); null once that window is over.
	 */
	public static @Nullable Instant retryAt(int attempts, Instant now, Instant since, Duration first, Duration longest,
			Duration giveUp) {
		Instant end = since.plus(giveUp);
		if (!now.isBefore(end)) {
			return null;
		}
		Duration wait = first.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
		Instant next = now.plus(wait.compareTo(longest) > 0 ? longest : wait);
		return next.isAfter(end) ? end : next;
	}

	/** Asks for a drain once the current transaction commits (at once outside one). */
	public void wakeAfterCommit() {
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

	public void wake() {
		ScheduledExecutorService s = scheduler;
		if (s != null && running.get() && wakeQueued.compareAndSet(false, true)) {
			try {
				s.execute(() -> {
					wakeQueued.set(false);
					drainQuietly();
				});
			}
			catch (RejectedExecutionException stopped) {
				// shutting down: another instance's poll takes it
			}
		}
	}

	/** Delivers what is due until nothing more is; returns how many items were handled. */
	public int drain() {
		int handled = 0;
		while (running.get()) {
			List<T> batch = claim();
			ExecutorService p = pool;
			if (p == null || batch.size() == 1) {
				batch.forEach(this::deliver);
			}
			else {
				List<Future<?>> sending = new ArrayList<>();
				for (T item : batch) {
					sending.add(p.submit(() -> deliver(item)));
				}
				for (Future<?> f : sending) {
					try {
						f.get();
					}
					catch (InterruptedException e) {
						Thread.currentThread().interrupt();
						return handled;
					}
					catch (ExecutionException e) {
						log.error("{}: an item was not handed over", name, e.getCause());
					}
				}
			}
			handled += batch.size();
			if (!more(batch)) {
				return handled;
			}
		}
		return handled;
	}

	private void drainQuietly() {
		try {
			drain();
		}
		catch (RuntimeException e) {
			log.warn("{} not drained: {}", name, e.toString());
		}
	}

	@Override
	public void start() {
		if (!enabled || !running.compareAndSet(false, true)) {
			return;
		}
		ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, name));
		s.scheduleWithFixedDelay(this::drainQuietly, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
		scheduler = s;
		pool = Executors.newFixedThreadPool(senders, r -> daemon(r, name + "-sender"));
	}

	private static Thread daemon(Runnable r, String name) {
		Thread t = new Thread(r, name);
		t.setDaemon(true);
		return t;
	}

	@Override
	public void stop() {
		running.set(false);
		ScheduledExecutorService s = scheduler;
		if (s != null) {
			s.shutdown();
			try {
				s.awaitTermination(20, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		ExecutorService p = pool;
		if (p != null) {
			p.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return running.get();
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 100;
	}
}
