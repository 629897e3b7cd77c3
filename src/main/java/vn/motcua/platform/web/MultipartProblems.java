package vn.motcua.platform.web;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A multipart body the container cannot parse (a NUL in a file name, a broken boundary) fails before any
 * controller is chosen, where the API's and the pages' advice do not apply: answered here as the sender's
 * mistake, 400 (413 when too large), instead of a logged server error.
 */
@ControllerAdvice
// after the API's own advice, which answers a too-large upload under a known controller in the caller's language
@Order(Ordered.LOWEST_PRECEDENCE)
class MultipartProblems {

	@ExceptionHandler(MultipartException.class)
	void unreadable(MultipartException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
		boolean tooLarge = e instanceof MaxUploadSizeExceededException;
		HttpStatus status = tooLarge ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
		if (!request.getRequestURI().startsWith("/api/")) {
			response.sendError(status.value());
			return;
		}
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write(tooLarge
					? "{\"type\":\"/problems/too-large\",\"title\":\"Tệp quá lớn\",\"status\":413,\"detail\":\"Tệp vượt quá giới hạn cho phép.\"}"
					: "{\"type\":\"/problems/invalid-request\",\"title\":\"Yêu cầu không hợp lệ\",\"status\":400,"
							+ "\"detail\":\"Nội dung nhiều phần (multipart) không đọc được: tên tệp chứa ký tự bị cấm hoặc cấu trúc sai.\"}");
	}
}
