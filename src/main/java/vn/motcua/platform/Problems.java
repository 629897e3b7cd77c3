package vn.motcua.platform;

import java.net.URI;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds problem documents with MotCua's type URIs ({@code /problems/{id}}, relative to the server). */
public final class Problems {

	/** Request attribute holding the method as the client sent it (an error dispatch reports GET). */
	public static final String ORIGINAL_METHOD = "motcua.original-method";

	/**
	 * Request attribute naming the message key of the detail an error answer gives, for refusals made before
	 * any controller (a filter, a multipart body) and answered by the error page as problem+json or a page.
	 */
	public static final String DETAIL_KEY = "motcua.problem-detail";

	private Problems() {
	}

	public static URI type(String typeId) {
		return URI.create("/problems/" + typeId);
	}

	public static ProblemDetail of(HttpStatusCode status, String typeId, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type(typeId));
		problem.setTitle(title);
		return problem;
	}
}
