package vn.motcua.document;

import org.springframework.http.HttpStatus;

import vn.motcua.platform.DomainProblem;

/** A file that is not taken: wrong type, empty, or too large (413). */
public final class RefusedDocument extends DomainProblem {

	public RefusedDocument(HttpStatus status, String detail) {
		super(status, status == HttpStatus.CONTENT_TOO_LARGE ? "too-large" : "invalid-document", detail);
	}
}
