package vn.motcua.payment;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.document.DocumentStore;
import vn.motcua.document.StoredDocument;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierFees;
import vn.motcua.organization.Agencies;
import vn.motcua.organization.Agency;
import vn.motcua.platform.PdfPage;
import vn.motcua.platform.Zones;

/**
 * Biên lai điện tử: a receipt for every settled payment, numbered per year, rendered as PDF with the
 * forms' Vietnamese font, and attached to the dossier where the applicant and the officers find it.
 */
@Component
class Receipts {

	static final String COMPONENT = "Biên lai thu phí, lệ phí";
	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/uuuu")
		.withZone(Zones.VIETNAM);

	private final JdbcClient jdbc;
	private final DocumentStore documents;
	private final DossierFees fees;
	private final Agencies agencies;
	private final JdbcPaymentRepository repository;
	private final String province;

	Receipts(JdbcClient jdbc, DocumentStore documents, DossierFees fees, Agencies agencies,
			JdbcPaymentRepository repository, @Value("${motcua.province-name:Cà Mau}") String province) {
		this.jdbc = jdbc;
		this.documents = documents;
		this.fees = fees;
		this.agencies = agencies;
		this.repository = repository;
		this.province = province;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	StoredDocument issue(Payment p, String actor) {
		Instant paidAt = p.paidAt() == null ? p.createdAt() : p.paidAt();
		int year = paidAt.atZone(Zones.VIETNAM).getYear();
		int seq = jdbc.sql("""
				insert into receipt_counter (year, last) values (?, 1)
				on conflict (year) do update set last = receipt_counter.last + 1 returning last""")
			.param(year)
			.query(Integer.class)
			.single();
		String number = String.format("%07d", seq);
		String series = "BL" + String.valueOf(year).substring(2) + "E"; // ký hiệu: E for electronic
		Dossier d = fees.current(p.dossierCode());
		Agency collector = agencies.find(d.agencyCode()).orElseThrow();
		byte[] pdf;
		try (PdfPage page = new PdfPage()) {
			page.header("UBND tỉnh " + province, collector.name(), province + ", " + WHEN.format(paidAt));
			page.title("BIÊN LAI THU PHÍ, LỆ PHÍ");
			page.subtitle("(Biên lai điện tử) - Ký hiệu: " + series + " - Số: " + number);
			page.field("Đơn vị thu", collector.name());
			page.field("Người nộp", d.applicant().businessName() != null ? d.applicant().businessName()
					: String.valueOf(d.applicant().fullName()));
			if (d.applicant().idNumber() != null) {
				page.field("Số định danh cá nhân", d.applicant().idNumber());
			}
			if (d.applicant().taxCode() != null) {
				page.field("Mã số thuế", d.applicant().taxCode());
			}
			page.field("Mã hồ sơ", d.code());
			page.field("Thủ tục", String.valueOf(d.procedureName()));
			page.field("Số tiền", String.format(java.util.Locale.forLanguageTag("vi"), "%,d đồng", p.amountVnd()));
			page.field("Bằng chữ", VietnameseAmount.words(p.amountVnd()));
			page.field("Hình thức nộp", switch (p.method()) {
				case ONLINE -> "Trực tuyến qua cổng thanh toán VNPAY";
				case CASH -> "Tiền mặt tại Bộ phận một cửa";
				case TRANSFER -> "Chuyển khoản";
			});
			if (p.gatewayTransactionNo() != null) {
				page.field("Mã giao dịch thanh toán", p.gatewayTransactionNo() + " (" + p.txnRef() + ")");
			}
			page.field("Thời điểm nộp", WHEN.format(paidAt));
			page.signatures("NGƯỜI NỘP TIỀN", "", "ĐƠN VỊ THU", "(Biên lai điện tử, không cần chữ ký tay)");
			pdf = page.bytes();
		}
		StoredDocument stored = documents.store("dossier", d.code(), COMPONENT, "bien-lai-" + series + "-" + number + ".pdf",
				new ByteArrayInputStream(pdf), actor);
		repository.receipt(p.id(), series + "-" + number, stored.id());
		return stored;
	}
}
