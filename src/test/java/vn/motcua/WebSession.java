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
	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(cookies)
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	public WebSession(int port) {
		this.base = "http://localhost:" + port;
	}

	/**
	 * A citizen signed in through the sandbox e-ID provider, as a browser does it.
	 *
	 * @param level the assurance level to present (1 or 2)
	 */
	public static WebSession citizen(int port, String idNumber, int level) {
		WebSession web = new WebSession(port);
		String login = location(web.get(location(web.get("/oauth2/authorization/vneid"))));
		HttpResponse<String> done = web.follow(web.post(login, csrf(web.get(login).body()),
				"idNumber=" + idNumber + "&level=" + level), 5);
		if (done.statusCode() != 200 || !done.body().contains("account-id-number")) {
			throw new AssertionError("citizen sign-in failed: " + done.statusCode());
		}
		return web;
	}

	/** A JSON call riding on this session, with the CSRF token from its cookie as a page script sends it. */
	public Api.Response json(String method, String path, String body) {
		return json(method, path, body, true);
	}

	/** As {@link #json(String, String, String)}, optionally leaving the CSRF token out (a forged request). */
	public Api.Response json(String method, String path, String body, boolean withCsrfToken) {
		HttpRequest.Builder r = HttpRequest.newBuilder(uri(path))
			.header("Accept", "application/json, application/problem+json")
			.header("Content-Type", "application/json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		String token = cookie("XSRF-TOKEN");
		if (token != null && withCsrfToken) {
			r.header("X-XSRF-TOKEN", token);
		}
		HttpResponse<String> response = send(r.build());
		return new Api.Response(response.statusCode(), response.body(), response);
	}

	public String cookie(String name) {
		return cookies.getCookieStore()
			.get(URI.create(base))
			.stream()
			.filter(c -> c.getName().equals(name))
			.map(java.net.HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	/** A path on this server, or a full URL (the sandbox provider lives on 127.0.0.1). */
	public HttpResponse<String> get(String pathOrUrl) {
		return send(HttpRequest.newBuilder(uri(pathOrUrl)).header("Accept", "text/html").GET().build());
	}

	/** A download (an export), its body as bytes. */
	public HttpResponse<byte[]> download(String path) {
		try {
			return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** Posts a form; {@code form} is already URL-encoded, without the CSRF token, which is added. */
	public HttpResponse<String> post(String pathOrUrl, String csrfToken, String form) {
		String body = "_csrf=" + encode(csrfToken) + (form.isEmpty() ? "" : "&" + form);
		return send(HttpRequest.newBuilder(uri(pathOrUrl))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/** Posts one file as a multipart form, as a browser's file input does. */
	public HttpResponse<String> postFile(String pathOrUrl, String csrfToken, String field, String fileName,
			String contentType, byte[] content) {
		String boundary = "----motcua" + System.nanoTime();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrfToken
				+ "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
				+ fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(uri(pathOrUrl))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
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
