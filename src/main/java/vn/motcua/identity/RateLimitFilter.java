package vn.motcua.identity;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.motcua.platform.Problems;

/**
 * Token buckets keyed by account, or by address for anonymous calls. The thresholds are generous (a busy
 * counter's concurrent requests pass); they stop floods, not work. Per instance: behind a load balancer
 * each instance counts its own share.
 */
class RateLimitFilter extends OncePerRequestFilter {

	private static final int MAX_KEYS = 100_000;

	private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
	private final Clock clock;
	private final RateLimits limits;

	RateLimitFilter(Clock clock, RateLimits limits) {
		this.clock = clock;
		this.limits = limits;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		boolean anonymous = auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken;
		String key = anonymous ? "ip:" + request.getRemoteAddr() : "account:" + auth.getName();
		double perSecond = anonymous ? limits.anonymousPerSecond() : limits.accountPerSecond();
		double burst = anonymous ? limits.anonymousBurst() : limits.accountBurst();
		if (buckets.size() > MAX_KEYS) {
			buckets.clear(); // crude, bounded memory; a full bucket for everyone is the safe side
		}
		Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, clock.millis()));
		long waitSeconds = bucket.take(perSecond, burst, clock.millis());
		if (waitSeconds > 0) {
			response.setHeader("Retry-After", Long.toString(waitSeconds));
			ProblemSecurityHandlers.write(response, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
					"Quá nhiều yêu cầu", "Quá nhiều yêu cầu trong thời gian ngắn; thử lại sau " + waitSeconds + " giây."));
			return;
		}
		chain.doFilter(request, response);
	}

	/** Configured limits: requests per second sustained, and the burst allowed above it. */
	record RateLimits(double accountPerSecond, double accountBurst, double anonymousPerSecond, double anonymousBurst) {
	}

	private static final class Bucket {

		private double tokens;
		private long lastMillis;

		Bucket(double tokens, long now) {
			this.tokens = tokens;
			this.lastMillis = now;
		}

		/** Takes one token; returns 0, or the seconds until one is available. */
		synchronized long take(double perSecond, double burst, long now) {
			// a clock set back (NTP step, operator) refills nothing rather than owing tokens for the gap
			tokens = Math.min(burst, tokens + Math.max(0, now - lastMillis) * perSecond / 1000.0);
			lastMillis = now;
			if (tokens >= 1) {
				tokens -= 1;
				return 0;
			}
			return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
		}
	}
}
