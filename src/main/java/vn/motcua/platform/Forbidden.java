package vn.motcua.platform;

import org.springframework.http.HttpStatus;

/** The caller is known but may not do this (403 {@code forbidden}), with what they lack. */
public class Forbidden extends DomainProblem {

	public Forbidden(String detail) {
		super(HttpStatus.FORBIDDEN, "forbidden", detail);
	}

	public Forbidden(Text detail) {
		super(HttpStatus.FORBIDDEN, "forbidden", detail);
	}
}
