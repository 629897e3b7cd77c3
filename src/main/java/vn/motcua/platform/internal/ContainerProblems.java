package vn.motcua.platform.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.Container;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * What Tomcat refuses before any servlet runs (an encoded slash or NUL in the path, a malformed URI, headers
 * past their limit) is answered as problem+json too, not the container's HTML page; see docs/api.md, "Bad
 * input, everywhere".
 */
@Configuration(proxyBeanMethods = false)
class ContainerProblems {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
		return factory -> factory.addContextCustomizers((TomcatContextCustomizer) context -> {
			Container host = context.getParent();
			if (host instanceof StandardHost h) {
				h.setErrorReportValveClass(ProblemReportValve.class.getName());
			}
		});
	}

	/** Tomcat instantiates it by class name: public, with a public no-argument constructor. */
	public static class ProblemReportValve extends ErrorReportValve {

		public ProblemReportValve() {
			setShowReport(false);
			setShowServerInfo(false);
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			HttpStatus resolved = HttpStatus.resolve(status);
			String title = status == 400 ? "Yêu cầu không hợp lệ"
					: resolved != null ? resolved.getReasonPhrase() : "Lỗi " + status;
			String detail = status == 400 ? "Địa chỉ hoặc tiêu đề của yêu cầu không hợp lệ (ký tự bị cấm hoặc quá dài)."
					: title;
			String type = status == 400 ? "invalid-request" : "http-" + status;
			String body = "{\"type\":\"/problems/" + type + "\",\"title\":\"" + title + "\",\"status\":" + status
					+ ",\"detail\":\"" + detail + "\"}";
			try {
				response.setContentType("application/problem+json");
				response.setCharacterEncoding(StandardCharsets.UTF_8.name());
				Writer writer = response.getReporter();
				if (writer != null) {
					writer.write(body);
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException e) {
				// the client is gone: nothing to report to
			}
		}
	}
}
