package vn.motcua.registry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.identifiers.Sex;

/**
 * The adapter to the population database through the provincial data-sharing platform: {@code POST
 * {base}/v1/cong-dan/tra-cuu} with an API key and a message id, a short timeout, a few retries with
 * exponential backoff on timeouts and 5xx, and a circuit breaker so a dead registry costs nobody a wait.
 */
final class HttpPopulationRegistry implements PopulationRegistry {

	private static final DateTimeFormatter NATIONAL_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

	private final Supplier<Optional<URI>> baseUrl;
	private final @Nullable String apiKey;
	private final RegistryProperties settings;
	private final CircuitBreaker breaker;
	private final HttpClient http;
	private final JsonMapper json = JsonMapper.builder().build();

	HttpPopulationRegistry(Supplier<Optional<URI>> baseUrl, RegistryProperties settings, CircuitBreaker breaker) {
		this.baseUrl = baseUrl;
		this.apiKey = settings.apiKey();
		this.settings = settings;
		this.breaker = breaker;
		this.http = HttpClient.newBuilder()
			.connectTimeout(settings.connectTimeoutOrDefault())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	@Override
	public Answer ask(String idNumber, RegistryPurpose why, UUID messageId) throws RegistryUnreachable {
		URI base = baseUrl.get().orElseThrow(() -> new RegistryUnreachable("no registry configured"));
		if (!breaker.tryAcquire()) {
			throw new RegistryUnreachable("circuit open");
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("soDinhDanh", idNumber);
		body.put("mucDich", why.purpose());
		body.put("maHoSo", why.dossierCode());
		body.put("nguoiTraCuu", why.actor());
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/cong-dan/tra-cuu"))
			.timeout(settings.timeoutOrDefault())
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("X-Api-Key", apiKey == null ? "" : apiKey)
			.header("X-Request-Id", messageId.toString())
			.POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
			.build();
		Exception last = null;
		int attempts = 1 + settings.retriesOrDefault();
		for (int attempt = 1; attempt <= attempts; attempt++) {
			try {
				HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
				if (response.statusCode() == 200) {
					Answer answer = read(response.body());
					breaker.succeeded();
					return answer;
				}
				last = new IOException("registry answered HTTP " + response.statusCode());
				if (response.statusCode() < 500 && response.statusCode() != 429) {
					break; // our request or our key is wrong: retrying cannot help
				}
			}
			catch (IOException | JacksonException | java.time.DateTimeException e) {
				last = e;
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				last = e;
				break;
			}
			if (attempt < attempts) {
				pause(settings.backoffOrDefault().multipliedBy(1L << (attempt - 1)));
			}
		}
		breaker.failed();
		throw new RegistryUnreachable("registry unreachable after " + attempts + " attempts", last);
	}

	private Answer read(byte[] body) throws IOException {
		JsonNode root = json.readTree(body);
		String code = root.path("maKetQua").asString("");
		if ("01".equals(code)) {
			return new Answer(Optional.empty(), body);
		}
		if (!"00".equals(code) || !root.path("thongTin").isObject()) {
			throw new IOException("unexpected registry answer code " + code);
		}
		JsonNode p = root.path("thongTin");
		int sex = p.path("gioiTinh").asInt(0);
		Resident resident = new Resident(p.path("soDinhDanh").asString(), p.path("hoVaTen").asString(),
				LocalDate.parse(p.path("ngayThangNamSinh").asString(), NATIONAL_DATE),
				sex == 1 ? Sex.MALE : sex == 2 ? Sex.FEMALE : null, text(p.path("thuongTru")),
				text(p.path("noiOHienNay")), text(p.path("chuHo").path("hoVaTen")), date(p.path("ngayMat")));
		return new Answer(Optional.of(resident), body);
	}

	private static @Nullable String text(JsonNode node) {
		return node.isString() ? node.asString() : null;
	}

	private static @Nullable LocalDate date(JsonNode node) {
		return node.isString() && !node.asString().isBlank() ? LocalDate.parse(node.asString(), NATIONAL_DATE) : null;
	}

	private static void pause(Duration d) {
		try {
			Thread.sleep(d.toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
