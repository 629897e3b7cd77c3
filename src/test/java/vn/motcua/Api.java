package vn.motcua;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for tests that talk to the running application as outside systems do. */
public final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String JSON_ACCEPT = "application/json, application/problem+json";

	private final String base;
	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(10))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();
	private final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();

	public Api(int port) {
		this.base = "http://localhost:" + port;
	}

	public String base() {
		return base;
	}

	public Response get(String path, String token) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", JSON_ACCEPT).GET(), token);
	}

	public Response get(String path) {
		return get(path, null);
	}

	public Response post(String path, String body, String token) {
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/json")
			.header("Accept", JSON_ACCEPT)
			.POST(HttpRequest.BodyPublishers.ofString(body)), token);
	}

	public Response postJson(String path, Object body, String token) {
		return post(path, JSON.writeValueAsString(body), token);
	}

	public Response putJson(String path, Object body, String token) {
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/json")
			.header("Accept", JSON_ACCEPT)
			.PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), token);
	}

	/** Posts one file as {@code multipart/form-data} under the form field {@code file}. */
	public Response postFile(String path, String fileName, String contentType, byte[] content, String token) {
		String boundary = "----motcua" + System.nanoTime();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(URI.create(base() + path))
			.header("Accept", "application/json, application/problem+json")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), token);
	}

	public Response tokenRequest(String username, String password) {
		return postJson("/api/v1/auth/token", Map.of("username", username, "password", password), null);
	}

	/** A bearer token for a demo account (password = user name), cached per account. */
	public String token(String username) {
		return tokens.computeIfAbsent(username, u -> {
			Response r = tokenRequest(u, u);
			if (r.status() != 200) {
				throw new IllegalStateException("no token for " + u + ": " + r.status() + " " + r.body());
			}
			return r.json().get("access_token").asString();
		});
	}

	/** Sends as built; the caller sets Accept. */
	public Response send(HttpRequest.Builder request, String token) {
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(r.statusCode(), r.body(), r);
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	public record Response(int status, String body, HttpResponse<String> raw) {

		public JsonNode json() {
			return JSON.readTree(body);
		}

		public String header(String name) {
			return raw.headers().firstValue(name).orElse(null);
		}

		public String contentType() {
			return header("Content-Type");
		}
	}
}
