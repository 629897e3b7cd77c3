package vn.motcua;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser without JavaScript for page tests: keeps cookies per host, follows no redirect by itself, and
 * reads the CSRF token out of the last form it saw.
 */
public final class WebSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String base;
	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	public WebSession(int port) {
		this.base = "http://localhost:" + port;
	}

	/** A path on this server, or a full URL (the sandbox provider lives on 127.0.0.1). */
	public HttpResponse<String> get(String pathOrUrl) {
		return send(HttpRequest.newBuilder(uri(pathOrUrl)).header("Accept", "text/html").GET().build());
	}

	/** Posts a form; {@code form} is already URL-encoded, without the CSRF token, which is added. */
	public HttpResponse<String> post(String pathOrUrl, String csrfToken, String form) {
		String body = "_csrf=" + encode(csrfToken) + (form.isEmpty() ? "" : "&" + form);
		return send(HttpRequest.newBuilder(uri(pathOrUrl))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/** Follows redirects like a browser would, at most {@code hops} of them. */
	public HttpResponse<String> follow(HttpResponse<String> response, int hops) {
		HttpResponse<String> r = response;
		for (int i = 0; i < hops && r.statusCode() / 100 == 3; i++) {
			r = get(location(r));
		}
		return r;
	}

	/** Staff sign-in through the form, with the CSRF token of the sign-in page. */
	public HttpResponse<String> signIn(String username, String password) {
		return post("/login", csrf(get("/login").body()),
				"username=" + encode(username) + "&password=" + encode(password));
	}

	public static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no redirect"));
	}

	public static String csrf(String html) {
		Matcher m = CSRF.matcher(html);
		if (!m.find()) {
			throw new AssertionError("no CSRF field in the page");
		}
		return m.group(1);
	}

	public static String encode(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	private URI uri(String pathOrUrl) {
		return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
