package vn.motcua.platform;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/** The list convention of the API: {@code page} from 0, {@code size} 1–100. */
public final class PageRequestParams {

	private PageRequestParams() {
	}

	public static void check(int page, int size) {
		if (page < 0) {
			throw new InvalidPaging("page", "page phải ≥ 0");
		}
		if (size < 1 || size > 100) {
			throw new InvalidPaging("size", "size phải từ 1 đến 100");
		}
	}

	static final class InvalidPaging extends DomainProblem {

		private final String field;

		InvalidPaging(String field, String message) {
			super(HttpStatus.BAD_REQUEST, "invalid-parameter", message);
			this.field = field;
		}

		@Override
		public Map<String, Object> properties() {
			return Map.of("errors", List.of(Map.of("field", field, "message", getMessage())));
		}
	}
}
