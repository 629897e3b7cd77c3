package vn.motcua.identity;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.audit.AuditLog;
import vn.motcua.platform.MotCuaProperties;

/** Citizen sign-in through e-ID (OpenID Connect). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OidcProperties.class)
class CitizenSignInConfiguration {

	@Bean
	CitizenClientRegistrations citizenClientRegistrations(OidcProperties settings, MotCuaProperties motcua,
			Environment environment) {
		return new CitizenClientRegistrations(settings, motcua, environment);
	}

	@Bean
	CitizenSignIn citizenSignIn(JdbcCitizenAccounts accounts, TransactionTemplate tx, AuditLog audit, Clock clock,
			OidcProperties settings) {
		return new CitizenSignIn(accounts, tx, audit, clock, settings);
	}

	/**
	 * ID tokens are checked against the provider's published keys with any of the configured algorithms
	 * (Spring's default accepts RS256 only; the national SSO and others advertise ES256 too).
	 */
	@Bean
	org.springframework.security.oauth2.jwt.JwtDecoderFactory<org.springframework.security.oauth2.client.registration.ClientRegistration> idTokenDecoderFactory(
			OidcProperties settings) {
		return new IdTokenDecoders(settings.algorithms());
	}

	/** Tokens of the e-ID provider stay in the session (in PostgreSQL), never in one node's memory. */
	@Bean
	OAuth2AuthorizedClientRepository authorizedClientRepository() {
		return new HttpSessionOAuth2AuthorizedClientRepository();
	}
}
