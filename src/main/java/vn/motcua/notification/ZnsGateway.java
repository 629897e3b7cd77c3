package vn.motcua.notification;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;

/**
 * Zalo Notification Service: {@code POST /message/template} with the official account's {@code access_token}
 * header and {@code {"phone":"84…","template_id","template_data",{…},"tracking_id"}}, answered
 * {@code {"error":0,"data":{"msg_id"}}}. A negative error code that names the request (template, phone, data) is
 * final; anything else is tried again.
 */
class ZnsGateway implements Gateways.Zalo {

	private final Supplier<Optional<URI>> url;
	private final NotificationSettings.Zalo settings;
	private final JsonPost post;

	ZnsGateway(Supplier<Optional<URI>> url, NotificationSettings.Zalo settings) {
		this.url = url;
		this.settings = settings;
		this.post = new JsonPost("Zalo ZNS", settings.connectTimeout(), settings.timeout());
	}

	@Override
	public String send(String phone, String templateId, Map<String, String> data, String trackingId)
			throws DeliveryFailure {
		URI base = url.get().orElseThrow(() -> new DeliveryFailure("Chưa cấu hình Zalo ZNS.", false));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("phone", international(phone));
		body.put("template_id", templateId);
		body.put("template_data", data);
		body.put("tracking_id", trackingId);
		JsonNode answer = post.send(URI.create(base + "/message/template"),
				Map.of("access_token", String.valueOf(settings.accessToken())), body);
		int error = answer.path("error").asInt(-1);
		if (error != 0) {
			// -100 … -199: the request itself is wrong (template, phone, data); others (quota, server) may pass later
			throw new DeliveryFailure("Zalo ZNS từ chối (mã " + error + ": " + answer.path("message").asString("") + ").",
					error <= -100 && error > -200);
		}
		return answer.path("data").path("msg_id").asString(trackingId);
	}

	/** ZNS wants the phone with the country code: 0912345678 → 84912345678. */
	static String international(String phone) {
		String digits = phone.replaceAll("\\D", "");
		return digits.startsWith("0") ? "84" + digits.substring(1) : digits;
	}
}
