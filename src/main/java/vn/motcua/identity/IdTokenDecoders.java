package vn.motcua.identity;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Decoders of the e-ID provider's ID tokens: signatures by its JWK set with any of the configured algorithms,
 * then the OpenID Connect checks (issuer, audience, issued-at, expiry). Those times are the provider's, stamped
 * on the real time, and are judged on it as the protocol means, not on the injected domain clock (which tests
 * stop and move, and an operator may shift).
 */
final class IdTokenDecoders implements JwtDecoderFactory<ClientRegistration> {

	private final List<SignatureAlgorithm> algorithms;
	private final Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();

	IdTokenDecoders(List<String> algorithms) {
		this.algorithms = algorithms.stream().map(a -> {
			SignatureAlgorithm alg = SignatureAlgorithm.from(a.strip());
			if (alg == null) {
				throw new IllegalArgumentException("Unknown ID-token algorithm " + a
						+ " in MOTCUA_OIDC_ALGORITHMS (RS256, RS384, RS512, ES256, ES384, ES512, PS256, PS384, PS512)");
			}
			return alg;
		}).toList();
	}

	@Override
	public JwtDecoder createDecoder(ClientRegistration registration) {
		return decoders.computeIfAbsent(registration.getRegistrationId() + "|" + registration.getClientId()
				+ "|" + registration.getProviderDetails().getJwkSetUri(), key -> build(registration));
	}

	private JwtDecoder build(ClientRegistration registration) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(registration.getProviderDetails().getJwkSetUri())
			.jwsAlgorithms(a -> a.addAll(algorithms))
			.build();
		JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ofSeconds(60));
		OidcIdTokenValidator oidc = new OidcIdTokenValidator(registration);
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(timestamps, oidc));
		decoder.setClaimSetConverter(
				new MappedJwtClaimSetConverter(OidcIdTokenDecoderFactory.createDefaultClaimTypeConverters()));
		return decoder;
	}
}
