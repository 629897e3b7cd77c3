package vn.motcua.platform;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * A refusal the caller can act on. Each subclass names one stable problem type, answered as RFC 9457
 * {@code application/problem+json} with {@code type} ending in {@link #typeId()}.
 */
public abstract class DomainProblem extends RuntimeException {

	private final HttpStatus status;
	private final String typeId;
	private final @Nullable Text text;

	protected DomainProblem(HttpStatus status, String typeId, String detail) {
		super(detail);
		this.status = status;
		this.typeId = typeId;
		this.text = null;
	}

	/** A refusal whose detail comes from the message bundles, so the caller reads it in their language. */
	protected DomainProblem(HttpStatus status, String typeId, Text detail) {
		super(detail.vietnamese());
		this.status = status;
		this.typeId = typeId;
		this.text = detail;
	}

	/** The detail in the request's language (Vietnamese when the text was written in Vietnamese only). */
	public String detail() {
		return text == null ? getMessage()
				: text.in(org.springframework.context.i18n.LocaleContextHolder.getLocale());
	}

	public HttpStatus status() {
		return status;
	}

	public String typeId() {
		return typeId;
	}

	/** Extra members of the problem document, such as {@code errors}. */
	public Map<String, Object> properties() {
		return Map.of();
	}

	/** Response headers, such as {@code Retry-After}. */
	public Map<String, String> headers() {
		return Map.of();
	}
}
