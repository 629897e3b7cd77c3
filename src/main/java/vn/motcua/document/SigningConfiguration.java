package vn.motcua.document;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.platform.MotCuaProperties;
import vn.motcua.platform.PublicPaths;

/** Which keys sign results: a keystore when one is named, the development CA in demo mode, none otherwise. */
@Configuration(proxyBeanMethods = false)
class SigningConfiguration {

	@Bean
	SigningKeys signingKeys(@Value("${motcua.signing.keystore:}") String keystore,
			@Value("${motcua.signing.password:}") String password, MotCuaProperties properties, JdbcClient jdbc,
			TransactionTemplate tx, Clock clock) {
		if (!keystore.isBlank()) {
			return new KeystoreSigningKeys(Path.of(keystore), password);
		}
		if (properties.demo()) {
			return new DevelopmentSigningKeys(jdbc, tx, clock);
		}
		// production without a keystore refuses to sign rather than inventing keys
		return new SigningKeys() {

			@Override
			public Credential forAgency(String agencyCode, String agencyName) {
				throw new KeystoreSigningKeys.NoCertificate(agencyName);
			}

			@Override
			public List<X509Certificate> trustAnchors() {
				return List.of();
			}

			@Override
			public List<X509Certificate> certificates() {
				return List.of();
			}
		};
	}

	/**
	 * The time-stamp authority that makes result signatures PAdES B-T: {@code MOTCUA_SIGNING_TSA_URL}, or in demo
	 * mode the sandbox authority on this server; none in production without one (signatures are then baseline B).
	 */
	@Bean
	@org.springframework.boot.autoconfigure.condition.ConditionalOnExpression(
			"'${motcua.signing.tsa-url:}' != '' or '${motcua.mode:demo}'.equalsIgnoreCase('demo')")
	TimeStampAuthority timeStampAuthority(@Value("${motcua.signing.tsa-url:}") String url,
			@Value("${motcua.signing.tsa-timeout:PT5S}") java.time.Duration timeout,
			org.springframework.core.env.Environment environment) {
		java.util.function.Supplier<java.util.Optional<java.net.URI>> target = !url.isBlank()
				? () -> java.util.Optional.of(java.net.URI.create(url.strip()))
				: () -> java.util.Optional.ofNullable(environment.getProperty("local.server.port"))
					.map(port -> java.net.URI.create("http://127.0.0.1:" + port + "/sandbox/tsa"));
		return new TimeStampAuthority(target, timeout);
	}

	/** Anyone may check a result: by its id or by the file. */
	@Bean
	PublicPaths resultVerification() {
		return PublicPaths.any("/api/v1/results/*/verification", "/api/v1/results:verify", "/results/*",
				"/results/verify");
	}
}
