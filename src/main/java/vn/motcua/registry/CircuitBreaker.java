package vn.motcua.registry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Stops calling a failing system for a while: after {@code threshold} failures in a row the circuit opens
 * and calls fail at once; when {@code openFor} has passed one trial call goes through (half open), and its
 * outcome closes or reopens the circuit. Keeps officers from waiting on timeouts when the registry is down.
 */
final class CircuitBreaker {

	enum State {
		CLOSED, OPEN, HALF_OPEN
	}

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CircuitBreaker.class);

	private final Clock clock;
	private final int threshold;
	private final Duration openFor;
	private int failures;
	private @Nullable Instant openedAt;
	private boolean trialInFlight;

	CircuitBreaker(Clock clock, int threshold, Duration openFor) {
		this.clock = clock;
		this.threshold = threshold;
		this.openFor = openFor;
	}

	/** Whether a call may go out now; in the half-open state only one caller gets through. */
	synchronized boolean tryAcquire() {
		if (openedAt == null) {
			return true;
		}
		if (clock.instant().isBefore(openedAt.plus(openFor)) || trialInFlight) {
			return false;
		}
		trialInFlight = true;
		return true;
	}

	synchronized void succeeded() {
		failures = 0;
		openedAt = null;
		trialInFlight = false;
	}

	synchronized void failed() {
		failures++;
		if (trialInFlight || failures >= threshold) {
			if (openedAt == null || trialInFlight) {
				log.warn("Population registry: circuit open for {} after {} failures in a row; filings carry on unchecked",
						openFor, failures);
			}
			openedAt = clock.instant();
		}
		trialInFlight = false;
	}

	synchronized State state() {
		if (openedAt == null) {
			return State.CLOSED;
		}
		return clock.instant().isBefore(openedAt.plus(openFor)) ? State.OPEN : State.HALF_OPEN;
	}
}
