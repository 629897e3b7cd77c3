package vn.motcua.platform;

import org.springframework.http.HttpStatus;

/** 404 with a detail the caller can act on: unknown, or not theirs to see (the answer is the same). */
public class NotFound extends DomainProblem {

	public NotFound(String detail) {
		super(HttpStatus.NOT_FOUND, "not-found", detail);
	}

	public NotFound(Text detail) {
		super(HttpStatus.NOT_FOUND, "not-found", detail);
	}
}
