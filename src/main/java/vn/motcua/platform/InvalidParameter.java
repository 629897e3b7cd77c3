package vn.motcua.platform;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/** A query or path parameter the API cannot use: 400 with the field and what is wrong with it. */
public class InvalidParameter extends DomainProblem {

	private final String field;

	public InvalidParameter(String field, String message) {
		super(HttpStatus.BAD_REQUEST, "invalid-parameter", message);
		this.field = field;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("errors", List.of(Map.of("field", field, "message", getMessage())));
	}
}
