package vn.motcua.platform.web;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.motcua.platform.Problems;

/**
 * A multipart body the container cannot parse (a NUL in a file name, a broken boundary) fails before any
 * controller is chosen, where the API's and the pages' advice do not apply: the sender's mistake, 400 (413 when
 * too large), answered by the error page (problem+json or a page) instead of a logged server error.
 */
@ControllerAdvice
// after the API's own advice, which answers a too-large upload under a known controller in the caller's language
@Order(Ordered.LOWEST_PRECEDENCE)
class MultipartProblems {

	@ExceptionHandler(MultipartException.class)
	void unreadable(MultipartException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
		boolean tooLarge = e instanceof MaxUploadSizeExceededException;
		request.setAttribute(Problems.DETAIL_KEY, tooLarge ? "problem.too-large.detail" : "problem.multipart.detail");
		response.sendError((tooLarge ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST).value());
	}
}
