package vn.motcua.sandbox.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import vn.motcua.identifiers.PhoneNumber;
import vn.motcua.platform.ApiTime;
import vn.motcua.platform.DemoMode;
import vn.motcua.platform.InvalidParameter;
import vn.motcua.sandbox.SandboxMailboxes;
import vn.motcua.sandbox.SandboxMailboxes.Received;

/**
 * The sandboxes of the message carriers (docs/api.md, Notifications): the mail server's and the SMS gateway's
 * received messages as JSON and as pages, their outage switches, and the gateways' own APIs — an SMS brandname
 * API ({@code POST /sandbox/sms/api/send}, eSMS-style JSON with an API key) and Zalo's ZNS
 * ({@code POST /sandbox/zalo/message/template} with an {@code access_token}). The mail server itself speaks SMTP
 * (see SandboxSmtpServer).
 */
@RestController
@DemoMode
class MessageSandboxController {

	static final String SMS_KEY = "sandbox-sms-key";
	static final String ZALO_TOKEN = "sandbox-zalo-token";
	static final Map<String, String> SYSTEMS = Map.of("mail", "MAIL", "sms", "SMS", "zalo", "ZALO", "s3", "S3");

	private final SandboxMailboxes mailboxes;
	private final java.time.Clock clock;

	MessageSandboxController(SandboxMailboxes mailboxes, java.time.Clock clock) {
		this.mailboxes = mailboxes;
		this.clock = clock;
	}

	@GetMapping("/sandbox/{system:mail|sms|zalo}/messages")
	List<Map<String, @Nullable Object>> messages(@PathVariable String system, @RequestParam(required = false) @Nullable String to) {
		return mailboxes.list(SYSTEMS.get(system), to, 200).stream().map(m -> json(m)).toList();
	}

	@PutMapping("/sandbox/{system:mail|sms|zalo|s3}/outage")
	Map<String, String> outage(@PathVariable String system, @RequestBody Map<String, Object> body) {
		Object mode = body.get("mode");
		if (!"DOWN".equals(mode) && !"NONE".equals(mode)) {
			throw new InvalidParameter("mode", "mode phải là DOWN hoặc NONE");
		}
		mailboxes.outage(SYSTEMS.get(system), "DOWN".equals(mode));
		return Map.of("mode", String.valueOf(mode));
	}

	/** The SMS brandname API: 100 accepted, 101 wrong key, 118 bad phone; 503 during an outage. */
	@PostMapping("/sandbox/sms/api/send")
	ResponseEntity<Map<String, Object>> sendSms(@RequestBody Map<String, Object> body) {
		if (mailboxes.down("SMS")) {
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("CodeResult", "99",
					"ErrorMessage", "Gateway unavailable (sandbox outage)"));
		}
		if (!SMS_KEY.equals(body.get("ApiKey"))) {
			return ResponseEntity.ok(Map.of("CodeResult", "101", "ErrorMessage", "Authorize failed"));
		}
		String phone = String.valueOf(body.get("Phone"));
		String text = String.valueOf(body.get("Content"));
		if (!PhoneNumber.isValid(phone)) {
			return ResponseEntity.ok(Map.of("CodeResult", "118", "ErrorMessage", "Invalid phone number"));
		}
		Object requestId = body.get("RequestId");
		mailboxes.receive("SMS", phone, null, text, requestId == null ? null : requestId.toString());
		return ResponseEntity.ok(Map.of("CodeResult", "100", "CountRegenerate", 0, "SMSID",
				requestId == null ? "sandbox" : "sandbox-" + requestId));
	}

	/** Zalo ZNS: error 0 accepted, -124 wrong token, -108 bad phone; 503 during an outage. */
	@PostMapping("/sandbox/zalo/message/template")
	ResponseEntity<Map<String, Object>> sendZalo(@RequestHeader(name = "access_token", required = false) @Nullable String token,
			@RequestBody Map<String, Object> body) {
		if (mailboxes.down("ZALO")) {
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("error", -32, "message", "Service unavailable"));
		}
		if (!ZALO_TOKEN.equals(token)) {
			return ResponseEntity.ok(Map.of("error", -124, "message", "Access token is invalid"));
		}
		String phone = String.valueOf(body.get("phone"));
		if (!phone.matches("84[0-9]{9}")) {
			return ResponseEntity.ok(Map.of("error", -108, "message", "Phone number is invalid"));
		}
		Object data = body.get("template_data");
		String text = data instanceof Map<?, ?> m && m.get("noi_dung") != null ? String.valueOf(m.get("noi_dung")) : String.valueOf(data);
		Object tracking = body.get("tracking_id");
		mailboxes.receive("ZALO", "0" + phone.substring(2), String.valueOf(body.get("template_id")), text,
				tracking == null ? null : tracking.toString());
		return ResponseEntity.ok(Map.of("error", 0, "message", "Success", "data",
				Map.of("msg_id", "sandbox-" + tracking, "sent_time", String.valueOf(clock.millis()))));
	}

	private static Map<String, @Nullable Object> json(Received m) {
		Map<String, @Nullable Object> out = new LinkedHashMap<>();
		out.put("to", m.to());
		if (m.system().equals("MAIL")) {
			out.put("subject", m.subject());
			out.put("body", m.body());
		}
		else {
			if (m.system().equals("ZALO")) {
				out.put("template", m.subject());
			}
			out.put("text", m.body());
		}
		out.put("at", ApiTime.format(m.at()));
		return out;
	}
}
