package vn.motcua;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import vn.motcua.platform.Zones;

/** A clock tests move by hand; it starts at the real time so stored data looks ordinary. */
public final class TestClock extends Clock {

	private final AtomicReference<Instant> now;

	public TestClock(Instant start) {
		this.now = new AtomicReference<>(start);
	}

	public void advance(Duration d) {
		now.updateAndGet(i -> i.plus(d));
	}

	public void set(Instant instant) {
		now.set(instant);
	}

	@Override
	public ZoneId getZone() {
		return Zones.VIETNAM;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.fixed(now.get(), zone);
	}

	@Override
	public Instant instant() {
		return now.get();
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		@Primary
		TestClock testClock() {
			return new TestClock(Clock.systemUTC().instant());
		}
	}

	/**
	 * Puts the clock back after each test where the test found it, so that a test moving time does not leave
	 * the next one in another hour (tokens of the e-ID provider are stamped with the real time).
	 */
	public static final class Restore implements org.junit.jupiter.api.extension.BeforeEachCallback,
			org.junit.jupiter.api.extension.AfterEachCallback {

		private static final org.junit.jupiter.api.extension.ExtensionContext.Namespace NS =
				org.junit.jupiter.api.extension.ExtensionContext.Namespace.create(Restore.class);

		@Override
		public void beforeEach(org.junit.jupiter.api.extension.ExtensionContext context) {
			TestClock clock = clock(context);
			context.getStore(NS).put("at", clock.instant());
		}

		@Override
		public void afterEach(org.junit.jupiter.api.extension.ExtensionContext context) {
			Instant at = context.getStore(NS).get("at", Instant.class);
			if (at != null) {
				clock(context).set(at);
			}
		}

		private static TestClock clock(org.junit.jupiter.api.extension.ExtensionContext context) {
			return org.springframework.test.context.junit.jupiter.SpringExtension.getApplicationContext(context)
				.getBean(TestClock.class);
		}
	}
}
