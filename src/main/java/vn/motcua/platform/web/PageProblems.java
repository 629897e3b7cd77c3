package vn.motcua.platform.web;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import jakarta.servlet.http.HttpServletResponse;
import vn.motcua.platform.DomainProblem;

/**
 * A refusal raised under a page (404 for a dossier one may not see, 403 for an indicator one may not ask for)
 * shows the error page with its status, in Vietnamese, instead of a server error. API controllers keep their
 * problem+json answers: {@link ProblemHandling} comes first for them.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageProblems {

	@ExceptionHandler(DomainProblem.class)
	void problem(DomainProblem e, HttpServletResponse response) throws IOException {
		response.sendError(e.status().value());
	}

	/** The same limits as the API's: a value PostgreSQL refuses is the visitor's mistake, a silent database is 503. */
	@ExceptionHandler(org.springframework.dao.DataAccessException.class)
	void database(org.springframework.dao.DataAccessException e, HttpServletResponse response) throws Exception {
		if (vn.motcua.platform.DatabaseFailures.isBadValue(e)) {
			response.sendError(400);
		}
		else if (vn.motcua.platform.DatabaseFailures.isUnavailable(e)) {
			response.sendError(503);
		}
		else {
			throw e;
		}
	}
}
