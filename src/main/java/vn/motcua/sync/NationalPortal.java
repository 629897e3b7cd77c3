package vn.motcua.sync;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The national portal's service API as provinces' one-stop systems call it (docs/adr/0012): a session from
 * {@code POST {url}/auth} with {@code {"username","password"}} → {@code {"session","error_code":0}}, then
 * {@code POST {url}/service} with {@code {"session","service","isUpdating","data":[…]}} → {@code {"error_code":0}}.
 * A refused session is signed in again once; any other answer than 0, a 5xx or no answer is a failure to retry.
 * The delivery's id goes as {@code MaGiaoDich}, so a repeat after a lost answer is recognisable.
 */
class NationalPortal {

	/** The portal did not take a delivery: for now, or for good ({@code rejected}: the payload itself is refused). */
	static final class Failure extends Exception {

		private final boolean rejected;

		Failure(String message) {
			this(message, false);
		}

		Failure(String message, boolean rejected) {
			super(message);
			this.rejected = rejected;
		}

		boolean rejected() {
			return rejected;
		}
	}

	private final Supplier<Optional<URI>> url;
	private final SyncSettings settings;
	private final HttpClient http;
	private final JsonMapper json = JsonMapper.builder().build();
	private final AtomicReference<@Nullable String> session = new AtomicReference<>();

	NationalPortal(Supplier<Optional<URI>> url, SyncSettings settings) {
		this.url = url;
		this.settings = settings;
		HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(settings.connectTimeout());
		if (settings.truststore() != null && !settings.truststore().isBlank()) {
			builder.sslContext(trusting(settings.truststore(), settings.truststorePassword()));
		}
		this.http = builder.build();
	}

	/** TLS that trusts only the integration's own store (the portal's CA); verification itself is never turned off. */
	private static javax.net.ssl.SSLContext trusting(String path, @Nullable String password) {
		try (java.io.InputStream in = java.nio.file.Files.newInputStream(java.nio.file.Path.of(path))) {
			java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
			store.load(in, password == null ? new char[0] : password.toCharArray());
			javax.net.ssl.TrustManagerFactory trust = javax.net.ssl.TrustManagerFactory
				.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
			trust.init(store);
			javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
			context.init(null, trust.getTrustManagers(), null);
			return context;
		}
		catch (IOException | java.security.GeneralSecurityException e) {
			throw new IllegalStateException("The national portal's trust store " + path + " cannot be read", e);
		}
	}

	void deliver(Delivery d) throws Failure {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("service", d.service());
		body.put("isUpdating", d.sequence() > 1 ? "True" : "False");
		body.put("MaGiaoDich", d.id().toString());
		body.put("data", List.of(json.readTree(d.payload())));
		JsonNode answer = call(body);
		int code = answer.path("error_code").asInt(-1);
		if (code != 0) {
			// 400: the portal refuses the payload itself; sending it again cannot help
			throw new Failure("Cổng DVCQG từ chối (error_code " + code + ": " + answer.path("message").asString("") + ").",
					code == 400);
		}
	}

	/**
	 * {@code LayDanhSachTTHC}: the national procedures the province applies, each with its code ({@code MATTHC})
	 * and the mark of its last change ({@code NGAYCAPNHAT}).
	 *
	 * @param unit the province's code on the portal; null for what the account may see
	 */
	List<JsonNode> procedureList(@Nullable String unit) throws Failure {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("service", "LayDanhSachTTHC");
		if (unit != null) {
			body.put("maDonVi", unit);
		}
		List<JsonNode> list = new java.util.ArrayList<>();
		answered(call(body), "LayDanhSachTTHC").path("result").forEach(list::add);
		return list;
	}

	/** {@code LayThuTuc}: one national procedure record (domain.md §3.1), as the national catalog import reads it. */
	JsonNode procedure(String code) throws Failure {
		JsonNode result = answered(call(Map.of("service", "LayThuTuc", "maTTHC", code)), "LayThuTuc").path("result");
		JsonNode record = result.isArray() ? result.path(0) : result;
		if (!record.isObject()) {
			throw new Failure("Cổng DVCQG không trả bản ghi thủ tục " + code + ".");
		}
		return record;
	}

	private static JsonNode answered(JsonNode answer, String service) throws Failure {
		int code = answer.path("error_code").asInt(-1);
		if (code != 0) {
			throw new Failure(service + ": Cổng DVCQG trả lời error_code " + code + " (" + answer.path("message").asString("")
					+ ").");
		}
		return answer;
	}

	/** One service call in the current session; a refused session is signed in again, once. */
	private JsonNode call(Map<String, Object> request) throws Failure {
		URI base = url.get().orElseThrow(() -> new Failure("Chưa cấu hình Cổng DVCQG."));
		String token = session.get();
		if (token == null) {
			token = signIn(base);
		}
		JsonNode answer = post(URI.create(base + "/service"), withSession(token, request));
		if (answer.path("error_code").asInt(-1) == 401) { // the session expired: once more with a new one
			answer = post(URI.create(base + "/service"), withSession(signIn(base), request));
		}
		return answer;
	}

	private static Map<String, Object> withSession(String token, Map<String, Object> request) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("session", token);
		body.putAll(request);
		return body;
	}

	private String signIn(URI base) throws Failure {
		JsonNode answer = post(URI.create(base + "/auth"), Map.of("username", String.valueOf(settings.username()),
				"password", String.valueOf(settings.password())));
		String token = answer.path("session").asString("");
		if (answer.path("error_code").asInt(-1) != 0 || token.isBlank()) {
			throw new Failure("Cổng DVCQG không cấp phiên làm việc (error_code " + answer.path("error_code").asInt(-1) + ").");
		}
		session.set(token);
		return token;
	}

	private JsonNode post(URI target, Map<String, ?> body) throws Failure {
		try {
			HttpResponse<String> r = http.send(HttpRequest.newBuilder(target)
				.timeout(settings.timeout())
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (r.statusCode() != 200) {
				throw new Failure("Cổng DVCQG trả lời HTTP " + r.statusCode() + ".");
			}
			return json.readTree(r.body());
		}
		catch (IOException e) {
			throw new Failure("Không kết nối được Cổng DVCQG: " + e.getMessage());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new Failure("Gửi bị ngắt.");
		}
		catch (RuntimeException e) {
			throw new Failure("Cổng DVCQG trả lời không đọc được.");
		}
	}
}
