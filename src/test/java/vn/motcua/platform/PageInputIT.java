package vn.motcua.platform;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import vn.motcua.MotCuaIntegrationTest;
import vn.motcua.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages under the same hostile input as the API (docs/api.md, "Bad input, everywhere"): every page the
 * application maps for GET, read from its own handler mappings so that a new page is covered, with hostile path
 * variables and query parameters, as an administrator signed in through the form and as a visitor. No page may
 * answer 5xx; refusals are pages in Vietnamese.
 */
@MotCuaIntegrationTest
class PageInputIT {

	private static final List<String> SEGMENTS = List.of("%00", "99999999999999999999", "-1", "%2B999999999-12-31",
			"%E2%80%AEx", "x".repeat(300));
	private static final List<String> VALUES = List.of("%00", "99999999999999999999", "-5", "%2B999999999-12-31",
			"31%2F02%2F2026", "99%2F99%2F99999", "%E2%80%AE", "x".repeat(3000));
	private static final List<String> PARAMS = List.of("page", "size", "q", "from", "to", "status", "unit", "agency",
			"code", "day", "date", "year", "month", "procedure", "field", "level", "idNumber", "lang", "sort", "channel");

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void noPageAnswers5xxToHostileAddresses() {
		TreeSet<String> pages = new TreeSet<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			boolean get = info.getMethodsCondition().getMethods().isEmpty()
					|| info.getMethodsCondition().getMethods().contains(RequestMethod.GET);
			if (get) {
				info.getPatternValues().stream()
					.filter(p -> !p.startsWith("/api/") && !p.startsWith("/sandbox") && !p.startsWith("/error")
							&& !p.startsWith("/v3/") && !p.startsWith("/swagger") && !p.equals("/logout"))
					.forEach(pages::add);
			}
		}
		WebSession admin = new WebSession(port);
		assertThat(WebSession.location(admin.signIn("admin", "admin"))).doesNotContain("error");
		WebSession visitor = new WebSession(port);
		List<String> failures = new ArrayList<>();
		Map<Integer, Integer> byStatus = new TreeMap<>();
		int sent = 0;
		for (String page : pages) {
			List<String> urls = new ArrayList<>();
			if (page.contains("{")) {
				for (String s : SEGMENTS) {
					urls.add(page.replaceAll("\\{[^}]+}", s));
				}
			}
			String plain = page.replaceAll("\\{[^}]+}", "X-0");
			for (String v : VALUES) {
				StringBuilder url = new StringBuilder(plain).append('?');
				for (String p : PARAMS) {
					url.append(p).append('=').append(v).append('&');
				}
				urls.add(url.toString());
			}
			for (String url : urls) {
				for (WebSession who : List.of(admin, visitor)) {
					HttpResponse<String> r = who.get(url);
					sent++;
					byStatus.merge(r.statusCode(), 1, Integer::sum);
					if (r.statusCode() >= 500) {
						failures.add(r.statusCode() + " " + url.substring(0, Math.min(url.length(), 160)));
					}
				}
			}
		}
		System.out.printf("page sweep: %d pages, %d requests, answers by status %s%n", pages.size(), sent, byStatus);
		assertThat(pages.size()).isGreaterThan(30);
		assertThat(failures).as("pages answering 5xx").isEmpty();
	}
}
