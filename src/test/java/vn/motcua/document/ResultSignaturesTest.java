package vn.motcua.document;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PAdES signing and verification without a database: a valid signature, one changed byte, a certificate of
 * another CA, an expired certificate, bytes added after signing, and a file that is not a PDF.
 */
class ResultSignaturesTest {

	private static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");

	private final KeyPair caKeys = rsa();
	private final X509Certificate ca = certificate("CN=Test CA", caKeys.getPublic(), "CN=Test CA", caKeys.getPrivate(), true,
			NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(365)));

	@Test
	void aSignedResultVerifiesAndAChangedByteDoesNot() throws Exception {
		ResultSignatures signatures = new ResultSignatures(keys(agency(NOW.minus(Duration.ofDays(1)),
				NOW.plus(Duration.ofDays(30))), ca), java.util.Optional.empty());
		byte[] pdf = pdf("Giay phep xay dung so 01");
		ResultSignatures.Signed signed = signatures.sign(pdf, stamp());
		assertThat(signed.signer()).isEqualTo("Sở Xây dựng");
		assertThat(new String(signed.pdf(), java.nio.charset.StandardCharsets.ISO_8859_1)).contains("ETSI.CAdES.detached");
		ResultSignatures.Verification ok = signatures.verify(signed.pdf());
		assertThat(ok.reason()).isNull();
		assertThat(ok.valid()).isTrue();
		assertThat(ok.signedAt()).isEqualTo(NOW);
		assertThat(ok.sha256()).isEqualTo(signed.sha256());

		byte[] changed = signed.pdf().clone();
		int at = new String(changed, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("Giay phep");
		changed[at] ^= 1;
		ResultSignatures.Verification tampered = signatures.verify(changed);
		assertThat(tampered.valid()).isFalse();
		assertThat(tampered.reason()).contains("thay đổi");

		byte[] appended = java.util.Arrays.copyOf(signed.pdf(), signed.pdf().length + 10);
		assertThat(signatures.verify(appended).valid()).isFalse();
		assertThat(signatures.verify(pdf).reason()).contains("không có chữ ký");
	}

	@Test
	void aCertificateOfAnotherAuthorityOrOutOfItsValidityIsNotTrusted() throws Exception {
		KeyPair otherKeys = rsa();
		X509Certificate otherCa = certificate("CN=Test CA", otherKeys.getPublic(), "CN=Test CA", otherKeys.getPrivate(), true,
				NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(365)));
		SigningKeys.Credential agency = agency(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)));
		byte[] signed = new ResultSignatures(keys(agency, ca), java.util.Optional.empty()).sign(pdf("x"), stamp()).pdf();
		ResultSignatures.Verification foreign = new ResultSignatures(keys(agency, otherCa), java.util.Optional.empty()).verify(signed);
		assertThat(foreign.valid()).isFalse();
		assertThat(foreign.reason()).contains("tin cậy");

		SigningKeys.Credential expired = agency(NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(1)));
		ResultSignatures expiredSigner = new ResultSignatures(keys(expired, ca), java.util.Optional.empty());
		ResultSignatures.Verification late = expiredSigner.verify(expiredSigner.sign(pdf("x"), stamp()).pdf());
		assertThat(late.valid()).isFalse();
		assertThat(late.reason()).contains("hết hạn");
	}

	@Test
	void aTimeStampAuthorityMakesTheSignatureBTAndItsAbsenceLeavesBaselineB() throws Exception {
		KeyPair tsaKeys = rsa();
		// an authority's certificate is for time-stamping only, and says so in a critical extension
		X509Certificate tsaCert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
				new X500Name("CN=Test CA"), BigInteger.TEN, Date.from(NOW.minus(Duration.ofDays(10))),
				Date.from(NOW.plus(Duration.ofDays(365))), new X500Name("CN=Test TSA"), tsaKeys.getPublic())
			.addExtension(Extension.extendedKeyUsage, true, new org.bouncycastle.asn1.x509.ExtendedKeyUsage(
					org.bouncycastle.asn1.x509.KeyPurposeId.id_kp_timeStamping))
			.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate())));
		Instant stampedAt = NOW.plusSeconds(2);
		com.sun.net.httpserver.HttpServer tsa = com.sun.net.httpserver.HttpServer.create(
				new java.net.InetSocketAddress("127.0.0.1", 0), 0);
		java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
		tsa.createContext("/tsa", exchange -> {
			try {
				asked.incrementAndGet();
				org.bouncycastle.tsp.TimeStampTokenGenerator tokens = new org.bouncycastle.tsp.TimeStampTokenGenerator(
						new org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA",
								tsaKeys.getPrivate(), tsaCert),
						new org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder().build().get(
								new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
										org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256)),
						new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.2.3.4"));
				tokens.addCertificates(new org.bouncycastle.cert.jcajce.JcaCertStore(List.of(tsaCert)));
				byte[] reply = new org.bouncycastle.tsp.TimeStampResponseGenerator(tokens, org.bouncycastle.tsp.TSPAlgorithms.ALLOWED)
					.generate(new org.bouncycastle.tsp.TimeStampRequest(exchange.getRequestBody().readAllBytes()),
							BigInteger.ONE, Date.from(stampedAt))
					.getEncoded();
				exchange.sendResponseHeaders(200, reply.length);
				exchange.getResponseBody().write(reply);
			}
			catch (Exception e) {
				exchange.sendResponseHeaders(500, -1);
			}
			exchange.close();
		});
		tsa.start();
		java.net.URI url = java.net.URI.create("http://127.0.0.1:" + tsa.getAddress().getPort() + "/tsa");
		TimeStampAuthority authority = new TimeStampAuthority(() -> java.util.Optional.of(url), Duration.ofSeconds(5));
		SigningKeys keys = keys(agency(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30))), ca);
		ResultSignatures signatures = new ResultSignatures(keys, java.util.Optional.of(authority));
		try {
			ResultSignatures.Verification bt = signatures.verify(signatures.sign(pdf("Quyet dinh"), stamp()).pdf());
			assertThat(bt.valid()).as(bt.reason()).isTrue();
			assertThat(bt.timestampedAt()).isEqualTo(stampedAt);
			assertThat(asked.get()).isEqualTo(1);
		}
		finally {
			tsa.stop(0);
		}
		// the authority is gone: the decision is still signed, at baseline B, and says it has no time-stamp
		ResultSignatures.Verification b = signatures.verify(signatures.sign(pdf("Quyet dinh 2"), stamp()).pdf());
		assertThat(b.valid()).isTrue();
		assertThat(b.timestampedAt()).isNull();
	}

	@Test
	void aFileThatIsNotAPdfIsRefused() {
		ResultSignatures signatures = new ResultSignatures(keys(agency(NOW.minus(Duration.ofDays(1)),
				NOW.plus(Duration.ofDays(30))), ca), java.util.Optional.empty());
		assertThatThrownBy(() -> signatures.sign("not a pdf".getBytes(), stamp())).isInstanceOf(RefusedDocument.class);
		assertThat(ResultSignatures.readable("%PDF-1.4 broken".getBytes())).isFalse();
	}

	private static ResultSignatures.Stamp stamp() {
		return new ResultSignatures.Stamp("SXD", "Sở Xây dựng", NOW, "https://motcua.example/results/1", "Kết quả");
	}

	private SigningKeys.Credential agency(Instant from, Instant to) {
		KeyPair k = rsa();
		return new SigningKeys.Credential(k.getPrivate(), List.of(certificate("CN=Sở Xây dựng,O=Test", k.getPublic(),
				"CN=Test CA", caKeys.getPrivate(), false, from, to), ca));
	}

	private static SigningKeys keys(SigningKeys.Credential credential, X509Certificate anchor) {
		return new SigningKeys() {

			@Override
			public Credential forAgency(String agencyCode, String agencyName) {
				return credential;
			}

			@Override
			public List<X509Certificate> trustAnchors() {
				return List.of(anchor);
			}

			@Override
			public List<X509Certificate> certificates() {
				return List.of();
			}
		};
	}

	private static X509Certificate certificate(String subject, PublicKey key, String issuer, PrivateKey issuerKey,
			boolean ca, Instant from, Instant to) {
		try {
			JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(issuer),
					BigInteger.valueOf(System.nanoTime()), Date.from(from), Date.from(to), new X500Name(subject), key);
			b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
			return new JcaX509CertificateConverter()
				.getCertificate(b.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
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

	private static byte[] pdf(String text) throws java.io.IOException {
		try (PDDocument doc = new PDDocument(); java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
			PDPage page = new PDPage();
			doc.addPage(page);
			try (PDPageContentStream c = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, false)) {
				c.beginText();
				c.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
				c.newLineAtOffset(72, 700);
				c.showText(text);
				c.endText();
			}
			doc.save(out);
			return out.toByteArray();
		}
	}
}
