package vn.motcua.document;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode's keys: a development CA ("MotCua Development CA") and one certificate per agency, made on first use
 * and kept in PostgreSQL with the data, so that every instance signs with the same keys and results signed before
 * a restart still verify. Never for production: the keys are as safe as the database.
 */
class DevelopmentSigningKeys implements SigningKeys {

	private static final String CA = "CA";

	private final JdbcClient jdbc;
	private final TransactionTemplate tx;
	private final Clock clock;
	private final Map<String, Credential> cache = new ConcurrentHashMap<>();

	DevelopmentSigningKeys(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.clock = clock;
	}

	@Override
	public Credential forAgency(String agencyCode, String agencyName) {
		Credential ca = ca(); // first: a map's computation must not compute another key of the same map
		return cache.computeIfAbsent(agencyCode,
				code -> stored(code).orElseGet(() -> create(code, () -> issue(agencyName, ca))));
	}

	@Override
	public List<X509Certificate> trustAnchors() {
		return List.of(ca().certificate());
	}

	@Override
	public List<X509Certificate> certificates() {
		return jdbc.sql("select subject, private_key, certificate, chain from signing_credential where subject <> ? order by subject")
			.param(CA)
			.query((rs, n) -> credential(rs.getBytes("private_key"), rs.getBytes("certificate"), rs.getBytes("chain"))
				.certificate())
			.list();
	}

	private Credential ca() {
		return cache.computeIfAbsent(CA, k -> stored(CA).orElseGet(() -> create(CA, this::selfSigned)));
	}

	private java.util.Optional<Credential> stored(String subject) {
		return jdbc.sql("select certificate, private_key, chain from signing_credential where subject = ?")
			.param(subject)
			.query((rs, n) -> credential(rs.getBytes("private_key"), rs.getBytes("certificate"), rs.getBytes("chain")))
			.optional();
	}

	/** Made once: concurrent first uses (two instances, two threads) keep the first one written. */
	private Credential create(String subject, java.util.function.Supplier<Credential> make) {
		Credential made = make.get();
		return tx.execute(s -> {
			jdbc.sql("""
					insert into signing_credential (subject, certificate, private_key, chain, created_at)
					values (?, ?, ?, ?, ?) on conflict (subject) do nothing""")
				.params(subject, encoded(made.certificate()), made.key().getEncoded(), chainBytes(made),
						Timestamp.from(clock.instant()))
				.update();
			return stored(subject).orElseThrow();
		});
	}

	private Credential selfSigned() {
		KeyPair pair = rsa();
		X500Name name = name("MotCua Development CA", "MotCua (demo — không dùng cho hồ sơ thật)");
		Instant now = clock.instant();
		try {
			X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(), Date.from(now.minus(Duration.ofDays(1))),
					Date.from(now.plus(Duration.ofDays(3650))), name, pair.getPublic());
			JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
			b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
			b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
			b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()));
			X509Certificate cert = new JcaX509CertificateConverter()
				.getCertificate(b.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
			return new Credential(pair.getPrivate(), List.of(cert));
		}
		catch (OperatorCreationException | CertificateException | java.security.NoSuchAlgorithmException
				| org.bouncycastle.cert.CertIOException e) {
			throw new IllegalStateException("cannot make the development CA", e);
		}
	}

	private Credential issue(String agencyName, Credential ca) {
		KeyPair pair = rsa();
		Instant now = clock.instant();
		try {
			X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(ca.certificate(), serial(),
					Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(730))),
					name(agencyName, "MotCua (demo)"), pair.getPublic());
			JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
			b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
			b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
			b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(ca.certificate()));
			b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()));
			X509Certificate cert = new JcaX509CertificateConverter()
				.getCertificate(b.build(new JcaContentSignerBuilder("SHA256withRSA").build(ca.key())));
			return new Credential(pair.getPrivate(), List.of(cert, ca.certificate()));
		}
		catch (OperatorCreationException | CertificateException | java.security.NoSuchAlgorithmException
				| org.bouncycastle.cert.CertIOException e) {
			throw new IllegalStateException("cannot issue a development certificate", e);
		}
	}

	private static X500Name name(String commonName, String organization) {
		return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).addRDN(BCStyle.O, organization)
			.addRDN(BCStyle.C, "VN").build();
	}

	private static BigInteger serial() {
		return new BigInteger(64, new java.security.SecureRandom()).abs().add(BigInteger.ONE);
	}

	private static KeyPair rsa() {
		try {
			KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
			g.initialize(2048);
			return g.generateKeyPair();
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static byte[] encoded(X509Certificate c) {
		try {
			return c.getEncoded();
		}
		catch (java.security.cert.CertificateEncodingException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The issuers after the certificate, concatenated DER. */
	private static byte[] chainBytes(Credential c) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		c.chain().stream().skip(1).forEach(x -> out.writeBytes(encoded(x)));
		return out.toByteArray();
	}

	private static Credential credential(byte[] key, byte[] certificate, byte[] chain) {
		try {
			CertificateFactory f = CertificateFactory.getInstance("X.509");
			List<X509Certificate> certs = new java.util.ArrayList<>();
			certs.add((X509Certificate) f.generateCertificate(new java.io.ByteArrayInputStream(certificate)));
			f.generateCertificates(new java.io.ByteArrayInputStream(chain)).forEach(c -> certs.add((X509Certificate) c));
			PrivateKey k = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(key));
			return new Credential(k, List.copyOf(certs));
		}
		catch (java.security.GeneralSecurityException e) {
			throw new IllegalStateException("a stored signing credential cannot be read", e);
		}
	}
}
