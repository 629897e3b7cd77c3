package vn.motcua.identity;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.motcua.platform.FormRedirectOrigin;

import static org.assertj.core.api.Assertions.assertThat;

class ContentSecurityPolicyTest {

	@Test
	void formsMayRedirectToTheEIdProviderAndThePaymentGatewayAndNowhereElse() {
		String policy = SecurityConfiguration.webPolicy("https://sso.dancuquocgia.gov.vn",
				List.of(FormRedirectOrigin.of("https://pay.vnpay.vn/vpcpay.html"), new FormRedirectOrigin("'self'")));
		assertThat(policy).contains("form-action 'self' https://sso.dancuquocgia.gov.vn https://pay.vnpay.vn;")
			.contains("default-src 'self'")
			.doesNotContain("'self' 'self'");
		assertThat(SecurityConfiguration.webPolicy(null, List.of())).contains("form-action 'self';");
		assertThat(FormRedirectOrigin.of("http://127.0.0.1:8443/x?y=1").origin()).isEqualTo("http://127.0.0.1:8443");
	}
}
