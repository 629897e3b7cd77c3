package vn.motcua.identity;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.motcua.TestClock;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitFilterTest {

	final TestClock clock = new TestClock(Instant.parse("2026-04-24T03:00:00Z"));
	final RateLimitFilter filter = new RateLimitFilter(clock, new RateLimitFilter.RateLimits(10, 20, 2, 5));

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void anAccountMayBurstThenIsThrottledWithRetryAfterThenRefills() throws Exception {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("officer", null, java.util.List.of()));
		for (int i = 0; i < 20; i++) {
			assertThat(call("10.0.0.1").getStatus()).isEqualTo(200);
		}
		MockHttpServletResponse throttled = call("10.0.0.1");
		assertThat(throttled.getStatus()).isEqualTo(429);
		assertThat(throttled.getHeader("Retry-After")).isEqualTo("1");
		assertThat(throttled.getContentType()).startsWith("application/problem+json");
		clock.advance(Duration.ofMillis(500));
		for (int i = 0; i < 5; i++) {
			assertThat(call("10.0.0.1").getStatus()).isEqualTo(200);
		}
		assertThat(call("10.0.0.1").getStatus()).isEqualTo(429);
	}

	@Test
	void anonymousCallsAreCountedPerAddress() throws Exception {
		for (int i = 0; i < 5; i++) {
			assertThat(call("10.0.0.2").getStatus()).isEqualTo(200);
		}
		assertThat(call("10.0.0.2").getStatus()).isEqualTo(429);
		assertThat(call("10.0.0.3").getStatus()).isEqualTo(200);
	}

	@Test
	void aClockSetBackDoesNotLockCallersOut() throws Exception {
		assertThat(call("10.0.0.4").getStatus()).isEqualTo(200);
		clock.advance(Duration.ofDays(-3));
		for (int i = 0; i < 4; i++) {
			assertThat(call("10.0.0.4").getStatus()).isEqualTo(200);
		}
		MockHttpServletResponse throttled = call("10.0.0.4");
		assertThat(throttled.getStatus()).isEqualTo(429);
		assertThat(throttled.getHeader("Retry-After")).isEqualTo("1");
	}

	private MockHttpServletResponse call(String address) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/me");
		request.setRemoteAddr(address);
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, new MockFilterChain());
		if (response.getStatus() == 0) {
			response.setStatus(200);
		}
		return response;
	}
}
