package vn.motcua.document;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time to stamp and sign one result (a two-page PDF, RSA-2048, PAdES baseline B) and to verify one, as FINISH and
 * the public verification do them (without the database).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ResultSigningBenchmark {

	ResultSignatures signatures;
	byte[] draft;
	byte[] signed;
	ResultSignatures.Stamp stamp;

	@Setup
	public void setUp() throws Exception {
		Instant now = Instant.now();
		KeyPair ca = rsa();
		X509Certificate caCert = certificate("CN=Bench CA", ca, "CN=Bench CA", ca, true, now);
		KeyPair agency = rsa();
		X509Certificate agencyCert = certificate("CN=Sở Xây dựng", agency, "CN=Bench CA", ca, false, now);
		SigningKeys keys = new SigningKeys() {

			@Override
			public Credential forAgency(String agencyCode, String agencyName) {
				return new Credential(agency.getPrivate(), List.of(agencyCert, caCert));
			}

			@Override
			public List<X509Certificate> trustAnchors() {
				return List.of(caCert);
			}

			@Override
			public List<X509Certificate> certificates() {
				return List.of();
			}
		};
		signatures = new ResultSignatures(keys, java.util.Optional.empty()); // baseline B: the time-stamp is a network call
		draft = pdf();
		stamp = new ResultSignatures.Stamp("SXD", "Sở Xây dựng", now, "https://motcua.example/results/1", "Kết quả");
		signed = signatures.sign(draft, stamp).pdf();
	}

	@Benchmark
	public byte[] sign() {
		return signatures.sign(draft, stamp).pdf();
	}

	@Benchmark
	public boolean verify() {
		return signatures.verify(signed).valid();
	}

	private static byte[] pdf() throws java.io.IOException {
		try (PDDocument doc = new PDDocument(); java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
			for (int p = 0; p < 2; p++) {
				PDPage page = new PDPage();
				doc.addPage(page);
				try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
					c.beginText();
					c.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
					c.newLineAtOffset(72, 720);
					for (int i = 0; i < 40; i++) {
						c.showText("Giay phep xay dung - dieu khoan " + i);
						c.newLineAtOffset(0, -16);
					}
					c.endText();
				}
			}
			doc.save(out);
			return out.toByteArray();
		}
	}

	private static X509Certificate certificate(String subject, KeyPair key, String issuer, KeyPair issuerKey, boolean ca,
			Instant now) throws Exception {
		JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(issuer), BigInteger.valueOf(System.nanoTime()),
				Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))), new X500Name(subject),
				key.getPublic());
		b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
		return new JcaX509CertificateConverter()
			.getCertificate(b.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey.getPrivate())));
	}

	private static KeyPair rsa() throws Exception {
		KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
		g.initialize(2048);
		return g.generateKeyPair();
	}
}
