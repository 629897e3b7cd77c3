package vn.motcua.portal.web;

import java.util.Map;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.motcua.platform.Problems;

/**
 * Errors that no controller answered (unknown path, wrong method, a container or filter refusal):
 * problem+json for the API and for clients asking for JSON, a page in the visitor's language otherwise.
 */
@Controller
class ErrorPages implements ErrorController {

	private static final Map<HttpStatus, String> PROBLEM_TYPES = Map.of(HttpStatus.BAD_REQUEST, "invalid-request",
			HttpStatus.UNAUTHORIZED, "unauthenticated", HttpStatus.FORBIDDEN, "forbidden", HttpStatus.NOT_FOUND,
			"not-found", HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", HttpStatus.CONTENT_TOO_LARGE,
			"too-large", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", HttpStatus.TOO_MANY_REQUESTS,
			"rate-limited", HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", HttpStatus.SERVICE_UNAVAILABLE,
			"unavailable");

	private final MessageSource messages;

	ErrorPages(MessageSource messages) {
		this.messages = messages;
	}

	@RequestMapping(value = "/error", produces = { MediaType.APPLICATION_JSON_VALUE,
			MediaType.APPLICATION_PROBLEM_JSON_VALUE })
	ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
		HttpStatus status = status(request);
		String typeId = PROBLEM_TYPES.getOrDefault(status, "http-" + status.value());
		String title = text("problem." + typeId + ".title", status.getReasonPhrase());
		// the details of 405 and 415 name what was sent
		Object subject = status == HttpStatus.UNSUPPORTED_MEDIA_TYPE ? String.valueOf(request.getContentType())
				: String.valueOf(java.util.Objects.requireNonNullElse(
						request.getAttribute(Problems.ORIGINAL_METHOD), request.getMethod()));
		String detail = request.getAttribute(Problems.DETAIL_KEY) instanceof String key ? text(key, title)
				: text("problem." + typeId + ".detail", title, subject);
		ProblemDetail problem = Problems.of(status, typeId, title, detail);
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri != null) {
			problem.setInstance(java.net.URI.create(uri.toString()));
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	@RequestMapping("/error")
	Object page(HttpServletRequest request, HttpServletResponse response, Model model) {
		if (WebConfiguration.isApi(request)) {
			return problem(request);
		}
		HttpStatus status = status(request);
		response.setStatus(status.value());
		model.addAllAttributes(Map.of("status", status.value(), "kind", kind(status)));
		return "error";
	}

	private String text(String key, String fallback, Object... args) {
		return messages.getMessage(key, args, fallback, LocaleContextHolder.getLocale());
	}

	private static String kind(HttpStatus status) {
		return switch (status) {
			case NOT_FOUND -> "not-found";
			case FORBIDDEN -> "forbidden";
			case TOO_MANY_REQUESTS -> "too-many";
			default -> status.is4xxClientError() ? "bad-request" : "server";
		};
	}

	private static HttpStatus status(HttpServletRequest request) {
		// a filter (the token check, the session) found the database silent: the caller may retry
		if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t
				&& vn.motcua.platform.DatabaseFailures.isUnavailable(t)) {
			return HttpStatus.SERVICE_UNAVAILABLE;
		}
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
		return status != null ? status : HttpStatus.INTERNAL_SERVER_ERROR;
	}
}
