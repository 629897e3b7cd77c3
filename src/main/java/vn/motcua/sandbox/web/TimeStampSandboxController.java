package vn.motcua.sandbox.web;

import java.io.IOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import vn.motcua.platform.DemoMode;

/**
 * The sandbox time-stamp authority: RFC 3161 over HTTP ({@code application/timestamp-query} in,
 * {@code application/timestamp-reply} out), answering with a token signed by a key of its own whose certificate is
 * for time-stamping only, as a real authority's is. Demo results are signed PAdES B-T through it.
 */
@RestController
@DemoMode
class TimeStampSandboxController {

	/** A policy of the sandbox's own: a real authority publishes its policy's identifier. */
	private static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.766.1");

	private final Clock clock;
	private final AtomicLong serial = new AtomicLong();
	private volatile TimeStampResponseGenerator generator;

	TimeStampSandboxController(Clock clock) {
		this.clock = clock;
	}

	@PostMapping(value = "/sandbox/tsa", produces = "application/timestamp-reply")
	ResponseEntity<byte[]> stamp(@RequestBody byte[] query) {
		try {
			TimeStampRequest request = new TimeStampRequest(query);
			byte[] reply = generator().generate(request, BigInteger.valueOf(serial.incrementAndGet()),
					Date.from(clock.instant())).getEncoded();
			return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/timestamp-reply")).body(reply);
		}
		catch (IOException | IllegalArgumentException | org.bouncycastle.tsp.TSPException e) {
			return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.TEXT_PLAIN)
				.body("not a time-stamp request".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		}
	}

	/** Made on the first request: a key and a ten-year time-stamping certificate of the sandbox authority. */
	private TimeStampResponseGenerator generator() {
		TimeStampResponseGenerator g = generator;
		if (g != null) {
			return g;
		}
		synchronized (this) {
			if (generator == null) {
				try {
					KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
					rsa.initialize(2048);
					KeyPair pair = rsa.generateKeyPair();
					X500Name name = new X500Name("CN=MotCua Sandbox TSA, O=MotCua (demo), C=VN");
					Date from = Date.from(clock.instant().minus(Duration.ofDays(1)));
					Date to = Date.from(clock.instant().plus(Duration.ofDays(3650)));
					X509Certificate cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
							name, BigInteger.valueOf(clock.millis()), from, to, name, pair.getPublic())
						.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping))
						.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
					TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(new JcaSimpleSignerInfoGeneratorBuilder()
						.build("SHA256withRSA", pair.getPrivate(), cert), new JcaDigestCalculatorProviderBuilder().build()
							.get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)), POLICY);
					tokens.addCertificates(new JcaCertStore(List.of(cert)));
					generator = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
				}
				catch (java.security.GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException
						| org.bouncycastle.cert.CertIOException | org.bouncycastle.tsp.TSPException e) {
					throw new IllegalStateException("the sandbox time-stamp authority cannot start", e);
				}
			}
			return generator;
		}
	}
}
