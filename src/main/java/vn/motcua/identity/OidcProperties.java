package vn.motcua.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The e-ID provider citizens sign in with ({@code motcua.oidc.*}: MOTCUA_OIDC_ISSUER_URI, _CLIENT_ID,
 * _CLIENT_SECRET). Without an issuer, demo mode uses the bundled sandbox and production offers no citizen
 * sign-in.
 */
@ConfigurationProperties("motcua.oidc")
record OidcProperties(@Nullable String issuerUri, @Nullable String clientId, @Nullable String clientSecret) {
}
