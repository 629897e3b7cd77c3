package vn.motcua.payment;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import vn.motcua.platform.MotCuaProperties;
import vn.motcua.platform.NavigationItem;
import vn.motcua.platform.PublicPaths;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VnpayProperties.class)
// module listeners (refunds when a dossier ends) run after the commit on their own thread, not the request's
@org.springframework.scheduling.annotation.EnableAsync
class PaymentConfiguration {

	/**
	 * The VNPAY terminal from the environment; in demo mode without one, the bundled sandbox on this server
	 * (its server-side address is known only once the server listens).
	 */
	@Bean
	PaymentGateway paymentGateway(VnpayProperties vnpay, MotCuaProperties motcua, Environment environment) {
		boolean configured = vnpay.tmnCode() != null && vnpay.hashSecret() != null && vnpay.url() != null;
		if (!configured && !motcua.demo()) {
			throw new IllegalStateException("Production needs the VNPAY terminal: set MOTCUA_VNPAY_TMN_CODE, "
					+ "MOTCUA_VNPAY_HASH_SECRET and MOTCUA_VNPAY_URL (and MOTCUA_VNPAY_API_URL for querydr and refund)");
		}
		Supplier<String> self = () -> "http://127.0.0.1:" + Optional.ofNullable(environment.getProperty("local.server.port"))
			.orElse("8080") + "/sandbox/vnpay";
		if (configured) {
			String api = vnpay.apiUrl() == null ? "" : vnpay.apiUrl();
			String settlement = vnpay.settlementUrl() == null ? "" : vnpay.settlementUrl();
			return new VnpayGateway(vnpay.tmnCode(), vnpay.hashSecret(), vnpay::url, () -> api, () -> settlement);
		}
		// the browser reaches the sandbox where it reached MotCua: the pay page address is relative to the request
		return new VnpayGateway(VnpayProperties.DEMO_TERMINAL, VnpayProperties.DEMO_SECRET,
				() -> currentRequestBase().orElse(self.get().replace("/sandbox/vnpay", ""))
						+ "/sandbox/vnpay/paymentv2/vpcpay.html",
				() -> self.get() + "/merchant_webapi/api/transaction", () -> self.get() + "/settlement");
	}

	/** Scheme, host and port the current request came to, if there is one. */
	static Optional<String> currentRequestBase() {
		if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes() == null) {
			return Optional.empty();
		}
		return Optional.of(org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath()
			.build()
			.toUriString());
	}

	/** Paying online is a form whose answer redirects to the gateway's pay page. */
	@Bean
	vn.motcua.platform.FormRedirectOrigin gatewayPayPage(VnpayProperties vnpay) {
		return vnpay.url() == null ? new vn.motcua.platform.FormRedirectOrigin("'self'")
				: vn.motcua.platform.FormRedirectOrigin.of(vnpay.url());
	}

	/** The gateway calls the IPN without a session; the return page is shown to whoever comes back. */
	@Bean
	PublicPaths paymentNotifications() {
		return PublicPaths.get("/api/v1/payments/vnpay/ipn", "/payments/vnpay/return");
	}

	@Bean
	NavigationItem reconciliationNavigation() {
		return new NavigationItem("nav.reconciliation", "/admin/payments/reconciliation", java.util.Set.of("ADMIN"), 835,
				NavigationItem.Group.MONITOR);
	}

	/** Attempts left pending are asked about; refunds not yet done are tried again. */
	@Bean
	RecurringTask<Void> paymentMopUpTask(PaymentMopUp mopUp) {
		return Tasks.recurring("payment-mop-up", FixedDelay.of(Duration.ofMinutes(5)))
			.execute((instance, context) -> mopUp.run());
	}

	/** Yesterday's transactions against the gateway's, every night. */
	@Bean
	RecurringTask<Void> paymentReconciliationTask(Reconciliation reconciliation) {
		return Tasks.recurring("payment-reconciliation", com.github.kagkarlsson.scheduler.task.schedule.Schedules
			.daily(java.time.ZoneId.of("Asia/Ho_Chi_Minh"), java.time.LocalTime.of(1, 30)))
			.execute((instance, context) -> reconciliation.runForYesterday());
	}
}
