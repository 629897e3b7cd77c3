package vn.motcua.document;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;

import vn.motcua.platform.DomainProblem;

/**
 * Production keys from a PKCS#12 keystore ({@code MOTCUA_SIGNING_KEYSTORE}, {@code MOTCUA_SIGNING_PASSWORD}): one
 * entry per agency, its alias the agency's code (lower case accepted); the roots of the entries' chains are the
 * trust anchors.
 */
class KeystoreSigningKeys implements SigningKeys {

	private final KeyStore store;
	private final char[] password;

	KeystoreSigningKeys(Path path, String password) {
		this.password = password.toCharArray();
		try (InputStream in = Files.newInputStream(path)) {
			this.store = KeyStore.getInstance("PKCS12");
			store.load(in, this.password);
		}
		catch (java.io.IOException | java.security.GeneralSecurityException e) {
			throw new IllegalStateException("cannot read the signing keystore " + path + ": " + e.getMessage(), e);
		}
	}

	@Override
	public Credential forAgency(String agencyCode, String agencyName) {
		try {
			for (String alias : List.of(agencyCode, agencyCode.toLowerCase(Locale.ROOT))) {
				if (store.isKeyEntry(alias)) {
					PrivateKey key = (PrivateKey) store.getKey(alias, password);
					List<X509Certificate> chain = new ArrayList<>();
					for (Certificate c : store.getCertificateChain(alias)) {
						chain.add((X509Certificate) c);
					}
					return new Credential(key, List.copyOf(chain));
				}
			}
		}
		catch (java.security.GeneralSecurityException e) {
			throw new IllegalStateException("cannot read the key of " + agencyCode, e);
		}
		throw new NoCertificate(agencyName);
	}

	@Override
	public List<X509Certificate> trustAnchors() {
		try {
			LinkedHashSet<X509Certificate> roots = new LinkedHashSet<>();
			for (String alias : Collections.list(store.aliases())) {
				Certificate[] chain = store.getCertificateChain(alias);
				if (chain != null && chain.length > 0) {
					roots.add((X509Certificate) chain[chain.length - 1]);
				}
				else if (store.isCertificateEntry(alias)) {
					roots.add((X509Certificate) store.getCertificate(alias));
				}
			}
			return List.copyOf(roots);
		}
		catch (java.security.KeyStoreException e) {
			throw new IllegalStateException(e);
		}
	}

	@Override
	public List<X509Certificate> certificates() {
		try {
			List<X509Certificate> certs = new ArrayList<>();
			for (String alias : Collections.list(store.aliases())) {
				if (store.isKeyEntry(alias)) {
					certs.add((X509Certificate) store.getCertificate(alias));
				}
			}
			return certs;
		}
		catch (java.security.KeyStoreException e) {
			throw new IllegalStateException(e);
		}
	}

	/** No certificate to sign with: the result cannot be issued until one is installed. */
	static final class NoCertificate extends DomainProblem {

		NoCertificate(String agencyName) {
			super(HttpStatus.CONFLICT, "no-signing-certificate",
					"Chưa có chứng thư số để ký kết quả cho " + agencyName + "; quản trị viên cần cài đặt kho khóa.");
		}
	}

}
