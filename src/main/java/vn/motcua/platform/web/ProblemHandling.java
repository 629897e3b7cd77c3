package vn.motcua.platform.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import vn.motcua.platform.DomainProblem;
import vn.motcua.platform.InvalidFields;
import vn.motcua.platform.Problems;

/**
 * Every failure of an API controller answers RFC 9457 problem+json, titled in the caller's language
 * (Vietnamese by default). User mistakes are 4xx; only our own faults are 500, logged with their stack
 * trace. Failures before any controller is chosen (unknown path, wrong method) go through the error page,
 * which answers problem+json for the API too.
 */
@RestControllerAdvice(annotations = RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ProblemHandling extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

	private final MessageSource messages;

	ProblemHandling(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(InvalidFields.class)
	ResponseEntity<Object> invalidFields(InvalidFields e) {
		ProblemDetail problem = Problems.of(e.status(), e.typeId(), title(e.typeId(), e.status()),
				text("problem.validation.detail"));
		e.properties(err -> text(err.messageKey(), err.args())).forEach(problem::setProperty);
		return problem(problem, new HttpHeaders());
	}

	@ExceptionHandler(DomainProblem.class)
	ResponseEntity<Object> domainProblem(DomainProblem e) {
		ProblemDetail problem = Problems.of(e.status(), e.typeId(), title(e.typeId(), e.status()), e.detail());
		e.properties().forEach(problem::setProperty);
		HttpHeaders headers = new HttpHeaders();
		e.headers().forEach(headers::add);
		return problem(problem, headers);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
		return badRequest("invalid-parameter", text("problem.invalid-parameter.detail", e.getName()),
				List.of(Map.of("field", e.getName(), "message", text("problem.invalid-value", String.valueOf(e.getValue())))));
	}

	/** A JSON value read by a controller turned out of its type's range (a version past an int, say). */
	@ExceptionHandler(tools.jackson.core.JacksonException.class)
	ResponseEntity<Object> unreadableValue(tools.jackson.core.JacksonException e) {
		return badRequest("unreadable-body", text("problem.unreadable-body.detail"), null);
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<Object> illegalArgument(IllegalArgumentException e) {
		return badRequest("invalid-request", e.getMessage(), null);
	}

	/** A method-level rule ({@code @PreAuthorize}) refused an authenticated caller. */
	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Object> accessDenied(AccessDeniedException e) {
		return problem(Problems.of(HttpStatus.FORBIDDEN, "forbidden", title("forbidden", HttpStatus.FORBIDDEN),
				text("problem.forbidden.detail")), new HttpHeaders());
	}

	/**
	 * Last line of the bad-input rules: PostgreSQL refused a value (SQLSTATE class 22: a NUL, a number or date
	 * out of its column's range, a string past its limit). The transaction has rolled back, nothing is written.
	 */
	@ExceptionHandler(org.springframework.dao.DataAccessException.class)
	ResponseEntity<Object> dataAccess(org.springframework.dao.DataAccessException e) throws Exception {
		if (vn.motcua.platform.DatabaseFailures.isBadValue(e)) {
			log.warn("A value PostgreSQL refused reached it: {}", e.getMostSpecificCause().getMessage());
			return badRequest("invalid-request", text("problem.bad-value.detail"), null);
		}
		if (vn.motcua.platform.DatabaseFailures.isUnavailable(e)) {
			return unavailable();
		}
		return unexpected(e);
	}

	private ResponseEntity<Object> unavailable() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "5");
		return problem(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
				title("unavailable", HttpStatus.SERVICE_UNAVAILABLE), text("problem.unavailable.detail")), headers);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception e) {
		if (vn.motcua.platform.DatabaseFailures.isUnavailable(e)) {
			return unavailable();
		}
		log.error("Unexpected failure", e);
		return problem(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
				title("internal-error", HttpStatus.INTERNAL_SERVER_ERROR), text("problem.internal-error.detail")),
				new HttpHeaders());
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (org.springframework.core.NestedExceptionUtils.getRootCause(ex) instanceof BadInputFilter.NulInText) {
			return badRequest("invalid-request", text("problem.nul.detail"), null);
		}
		return badRequest("unreadable-body", text("problem.unreadable-body.detail"), null);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(ProblemHandling::fieldError)
			.toList();
		return badRequest("validation", text("problem.validation.detail"), errors);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap(r -> r.getResolvableErrors()
				.stream()
				.map(err -> Map.of("field", String.valueOf(r.getMethodParameter().getParameterName()), "message",
						String.valueOf(err.getDefaultMessage()))))
			.toList();
		return badRequest("validation", text("problem.validation.detail"), errors);
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return badRequest("invalid-parameter", text("problem.missing-parameter.detail", ex.getParameterName()),
				List.of(Map.of("field", ex.getParameterName(), "message", text("problem.required"))));
	}

	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return problem(Problems.of(HttpStatus.NOT_FOUND, "not-found", title("not-found", HttpStatus.NOT_FOUND),
				text("problem.not-found.detail")), new HttpHeaders());
	}

	@Override
	protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return problem(Problems.of(status, "method-not-allowed", title("method-not-allowed", status),
				text("problem.method-not-allowed.detail", ex.getMethod())), headers);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return problem(Problems.of(status, "unsupported-media-type", title("unsupported-media-type", status),
				text("problem.unsupported-media-type.detail", String.valueOf(ex.getContentType()))), headers);
	}

	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return problem(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large",
				title("too-large", HttpStatus.CONTENT_TOO_LARGE), text("problem.too-large.detail")), headers);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ProblemDetail problem = body instanceof ProblemDetail p ? p
				: Problems.of(statusCode, "http-" + statusCode.value(), title("http-" + statusCode.value(), statusCode),
						ex.getMessage());
		if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
			problem.setType(Problems.type("http-" + statusCode.value()));
		}
		return problem(problem, headers);
	}

	private ResponseEntity<Object> badRequest(String typeId, @Nullable String detail,
			@Nullable List<Map<String, String>> errors) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, typeId, title(typeId, HttpStatus.BAD_REQUEST),
				detail);
		if (errors != null) {
			problem.setProperty("errors", errors);
		}
		return problem(problem, new HttpHeaders());
	}

	private static ResponseEntity<Object> problem(ProblemDetail problem, HttpHeaders headers) {
		return ResponseEntity.status(problem.getStatus())
			.headers(headers)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	private static Map<String, String> fieldError(FieldError e) {
		return Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage()));
	}

	private String title(String typeId, HttpStatusCode status) {
		Locale locale = LocaleContextHolder.getLocale();
		String fallback = status instanceof HttpStatus s ? s.getReasonPhrase() : "Error " + status.value();
		return messages.getMessage("problem." + typeId + ".title", null, fallback, locale);
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}
}
