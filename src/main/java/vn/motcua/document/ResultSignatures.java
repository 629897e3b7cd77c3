package vn.motcua.document;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import vn.motcua.platform.Hashes;
import vn.motcua.platform.QrCodes;
import vn.motcua.platform.Zones;

/**
 * PAdES signatures of results (docs/adr/0009), made with PDFBox and BouncyCastle's CMS, never by hand: the result
 * gets a visible stamp (the agency, the time, a QR code to the verification page), then a detached CAdES
 * signature ({@code ETSI.CAdES.detached}) over the whole file with the signing certificate referenced in the
 * signed attributes (ESS signing-certificate-v2), as PAdES baseline B requires. Verification checks the digest,
 * the signature, that it covers the whole file, and that the certificate chains to a trust anchor and was valid
 * when it signed.
 */
@Service
public class ResultSignatures {

	private static final DateTimeFormatter STAMP_TIME = DateTimeFormatter.ofPattern("HH:mm:ss dd/MM/uuuu")
		.withZone(Zones.VIETNAM);
	/** Room for the CMS: an RSA-4096 signature and a chain of a few certificates. */
	private static final int SIGNATURE_SIZE = 24_000;

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ResultSignatures.class);

	private final SigningKeys keys;
	private final Optional<TimeStampAuthority> tsa;

	ResultSignatures(SigningKeys keys, Optional<TimeStampAuthority> tsa) {
		this.keys = keys;
		this.tsa = tsa;
	}

	/** What the stamp says and where its QR code leads. */
	public record Stamp(String agencyCode, String agencyName, Instant at, String verifyUrl, String reason) {
	}

	/** A signed file and who signed it (the common name of the certificate). */
	public record Signed(byte[] pdf, String signer, String sha256) {
	}

	/**
	 * @param reason why it is not valid, in Vietnamese; null when valid
	 * @param timestampedAt the time a time-stamp authority vouched for (PAdES B-T); null without one
	 */
	public record Verification(boolean valid, @Nullable String reason, @Nullable String signer,
			@Nullable Instant signedAt, String sha256, @Nullable Instant timestampedAt) {

		Verification(boolean valid, @Nullable String reason, @Nullable String signer, @Nullable Instant signedAt,
				String sha256) {
			this(valid, reason, signer, signedAt, sha256, null);
		}
	}

	/** Stamps and signs a PDF for the agency; a file that is not a readable PDF is refused (400). */
	public Signed sign(byte[] pdf, Stamp stamp) {
		SigningKeys.Credential credential = keys.forAgency(stamp.agencyCode(), stamp.agencyName());
		byte[] stamped = stamped(pdf, stamp);
		try (PDDocument doc = Loader.loadPDF(stamped); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDSignature signature = new PDSignature();
			signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
			signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
			signature.setName(commonName(credential.certificate()));
			signature.setReason(stamp.reason());
			signature.setLocation("Việt Nam");
			Calendar when = GregorianCalendar.from(stamp.at().atZone(Zones.VIETNAM));
			signature.setSignDate(when);
			SignatureOptions options = new SignatureOptions();
			options.setPreferredSignatureSize(SIGNATURE_SIZE);
			doc.addSignature(signature, options);
			ExternalSigningSupport external = doc.saveIncrementalForExternalSigning(out);
			external.setSignature(timestamped(cms(external.getContent().readAllBytes(), credential, stamp.at())));
			options.close();
			byte[] signed = out.toByteArray();
			return new Signed(signed, commonName(credential.certificate()), Hashes.sha256Hex(signed));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Whether the file carries an intact signature that covers it whole and chains to a trust anchor. */
	public Verification verify(byte[] pdf) {
		String sha = Hashes.sha256Hex(pdf);
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			List<PDSignature> signatures = doc.getSignatureDictionaries();
			if (signatures.isEmpty()) {
				return new Verification(false, "Tệp không có chữ ký số.", null, null, sha);
			}
			PDSignature s = signatures.get(signatures.size() - 1);
			int[] range = s.getByteRange();
			if (range == null || range.length != 4 || range[0] != 0 || (long) range[2] + range[3] != pdf.length) {
				return new Verification(false, "Chữ ký không bao trùm toàn bộ tệp: tệp đã được thêm nội dung sau khi ký.",
						null, null, sha);
			}
			CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(s.getSignedContent(pdf)),
					contentInfo(s.getContents()));
			SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
			@SuppressWarnings("unchecked")
			X509CertificateHolder holder = (X509CertificateHolder) cms.getCertificates().getMatches(signer.getSID())
				.iterator().next();
			X509Certificate cert = new JcaX509CertificateConverter().getCertificate(holder);
			Instant at = s.getSignDate() == null ? null : s.getSignDate().toInstant();
			String name = commonName(cert);
			boolean intact;
			try {
				intact = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert));
			}
			catch (org.bouncycastle.cms.CMSVerifierCertificateNotValidException e) {
				return new Verification(false, "Chứng thư số đã hết hạn hoặc chưa có hiệu lực khi ký.", name, at, sha);
			}
			catch (CMSException e) {
				intact = false;
			}
			if (!intact) {
				return new Verification(false, "Nội dung tệp đã bị thay đổi sau khi ký.", name, at, sha);
			}
			Instant stampedAt;
			try {
				stampedAt = timestampOf(signer);
			}
			catch (org.bouncycastle.tsp.TSPException | IllegalArgumentException e) {
				return new Verification(false, "Dấu thời gian của chữ ký không khớp với chữ ký.", name, at, sha);
			}
			Optional<String> untrusted = untrusted(cert, at);
			return untrusted.map(reason -> new Verification(false, reason, name, at, sha, stampedAt))
				.orElseGet(() -> new Verification(true, null, name, at, sha, stampedAt));
		}
		catch (IOException | CMSException | java.security.GeneralSecurityException
				| org.bouncycastle.operator.OperatorCreationException | RuntimeException e) {
						return new Verification(false, "Không đọc được chữ ký số của tệp.", null, null, sha);
		}
	}

	/**
	 * The signature with a time-stamp token over it as an unsigned attribute (PAdES B-T), when an authority is
	 * configured; as it was (baseline B) when there is none or it does not answer, so that a decision is never
	 * held up by the authority (the verification then shows no time-stamp).
	 */
	private byte[] timestamped(byte[] cms) {
		if (tsa.isEmpty()) {
			return cms;
		}
		try {
			CMSSignedData signed = new CMSSignedData(cms);
			SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
			byte[] token = tsa.get().token(Hashes.sha256().digest(signer.getSignature()));
			AttributeTable unsigned = new AttributeTable(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
					new DERSet(org.bouncycastle.asn1.ASN1Primitive.fromByteArray(token))));
			SignerInformation stamped = SignerInformation.replaceUnsignedAttributes(signer, unsigned);
			return CMSSignedData.replaceSigners(signed, new org.bouncycastle.cms.SignerInformationStore(stamped))
				.getEncoded(org.bouncycastle.asn1.ASN1Encoding.DER);
		}
		catch (TimeStampAuthority.Unavailable | IOException | CMSException e) {
			log.warn("Result signed without a time-stamp (PAdES B): {}", e.getMessage());
			return cms;
		}
	}

	/**
	 * The time of the signature's time-stamp token, checked: its imprint is the hash of this signature and the
	 * token's own signature holds; null when there is none.
	 */
	private static @Nullable Instant timestampOf(SignerInformation signer) throws org.bouncycastle.tsp.TSPException {
		AttributeTable unsigned = signer.getUnsignedAttributes();
		Attribute a = unsigned == null ? null : unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
		if (a == null) {
			return null;
		}
		try {
			org.bouncycastle.tsp.TimeStampToken token = new org.bouncycastle.tsp.TimeStampToken(
					org.bouncycastle.asn1.cms.ContentInfo.getInstance(a.getAttrValues().getObjectAt(0)));
			if (!java.util.Arrays.equals(token.getTimeStampInfo().getMessageImprintDigest(),
					Hashes.sha256().digest(signer.getSignature()))) {
				throw new IllegalArgumentException("imprint");
			}
			@SuppressWarnings("unchecked")
			java.util.Collection<X509CertificateHolder> tsaCerts = token.getCertificates().getMatches(token.getSID());
			if (tsaCerts.isEmpty()) {
				throw new IllegalArgumentException("no certificate");
			}
			token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsaCerts.iterator().next()));
			return token.getTimeStampInfo().getGenTime().toInstant();
		}
		catch (IOException | org.bouncycastle.operator.OperatorCreationException | java.security.cert.CertificateException e) {
			throw new IllegalArgumentException(e);
		}
	}

	/** Why the certificate is not to be trusted for a signature made at {@code at}; empty when it is. */
	private Optional<String> untrusted(X509Certificate cert, @Nullable Instant at) {
		if (at == null) {
			return Optional.of("Chữ ký không ghi thời điểm ký.");
		}
		try {
			cert.checkValidity(Date.from(at));
		}
		catch (java.security.cert.CertificateException e) {
			return Optional.of("Chứng thư số đã hết hạn hoặc chưa có hiệu lực khi ký.");
		}
		for (X509Certificate anchor : keys.trustAnchors()) {
			if (anchor.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
				try {
					cert.verify(anchor.getPublicKey());
					return Optional.empty();
				}
				catch (java.security.GeneralSecurityException e) {
					// same name, another key: keep looking
				}
			}
		}
		return Optional.of("Chứng thư số không do tổ chức chứng thực mà hệ thống tin cậy cấp.");
	}

	private static byte[] cms(byte[] content, SigningKeys.Credential credential, Instant at) throws IOException {
		try {
			X509Certificate cert = credential.certificate();
			ASN1EncodableVector attributes = new ASN1EncodableVector();
			ESSCertIDv2 id = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256),
					Hashes.sha256().digest(cert.getEncoded()));
			attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
					new DERSet(new SigningCertificateV2(new ESSCertIDv2[] { id }))));
			attributes.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(at)))));
			CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
			generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
				.setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
				.build(new JcaContentSignerBuilder("SHA256with" + credential.key().getAlgorithm()).build(credential.key()),
						cert));
			generator.addCertificates(new JcaCertStore(credential.chain()));
			return generator.generate(new CMSProcessableByteArray(content), false).getEncoded(org.bouncycastle.asn1.ASN1Encoding.DER);
		}
		catch (java.security.GeneralSecurityException | CMSException
				| org.bouncycastle.operator.OperatorCreationException e) {
			throw new IllegalStateException("cannot sign", e);
		}
	}

	/** The file with the stamp drawn at the foot of its last page, saved whole (the signature then comes after). */
	private static byte[] stamped(byte[] pdf, Stamp stamp) {
		try (PDDocument doc = load(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDPage page = doc.getPage(doc.getNumberOfPages() - 1);
			PDRectangle box = page.getMediaBox();
			float w = 250;
			float h = 74;
			float x = box.getUpperRightX() - w - 28;
			float y = box.getLowerLeftY() + 28;
			PDType0Font font = font(doc, "fonts/DejaVuSerif.ttf");
			PDType0Font bold = font(doc, "fonts/DejaVuSerif-Bold.ttf");
			BufferedImage qr = QrCodes.image(stamp.verifyUrl());
			try (PDPageContentStream c = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true,
					true)) {
				c.setStrokingColor(0.62f, 0.07f, 0.07f);
				c.setLineWidth(1.2f);
				c.addRect(x, y, w, h);
				c.stroke();
				c.drawImage(LosslessFactory.createFromImage(doc, qr), x + 4, y + 4, h - 8, h - 8);
				float tx = x + h;
				line(c, bold, 7.5f, tx, y + h - 14, "ĐÃ KÝ SỐ");
				float ty = y + h - 25;
				for (String l : wrap(stamp.agencyName(), 38)) {
					line(c, font, 7f, tx, ty, l);
					ty -= 9;
				}
				line(c, font, 7f, tx, ty, "Thời gian: " + STAMP_TIME.format(stamp.at()));
				line(c, font, 6f, tx, ty - 9, "Quét mã để kiểm tra kết quả");
			}
			doc.save(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static PDDocument load(byte[] pdf) {
		try {
			PDDocument doc = Loader.loadPDF(pdf);
			if (doc.isEncrypted() || doc.getNumberOfPages() == 0) {
				doc.close();
				throw new RefusedDocument(HttpStatus.BAD_REQUEST, "Tệp kết quả phải là PDF đọc được, không mã hóa.");
			}
			return doc;
		}
		catch (IOException e) {
			throw new RefusedDocument(HttpStatus.BAD_REQUEST, "Tệp kết quả phải là PDF đọc được.");
		}
	}

	/** Whether the bytes are a PDF the signer can stamp and sign. */
	public static boolean readable(byte[] pdf) {
		try (PDDocument doc = load(pdf)) {
			return true;
		}
		catch (RefusedDocument | IOException e) {
			return false;
		}
	}

	private static void line(PDPageContentStream c, PDType0Font font, float size, float x, float y, String text)
			throws IOException {
		c.beginText();
		c.setNonStrokingColor(0.1f, 0.1f, 0.1f);
		c.setFont(font, size);
		c.newLineAtOffset(x, y);
		c.showText(text);
		c.endText();
	}

	private static List<String> wrap(String text, int width) {
		List<String> lines = new java.util.ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : text.split("\\s+")) {
			if (line.length() + word.length() + 1 > width && line.length() > 0) {
				lines.add(line.toString());
				line.setLength(0);
			}
			line.append(line.length() == 0 ? "" : " ").append(word);
		}
		lines.add(line.toString());
		return lines.subList(0, Math.min(lines.size(), 2));
	}

	private static PDType0Font font(PDDocument doc, String resource) throws IOException {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			return PDType0Font.load(doc, in);
		}
	}

	private static String commonName(X509Certificate cert) {
		for (String part : cert.getSubjectX500Principal().getName().split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
			if (part.startsWith("CN=")) {
				return part.substring(3).replace("\\", "");
			}
		}
		return cert.getSubjectX500Principal().getName();
	}

	/** The CMS object, read up to its end: the zeros padding the space reserved for it in the file are not its. */
	private static org.bouncycastle.asn1.cms.ContentInfo contentInfo(byte[] contents) throws IOException {
		try (org.bouncycastle.asn1.ASN1InputStream in = new org.bouncycastle.asn1.ASN1InputStream(contents)) {
			return org.bouncycastle.asn1.cms.ContentInfo.getInstance(in.readObject());
		}
	}
}
