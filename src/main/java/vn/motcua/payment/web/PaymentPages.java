package vn.motcua.payment.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import vn.motcua.identity.Caller;
import vn.motcua.identity.Callers;
import vn.motcua.dossier.DossierFees;
import vn.motcua.identity.Role;
import vn.motcua.payment.PaymentGateway;
import vn.motcua.payment.PaymentMethod;
import vn.motcua.payment.Payments;
import vn.motcua.payment.Reconciliation;
import vn.motcua.platform.DomainProblem;

/**
 * The pages of payments: the fee panel of a dossier (loaded into the dossier page), paying online or
 * recording a counter payment, the gateway's return page (it shows, the IPN decides), and reconciliation.
 */
@Controller
class PaymentPages {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");

	private final Payments payments;
	private final DossierFees fees;
	private final PaymentGateway gateway;
	private final Reconciliation reconciliation;
	private final Callers callers;
	private final java.time.Clock clock;

	PaymentPages(Payments payments, DossierFees fees, PaymentGateway gateway, Reconciliation reconciliation,
			Callers callers, java.time.Clock clock) {
		this.payments = payments;
		this.fees = fees;
		this.gateway = gateway;
		this.reconciliation = reconciliation;
		this.callers = callers;
		this.clock = clock;
	}

	@GetMapping("/dossiers/{code}/payments-panel")
	String panel(@PathVariable String code, Authentication auth, Model model) {
		Caller caller = callers.of(auth);
		DossierFees.Owed owed = fees.owed(code, caller, false);
		model.addAttribute("dossier", owed.dossier());
		model.addAttribute("owed", owed.owedVnd());
		model.addAttribute("payments", payments.ofDossier(code, caller));
		model.addAttribute("mayPayOnline", owed.owedVnd() > 0 && caller.citizen());
		model.addAttribute("mayRecord", owed.owedVnd() > 0 && caller.has(Role.ONE_STOP_OFFICER));
		model.addAttribute("mayExempt", owed.owedVnd() > 0
				&& (caller.has(Role.ONE_STOP_OFFICER) || caller.has(Role.DEPARTMENT_LEADER)));
		return "payment/panel :: panel";
	}

	/** The applicant is sent to the gateway; an officer records cash or a transfer and stays. */
	@PostMapping("/dossiers/{code}/pay")
	String pay(@PathVariable String code, @RequestParam(required = false) @Nullable String method, Authentication auth,
			HttpServletRequest request, RedirectAttributes flash) {
		PaymentMethod m = method == null ? PaymentMethod.ONLINE : PaymentController.method(Map.of("method", method));
		try {
			Payments.Ordered o = payments.order(code, m, callers.of(auth), PaymentController.browser(request));
			if (o.payUrl() != null) {
				return "redirect:" + o.payUrl();
			}
			flash.addFlashAttribute("done", "PAYMENT_SETTLED");
		}
		catch (DomainProblem e) {
			if (e.status().value() == 404) {
				throw e;
			}
			flash.addFlashAttribute("errors", java.util.List.of(e.detail()));
		}
		return "redirect:/dossiers/" + code;
	}

	@PostMapping("/dossiers/{code}/fee-exemption")
	String exempt(@PathVariable String code, @RequestParam(defaultValue = "") String reason, Authentication auth,
			RedirectAttributes flash) {
		try {
			fees.exempt(code, reason, callers.of(auth));
			flash.addFlashAttribute("done", "FEE_EXEMPTED");
		}
		catch (DomainProblem e) {
			if (e.status().value() == 404) {
				throw e;
			}
			flash.addFlashAttribute("errors", java.util.List.of(e.detail()));
		}
		return "redirect:/dossiers/" + code;
	}

	/** Where the gateway sends the browser back: shown after checking the signature; the IPN settles. */
	@GetMapping("/payments/vnpay/return")
	String returned(@RequestParam Map<String, String> params, Model model) {
		boolean valid = gateway.verify(params) && gateway.ourTerminal(params);
		model.addAttribute("valid", valid);
		model.addAttribute("success", valid && "00".equals(params.get("vnp_ResponseCode"))
				&& "00".equals(params.get("vnp_TransactionStatus")));
		model.addAttribute("responseCode", params.getOrDefault("vnp_ResponseCode", "?"));
		String ref = params.getOrDefault("vnp_TxnRef", "");
		// the reference is the dossier code and the attempt number
		model.addAttribute("dossierCode", valid && ref.lastIndexOf('-') > 0 ? ref.substring(0, ref.lastIndexOf('-')) : null);
		return "payment/return";
	}

	@GetMapping("/admin/payments/reconciliation")
	String reconciliation(Model model) {
		model.addAttribute("runs", reconciliation.recent(60));
		model.addAttribute("refunds", reconciliation.refundsOutstanding());
		if (!model.containsAttribute("day")) {
			model.addAttribute("day", LocalDate.now(clock.withZone(vn.motcua.platform.Zones.VIETNAM)).minusDays(1).format(DAY));
		}
		return "payment/reconciliation";
	}

	@PostMapping("/admin/payments/reconciliation")
	String run(@RequestParam String day, Authentication auth, RedirectAttributes flash) {
		Optional<LocalDate> parsed;
		try {
			parsed = Optional.of(LocalDate.parse(day.strip(), DAY));
		}
		catch (DateTimeParseException e) {
			parsed = Optional.empty();
		}
		if (parsed.isEmpty()) {
			flash.addFlashAttribute("error", "Ngày không hợp lệ; ghi theo dạng dd/MM/yyyy.");
			flash.addFlashAttribute("day", day);
			return "redirect:/admin/payments/reconciliation";
		}
		try {
			reconciliation.run(parsed.get(), auth.getName());
		}
		catch (PaymentGateway.Unavailable e) {
			flash.addFlashAttribute("error", "Không lấy được dữ liệu giao dịch của cổng thanh toán: " + e.getMessage());
		}
		return "redirect:/admin/payments/reconciliation";
	}
}
