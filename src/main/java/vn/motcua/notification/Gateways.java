package vn.motcua.notification;

import java.util.Map;

/**
 * The ports to the systems that carry messages. Each answers the provider's id of the accepted message or
 * throws {@link DeliveryFailure}; each passes the outbox's id on ({@code Message-ID}, {@code RequestId},
 * {@code tracking_id}) so that a provider can drop a repeat sent after a lost answer.
 */
final class Gateways {

	private Gateways() {
	}

	/** E-mail over SMTP. */
	interface Email {
		String send(String to, String subject, String body, String messageId) throws DeliveryFailure;
	}

	/** SMS brandname (tin nhắn thương hiệu) through an HTTP gateway. */
	interface Sms {
		String send(String phone, String text, String requestId) throws DeliveryFailure;
	}

	/** Zalo Notification Service (ZNS): a registered template filled with data, to the Zalo account of a phone. */
	interface Zalo {
		String send(String phone, String templateId, Map<String, String> data, String trackingId) throws DeliveryFailure;
	}
}
