package vn.motcua.platform.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.MDC;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every request carries an id through the logs: the proxy's {@code X-Request-Id} when it is a sane token, otherwise a
 * fresh one; it is in the log context ({@code requestId}, a field of each line in the JSON log format) and answered
 * back in the same header, so an operator follows one request across instances and the proxy's log.
 */
@Configuration(proxyBeanMethods = false)
class RequestIds {

	static final String HEADER = "X-Request-Id";
	static final String KEY = "requestId";
	private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	@Bean
	FilterRegistrationBean<Filter> requestIdFilter() {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE); // before anything that logs
		return registration;
	}

	static final class Filter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String given = request.getHeader(HEADER);
			String id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
			MDC.put(KEY, id);
			response.setHeader(HEADER, id);
			try {
				chain.doFilter(request, response);
			}
			finally {
				MDC.remove(KEY);
			}
		}
	}
}
