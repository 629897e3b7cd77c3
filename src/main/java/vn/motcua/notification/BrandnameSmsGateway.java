package vn.motcua.notification;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;

/**
 * SMS brandname through an HTTP gateway in the shape Vietnamese providers publish (eSMS-style JSON: {@code ApiKey},
 * {@code SecretKey}, {@code Phone}, {@code Content}, {@code Brandname}, {@code SmsType}, {@code RequestId} →
 * {@code CodeResult} "100" and {@code SMSID}). Codes naming a wrong key, brandname or phone are final; any other
 * answer, a 5xx or no answer is tried again. The text is sent without diacritics, as brandname templates are
 * registered, so that a message fits two 160-character parts instead of five 70-character ones.
 */
class BrandnameSmsGateway implements Gateways.Sms {

	/** Codes of the gateway that retrying cannot fix: authentication, brandname, phone number, content rules. */
	private static final Set<String> FINAL_CODES = Set.of("101", "102", "103", "104", "118", "119", "124", "146");

	private final Supplier<Optional<URI>> url;
	private final NotificationSettings.Sms settings;
	private final JsonPost post;

	BrandnameSmsGateway(Supplier<Optional<URI>> url, NotificationSettings.Sms settings) {
		this.url = url;
		this.settings = settings;
		this.post = new JsonPost("Cổng SMS", settings.connectTimeout(), settings.timeout());
	}

	@Override
	public String send(String phone, String text, String requestId) throws DeliveryFailure {
		URI target = url.get().orElseThrow(() -> new DeliveryFailure("Chưa có cổng SMS.", false));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("ApiKey", settings.apiKey());
		body.put("SecretKey", settings.secretKey());
		body.put("Phone", phone);
		body.put("Content", text);
		body.put("Brandname", settings.brandname());
		body.put("SmsType", "2");
		body.put("IsUnicode", "0");
		body.put("RequestId", requestId);
		JsonNode answer = post.send(target, Map.of(), body);
		String code = answer.path("CodeResult").asString("");
		if (!"100".equals(code)) {
			String error = answer.path("ErrorMessage").asString("");
			throw new DeliveryFailure("Cổng SMS từ chối (mã " + code + (error.isBlank() ? "" : ": " + error) + ").",
					FINAL_CODES.contains(code));
		}
		return answer.path("SMSID").asString(requestId);
	}
}
