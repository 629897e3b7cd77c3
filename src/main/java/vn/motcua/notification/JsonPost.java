package vn.motcua.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One JSON request to a carrier's HTTP API, as the SMS and Zalo adapters send it: no answer, a time-out, or a status
 * other than 200 is a failure for now; a 200 answer is read as JSON for the adapter to judge.
 */
final class JsonPost {

	private final String carrier;
	private final HttpClient http;
	private final Duration timeout;
	private final JsonMapper json = JsonMapper.builder().build();

	JsonPost(String carrier, Duration connectTimeout, Duration timeout) {
		this.carrier = carrier;
		this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
		this.timeout = timeout;
	}

	JsonNode send(URI target, Map<String, String> headers, Map<String, Object> body) throws DeliveryFailure {
		HttpRequest.Builder request = HttpRequest.newBuilder(target)
			.timeout(timeout)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
		headers.forEach(request::header);
		HttpResponse<String> response;
		try {
			response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (HttpTimeoutException e) {
			throw new DeliveryFailure(carrier + " không trả lời kịp.", false, e);
		}
		catch (IOException e) {
			throw new DeliveryFailure("Không kết nối được " + carrier + ": " + e.getMessage(), false, e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new DeliveryFailure("Gửi qua " + carrier + " bị ngắt.", false, e);
		}
		if (response.statusCode() != 200) {
			throw new DeliveryFailure(carrier + " trả lời HTTP " + response.statusCode() + ".", false);
		}
		try {
			return json.readTree(response.body());
		}
		catch (RuntimeException e) {
			throw new DeliveryFailure(carrier + " trả lời không đọc được.", false, e);
		}
	}
}
