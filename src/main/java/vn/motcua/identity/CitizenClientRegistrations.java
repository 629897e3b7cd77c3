package vn.motcua.identity;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;

import vn.motcua.platform.MotCuaProperties;

/**
 * The one e-ID client registration, built from the issuer's OpenID discovery document on first use (the
 * sandbox issuer lives on this server, whose port is known only once it listens). A failed discovery is
 * retried at the next sign-in rather than cached.
 */
public final class CitizenClientRegistrations implements ClientRegistrationRepository {

	static final String REGISTRATION_ID = "vneid";
	static final String SANDBOX_CLIENT_ID = "motcua";
	static final String SANDBOX_CLIENT_SECRET = "sandbox-client-secret";

	private static final Logger log = LoggerFactory.getLogger(CitizenClientRegistrations.class);

	private final OidcProperties settings;
	private final MotCuaProperties motcua;
	private final Environment environment;
	private volatile @Nullable ClientRegistration registration;

	CitizenClientRegistrations(OidcProperties settings, MotCuaProperties motcua, Environment environment) {
		this.settings = settings;
		this.motcua = motcua;
		this.environment = environment;
	}

	/** Whether citizens can sign in at all in this deployment. */
	public boolean configured() {
		return issuer() != null;
	}

	@Override
	public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
		if (!REGISTRATION_ID.equals(registrationId)) {
			return null;
		}
		ClientRegistration r = registration;
		if (r != null) {
			return r;
		}
		String issuer = issuer();
		if (issuer == null) {
			return null;
		}
		try {
			boolean sandbox = settings.issuerUri() == null || settings.issuerUri().isBlank();
			r = ClientRegistrations.fromOidcIssuerLocation(issuer)
				.registrationId(REGISTRATION_ID)
				.clientName("VNeID")
				.clientId(sandbox ? SANDBOX_CLIENT_ID : String.valueOf(settings.clientId()))
				.clientSecret(sandbox ? SANDBOX_CLIENT_SECRET : String.valueOf(settings.clientSecret()))
				.scope(settings.scopes())
				.redirectUri(base() + "/login/oauth2/code/{registrationId}")
				// every provider sends sub; the ID number is read by the configured mapping (CitizenSignIn)
				.userNameAttributeName("sub")
				.build();
			registration = r;
			return r;
		}
		catch (RuntimeException e) {
			log.warn("e-ID provider {} not reachable for discovery: {}", issuer, e.getMessage());
			return null;
		}
	}

	/**
	 * Where the provider sends the browser back: {@code MOTCUA_PUBLIC_BASE_URL} when it is set (behind a proxy
	 * the request's own host is not the address registered with the provider); otherwise, as in the demo, the
	 * address the browser used.
	 */
	String base() {
		String configured = environment.getProperty("motcua.public-base-url");
		return configured == null || configured.isBlank() ? "{baseUrl}" : configured.strip().replaceAll("/+$", "");
	}

	/** The scheme, host and port of the e-ID provider, for the content security policy. */
	public @Nullable String issuerOrigin() {
		String issuer = issuer();
		if (issuer == null) {
			return null;
		}
		java.net.URI uri = java.net.URI.create(issuer);
		return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
	}

	private @Nullable String issuer() {
		if (settings.issuerUri() != null && !settings.issuerUri().isBlank()) {
			return settings.issuerUri();
		}
		if (!motcua.demo()) {
			return null;
		}
		String port = environment.getProperty("local.server.port");
		return port == null ? null : "http://127.0.0.1:" + port + "/sandbox/idp";
	}
}
