package vn.motcua.registry;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import vn.motcua.TestClock;

import static org.assertj.core.api.Assertions.assertThat;

class CircuitBreakerTest {

	private final TestClock clock = new TestClock(Instant.parse("2026-11-26T02:00:00Z"));
	private final CircuitBreaker breaker = new CircuitBreaker(clock, 3, Duration.ofSeconds(30));

	@Test
	void opensAfterConsecutiveFailuresAndLetsOneTrialThroughLater() {
		breaker.failed();
		breaker.failed();
		breaker.succeeded(); // a success in between resets the count
		breaker.failed();
		breaker.failed();
		assertThat(breaker.tryAcquire()).isTrue();
		breaker.failed();
		assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThat(breaker.tryAcquire()).isFalse();

		clock.advance(Duration.ofSeconds(31));
		assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
		assertThat(breaker.tryAcquire()).isTrue();
		assertThat(breaker.tryAcquire()).as("only one trial at a time").isFalse();
		breaker.failed();
		assertThat(breaker.state()).as("a failed trial reopens").isEqualTo(CircuitBreaker.State.OPEN);

		clock.advance(Duration.ofSeconds(31));
		assertThat(breaker.tryAcquire()).isTrue();
		breaker.succeeded();
		assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(breaker.tryAcquire()).isTrue();
		assertThat(breaker.tryAcquire()).isTrue();
	}
}
