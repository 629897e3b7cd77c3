package vn.motcua.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import vn.motcua.platform.Problems;
import vn.motcua.platform.TextRules;

/**
 * The first gate of every request (docs/api.md, "Bad input, everywhere"): a NUL character in the path, the
 * query, a form field or a JSON body, or a query past {@link #MAX_QUERY} characters, is refused with 400
 * before any controller, security check or session sees it. PostgreSQL cannot store U+0000, so letting one
 * through would end as a server error halfway into a transaction.
 */
@Configuration(proxyBeanMethods = false)
class BadInputFilter {

	static final int MAX_QUERY = 8192;
	static final String ORIGINAL_METHOD = Problems.ORIGINAL_METHOD;

	@Bean
	FilterRegistrationBean<Gate> badInputGate() {
		FilterRegistrationBean<Gate> registration = new FilterRegistrationBean<>(new Gate());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.addUrlPatterns("/*");
		return registration;
	}

	static final class Gate extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			// the error dispatch sees GET; its 405 answer names the method that was refused
			request.setAttribute(ORIGINAL_METHOD, request.getMethod());
			// parameters are parsed once: read as UTF-8, as every later reader expects (this runs before Spring's
			// encoding filter)
			if (request.getCharacterEncoding() == null) {
				request.setCharacterEncoding(StandardCharsets.UTF_8.name());
			}
			String query = request.getQueryString();
			if (query != null && query.length() > MAX_QUERY) {
				refuse(request, response, "problem.query-too-long.detail");
				return;
			}
			if (hasEncodedNul(request.getRequestURI()) || (query != null && hasEncodedNul(query))
					|| (!isMultipart(request) && parametersHaveNul(request))) {
				refuse(request, response, "problem.nul.detail");
				return;
			}
			if (isJson(request)) {
				chain.doFilter(new NulRefusingRequest(request), response);
				return;
			}
			chain.doFilter(request, response);
		}

		/** The error page answers, as problem+json for the API and JSON clients and as a page otherwise. */
		private static void refuse(HttpServletRequest request, HttpServletResponse response, String detailKey)
				throws IOException {
			request.setAttribute(Problems.DETAIL_KEY, detailKey);
			response.sendError(HttpStatus.BAD_REQUEST.value());
		}

		private static boolean hasEncodedNul(String raw) {
			return raw.indexOf('\0') >= 0 || raw.toLowerCase(Locale.ROOT).contains("%00");
		}

		private static boolean parametersHaveNul(HttpServletRequest request) {
			try {
				for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
					if (TextRules.hasNul(e.getKey())) {
						return true;
					}
					for (String value : e.getValue()) {
						if (TextRules.hasNul(value)) {
							return true;
						}
					}
				}
				return false;
			}
			catch (IllegalStateException e) {
				return false; // a form past the container's limits: the container answers it
			}
		}

		private static boolean isMultipart(HttpServletRequest request) {
			String type = request.getContentType();
			return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
		}

		private static boolean isJson(HttpServletRequest request) {
			String type = request.getContentType();
			if (type == null) {
				return false;
			}
			String t = type.toLowerCase(Locale.ROOT);
			return t.startsWith("application/json") || (t.startsWith("application/") && t.contains("+json"));
		}
	}

	/** A JSON body read through a scanner that stops at a NUL byte or an unescaped {@code \u0000}. */
	static final class NulRefusingRequest extends HttpServletRequestWrapper {

		private ServletInputStream stream;

		NulRefusingRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = new NulScanningStream(super.getInputStream());
			}
			return stream;
		}
	}

	static final class NulScanningStream extends ServletInputStream {

		private final ServletInputStream in;
		private final JsonNulScanner scanner = new JsonNulScanner();

		NulScanningStream(ServletInputStream in) {
			this.in = in;
		}

		@Override
		public int read() throws IOException {
			int b = in.read();
			if (b >= 0) {
				scanner.accept((byte) b);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = in.read(buffer, offset, length);
			for (int i = 0; i < n; i++) {
				scanner.accept(buffer[offset + i]);
			}
			return n;
		}

		@Override
		public boolean isFinished() {
			return in.isFinished();
		}

		@Override
		public boolean isReady() {
			return in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			in.setReadListener(listener);
		}
	}

	/**
	 * Follows JSON's escapes byte by byte: a raw 0x00, or {@code \u0000} whose backslash is not itself escaped,
	 * is a NUL inside the document.
	 */
	static final class JsonNulScanner {

		private static final byte[] UNICODE_NUL = "u0000".getBytes(StandardCharsets.US_ASCII);

		private boolean escaped;
		private int matched = -1; // bytes of "u0000" matched after an escaping backslash, or -1

		void accept(byte b) throws NulInText {
			if (b == 0) {
				throw new NulInText();
			}
			if (matched >= 0) {
				matched = b == UNICODE_NUL[matched] ? matched + 1 : -1;
				if (matched == UNICODE_NUL.length) {
					throw new NulInText();
				}
				if (matched >= 0) {
					return;
				}
			}
			if (escaped) {
				escaped = false;
				matched = b == 'u' ? 1 : -1;
				return;
			}
			if (b == '\\') {
				escaped = true;
			}
		}
	}

	/** Raised while a JSON body is read; {@link ProblemHandling} answers it as 400. */
	static final class NulInText extends IOException {

		NulInText() {
			super("The document holds a NUL character (U+0000)");
		}
	}
}
