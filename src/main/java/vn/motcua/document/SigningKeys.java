package vn.motcua.document;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Who signs results for an agency, and which certificates a signature must chain to (docs/adr/0009). Demo mode
 * keeps a development CA and a certificate per agency with the data; production reads a PKCS#12 keystore
 * ({@code MOTCUA_SIGNING_KEYSTORE}); an HSM or the government's remote signing service is another implementation.
 */
public interface SigningKeys {

	/** The agency's key and its certificate chain, the agency's certificate first. */
	Credential forAgency(String agencyCode, String agencyName);

	/** The certificates a result's signature must chain to. */
	List<X509Certificate> trustAnchors();

	/** The agencies' signing certificates in use, for administrators to renew them before they expire. */
	List<X509Certificate> certificates();

	record Credential(PrivateKey key, List<X509Certificate> chain) {

		public X509Certificate certificate() {
			return chain.get(0);
		}
	}
}
