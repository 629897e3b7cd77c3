package vn.motcua.payment.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import vn.motcua.identity.Callers;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierFees;
import vn.motcua.payment.Payment;
import vn.motcua.payment.PaymentMethod;
import vn.motcua.payment.Payments;
import vn.motcua.platform.ApiTime;
import vn.motcua.platform.InvalidParameter;

/** The payments API of docs/api.md, the VNPAY IPN address, and fee exemptions. */
@RestController
class PaymentController {

	private final Payments payments;
	private final DossierFees fees;
	private final Callers callers;

	PaymentController(Payments payments, DossierFees fees, Callers callers) {
		this.payments = payments;
		this.fees = fees;
		this.callers = callers;
	}

	/** Body {@code {"method":"ONLINE|CASH|TRANSFER"}} (default ONLINE): 201 a new attempt, 200 the pending one. */
	@PostMapping("/api/v1/dossiers/{code}/payments")
	ResponseEntity<Map<String, Object>> order(@PathVariable String code,
			@RequestBody(required = false) @Nullable Map<String, Object> body, Authentication auth,
			HttpServletRequest request) {
		Payments.Ordered o = payments.order(code, method(body), callers.of(auth), browser(request));
		Map<String, Object> json = json(o.payment());
		json.put("payUrl", o.payUrl());
		return ResponseEntity.status(o.created() ? 201 : 200).body(json);
	}

	@GetMapping("/api/v1/dossiers/{code}/payments")
	List<Map<String, Object>> ofDossier(@PathVariable String code, Authentication auth) {
		return payments.ofDossier(code, callers.of(auth)).stream().map(PaymentController::json).toList();
	}

	@GetMapping("/api/v1/payments/{id}")
	Map<String, Object> get(@PathVariable String id, Authentication auth) {
		UUID uuid;
		try {
			uuid = UUID.fromString(id);
		}
		catch (IllegalArgumentException e) {
			throw new vn.motcua.platform.NotFound("Không có khoản thanh toán " + id + ".");
		}
		return json(payments.get(uuid, callers.of(auth)));
	}

	/** VNPAY's server calls this; it always answers 200 with {@code RspCode}, whatever arrives. */
	@GetMapping("/api/v1/payments/vnpay/ipn")
	Map<String, String> ipn(@RequestParam Map<String, String> params) {
		Payments.IpnReply reply = payments.notification(params);
		Map<String, String> out = new LinkedHashMap<>();
		out.put("RspCode", reply.code());
		out.put("Message", reply.message());
		return out;
	}

	/** Miễn phí, lệ phí with its reason: body {@code {"reason"}}. */
	@PostMapping("/api/v1/dossiers/{code}/fee-exemption")
	Map<String, Object> exempt(@PathVariable String code, @RequestBody(required = false) @Nullable Map<String, Object> body,
			Authentication auth) {
		Object reason = body == null ? null : body.get("reason");
		if (!(reason instanceof String r) || r.isBlank()) {
			throw new InvalidParameter("reason", "Cần lý do miễn phí, lệ phí.");
		}
		Dossier d = fees.exempt(code, r, callers.of(auth));
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("code", d.code());
		out.put("feeVnd", d.feeVnd());
		out.put("paid", d.paid());
		out.put("feeExemption", d.feeExemption());
		out.put("status", d.status().name());
		return out;
	}

	static PaymentMethod method(@Nullable Map<String, Object> body) {
		Object m = body == null ? null : body.get("method");
		if (m == null) {
			return PaymentMethod.ONLINE;
		}
		try {
			return PaymentMethod.valueOf(String.valueOf(m).strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidParameter("method", "ONLINE, CASH hoặc TRANSFER");
		}
	}

	static Payments.Browser browser(HttpServletRequest request) {
		String base = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromContextPath(request)
			.build()
			.toUriString();
		Locale locale = org.springframework.web.servlet.support.RequestContextUtils.getLocale(request);
		return new Payments.Browser(base + "/payments/vnpay/return", request.getRemoteAddr(),
				"en".equals(locale.getLanguage()) ? "en" : "vn");
	}

	static Map<String, Object> json(Payment p) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", p.id().toString());
		m.put("txnRef", p.txnRef());
		m.put("dossierCode", p.dossierCode());
		m.put("amountVnd", p.amountVnd());
		m.put("method", p.method().name());
		m.put("status", p.status().name());
		m.put("gatewayTransactionNo", p.gatewayTransactionNo());
		m.put("createdAt", ApiTime.format(p.createdAt()));
		m.put("expiresAt", ApiTime.format(p.expiresAt()));
		m.put("paidAt", ApiTime.format(p.paidAt()));
		m.put("refundDue", p.refundDue());
		m.put("refundedAt", ApiTime.format(p.refundedAt()));
		m.put("receiptNumber", p.receiptNumber());
		return m;
	}
}
