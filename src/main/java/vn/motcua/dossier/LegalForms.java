package vn.motcua.dossier;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;


import vn.motcua.catalog.ProcedureDetail;
import vn.motcua.organization.Agencies;
import vn.motcua.organization.Agency;
import vn.motcua.platform.NotFound;
import vn.motcua.platform.PdfPage;
import vn.motcua.platform.Zones;
import vn.motcua.identity.Caller;

/**
 * The one-stop forms of Phụ lục I, Thông tư 03/2025/TT-VPCP, as PDF in Vietnamese with the province's header:
 * 01 receipt and appointment (with a QR code to public tracking), 02 supplement request, 03 refusal,
 * 04 apology and new appointment, 05 stop notice, 06 control sheet of hand-overs, 07 register of dossiers.
 * A form is available once the event it records has happened.
 */
@Service
public class LegalForms {

	/** Mẫu: the number of each form and the status history it needs. */
	public enum Form {
		RECEIPT("01", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"),
		SUPPLEMENT_REQUEST("02", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"),
		REFUSAL("03", "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"),
		APOLOGY("04", "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ"),
		STOP_NOTICE("05", "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ"),
		CONTROL_SHEET("06", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"),
		/** The e-form as filed (tờ khai), printed with the same font as the legal forms. */
		EFORM("TK", "TỜ KHAI");

		private final String number;
		private final String title;

		Form(String number, String title) {
			this.number = number;
			this.title = title;
		}

		public String number() {
			return number;
		}

		public static Form ofNumber(String number) {
			for (Form f : values()) {
				if (f.number.equals(number)) {
					return f;
				}
			}
			throw new NotFound("Không có mẫu " + number);
		}
	}

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH 'giờ' mm 'phút, ngày' dd/MM/uuuu")
		.withZone(Zones.VIETNAM);
	private static final java.util.Locale VIETNAMESE = java.util.Locale.forLanguageTag("vi");
	private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm").withZone(Zones.VIETNAM);

	private final Dossiers dossiers;
	private final JdbcDossierRepository repository;
	private final FiledCases filedCases;
	private final Agencies agencies;
	private final Clock clock;
	private final MessageSource messages;
	private final String publicBaseUrl;
	private final String province;
	private final vn.motcua.identity.StaffAccounts staff;

	LegalForms(Dossiers dossiers, JdbcDossierRepository repository, FiledCases filedCases, Agencies agencies, Clock clock,
			MessageSource messages, vn.motcua.identity.StaffAccounts staff,
			@Value("${motcua.public-base-url:http://localhost:8080}") String publicBaseUrl,
			@Value("${motcua.province-name:Cà Mau}") String province) {
		this.dossiers = dossiers;
		this.repository = repository;
		this.filedCases = filedCases;
		this.agencies = agencies;
		this.clock = clock;
		this.messages = messages;
		this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
		this.province = province;
		this.staff = staff;
	}

	/** The form for a dossier the caller may see; 409 when what it records has not happened. */
	public byte[] render(String code, Form form, Caller caller) {
		Dossier d = dossiers.get(code, caller);
		List<Dossier.Event> history = repository.history(code);
		Agency receiving = agencies.find(d.receivingUnitCode()).orElseThrow();
		Agency deciding = agencies.find(d.agencyCode()).orElseThrow();
		Agency issuer = switch (form) {
			// the unit whose officer received or refused it: a ward's one-stop, not the centre the online dossier went to
			case RECEIPT -> unitOfLast(history, "RECEIVE", receiving);
			case REFUSAL -> unitOfLast(history, "REFUSE", receiving);
			case CONTROL_SHEET, EFORM -> receiving;
			default -> deciding;
		};
		try (PdfPage pdf = new PdfPage()) {
			pdf.header(superior(issuer), issuerLines(issuer), province + ", " + longDate(clock.instant()));
			pdf.title(form == Form.EFORM ? form.title + " " + String.valueOf(d.procedureName()).toUpperCase(VIETNAMESE)
					: form.title);
			pdf.subtitle((form == Form.EFORM ? "Tờ khai điện tử" : "Mẫu số " + form.number) + " - Mã hồ sơ: " + d.code());
			switch (form) {
				case RECEIPT -> receipt(pdf, d, receiving);
				case SUPPLEMENT_REQUEST -> supplementRequest(pdf, d, deciding);
				case REFUSAL -> refusal(pdf, d, history);
				case APOLOGY -> apology(pdf, d, deciding, history);
				case STOP_NOTICE -> stop(pdf, d, history);
				case CONTROL_SHEET -> controlSheet(pdf, d, history);
				case EFORM -> eform(pdf, d);
			}
			return pdf.bytes();
		}
	}

	/** Mẫu 07: the register of dossiers received by or decided in a unit over a period. */
	public byte[] register(String unitCode, LocalDate from, LocalDate to, Caller caller) {
		Agency unit = agencies.find(unitCode).orElseThrow(() -> new NotFound("Không có đơn vị " + unitCode));
		List<List<String>> rows = new ArrayList<>();
		int page = 0;
		while (true) {
			Dossiers.Page p = dossiers.list(new DossierQuery(null, unitCode, null, from, to, null, null, false, page, 100), caller);
			for (Dossier d : p.items()) {
				rows.add(List.of(Integer.toString(rows.size() + 1), d.code(), applicant(d), String.valueOf(d.procedureName()),
						format(d.receivedAt()), format(d.promisedAt()), format(d.finishedAt()), format(d.returnedAt()),
						label("dossier.status." + d.status())));
			}
			if ((long) (page + 1) * 100 >= p.total() || page > 1000) {
				break;
			}
			page++;
		}
		try (PdfPage pdf = new PdfPage(true)) { // landscape: nine columns of codes and dates
			pdf.header(superior(unit), issuerLines(unit), province + ", " + longDate(clock.instant()));
			pdf.title("SỔ THEO DÕI HỒ SƠ");
			pdf.subtitle("Mẫu số 07 - Từ ngày " + Zones.DAY.format(from) + " đến ngày " + Zones.DAY.format(to)
					+ " - " + rows.size() + " hồ sơ");
			pdf.table(List.of("TT", "Mã hồ sơ", "Tổ chức, cá nhân", "Thủ tục", "Tiếp nhận", "Hẹn trả", "Có kết quả",
					"Trả kết quả", "Tình trạng"), new float[] { 0.04f, 0.2f, 0.14f, 0.18f, 0.09f, 0.09f, 0.09f, 0.09f, 0.08f },
					rows);
			return pdf.bytes();
		}
	}

	private void receipt(PdfPage pdf, Dossier d, Agency receiving) {
		if (d.receivedAt() == null) {
			throw new DossierProblems.ActionNotAllowedNow("Hồ sơ chưa được tiếp nhận: chưa có giấy tiếp nhận.");
		}
		pdf.paragraph(receiving.name() + " đã tiếp nhận hồ sơ của:");
		applicantFields(pdf, d);
		pdf.field("Nội dung yêu cầu giải quyết", String.valueOf(d.procedureName()));
		ProcedureDetail.Case c = filedCases.of(d);
		if (c != null && !c.documents().isEmpty()) {
			pdf.paragraph(d.components().isEmpty() ? "Thành phần hồ sơ theo quy định:" : "Thành phần hồ sơ đã nhận gồm:");
			List<List<String>> rows = new ArrayList<>();
			for (ProcedureDetail.Document doc : c.documents()) {
				List<Dossier.Component> held = d.components().stream().filter(h -> h.component().equals(doc.code())).toList();
				if (!d.components().isEmpty() && held.isEmpty()) {
					continue;
				}
				rows.add(List.of(Integer.toString(rows.size() + 1), doc.name(), Integer.toString(doc.originals()),
						Integer.toString(doc.copies()), held.stream().map(LegalForms::howHeld).distinct()
							.reduce((a, b) -> a + "; " + b).orElse("")));
			}
			pdf.table(List.of("TT", "Tên giấy tờ", "Bản chính", "Bản sao", "Hình thức"),
					new float[] { 0.07f, 0.5f, 0.11f, 0.1f, 0.22f }, rows);
		}
		pdf.field("Thời gian nhận hồ sơ", MINUTE.format(d.receivedAt()));
		pdf.field("Thời gian trả kết quả giải quyết hồ sơ", d.dueAt() == null ? "Không có ngày hẹn trả"
				: MINUTE.format(d.dueAt()));
		pdf.field("Kênh nộp", channelName(d.channel()));
		pdf.field("Nhận kết quả tại", d.channel() == Channel.POSTAL ? "Qua dịch vụ bưu chính công ích" : receiving.name());
		pdf.field("Tra cứu tình trạng hồ sơ", publicBaseUrl + "/track?code=" + d.code());
		pdf.image(vn.motcua.platform.QrCodes.image(publicBaseUrl + "/track?code=" + d.code()), 90, "Quét để tra cứu");
		pdf.signatures("NGƯỜI NỘP HỒ SƠ", "(Ký và ghi rõ họ tên)", "NGƯỜI TIẾP NHẬN HỒ SƠ", "(Ký và ghi rõ họ tên)");
	}

	private static String howHeld(Dossier.Component h) {
		return switch (h.kind()) {
			case PAPER -> "Bản giấy";
			case DATA -> "Khai thác dữ liệu";
			case FILE -> h.reused() ? "Bản điện tử (kho dữ liệu)" : "Bản điện tử";
		};
	}

	/** Tờ khai: the applicant and every answer of the case's e-form, as filed. */
	private void eform(PdfPage pdf, Dossier d) {
		applicantFields(pdf, d);
		ProcedureDetail.Case c = filedCases.of(d);
		if (c == null || c.form().fields().isEmpty()) {
			pdf.paragraph("Thủ tục không có tờ khai điện tử.");
		}
		else {
			List<List<String>> rows = new ArrayList<>();
			for (vn.motcua.catalog.EForm.Field f : c.form().fields()) {
				if (d.formData().containsKey(f.name())) {
					rows.add(List.of(Integer.toString(rows.size() + 1), f.label(), f.text(d.formData().get(f.name()))));
				}
			}
			pdf.table(List.of("TT", "Nội dung", "Kê khai"), new float[] { 0.07f, 0.43f, 0.5f }, rows);
		}
		pdf.field("Nộp lúc", MINUTE.format(d.submittedAt()));
		pdf.paragraph("Tôi xin cam đoan những nội dung kê khai trên là đúng sự thật và chịu trách nhiệm trước pháp luật"
				+ " về lời khai của mình.");
		pdf.signatures("", "", "NGƯỜI KÊ KHAI", "(Ký và ghi rõ họ tên)");
	}

	private void supplementRequest(PdfPage pdf, Dossier d, Agency deciding) {
		Dossier.Supplement s = d.supplements().isEmpty() ? null : d.supplements().get(d.supplements().size() - 1);
		if (s == null) {
			throw new DossierProblems.ActionNotAllowedNow("Hồ sơ chưa có yêu cầu bổ sung.");
		}
		pdf.paragraph("Ngày " + SHORT.format(d.receivedAt()) + ", " + deciding.name() + " nhận được hồ sơ đề nghị "
				+ d.procedureName() + " của:");
		applicantFields(pdf, d);
		pdf.paragraph("Sau khi xem xét, hồ sơ chưa đầy đủ, hợp lệ. Đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm:");
		List<List<String>> rows = new ArrayList<>();
		for (int i = 0; i < s.items().size(); i++) {
			rows.add(List.of(Integer.toString(i + 1), s.items().get(i)));
		}
		pdf.table(List.of("TT", "Nội dung cần bổ sung, hoàn thiện"), new float[] { 0.08f, 0.92f }, rows);
		pdf.field("Lý do", String.valueOf(s.reason()));
		pdf.paragraph("Thời gian chờ bổ sung không tính vào thời hạn giải quyết hồ sơ. Trong quá trình hoàn thiện hồ sơ,"
				+ " nếu có vướng mắc, Ông/Bà liên hệ bộ phận một cửa để được hướng dẫn.");
		pdf.signatures("", "", "NGƯỜI HƯỚNG DẪN", "(Ký và ghi rõ họ tên)");
	}

	private void refusal(PdfPage pdf, Dossier d, List<Dossier.Event> history) {
		Dossier.Event e = last(history, "REFUSE");
		pdf.paragraph("Bộ phận tiếp nhận và trả kết quả nhận được hồ sơ đề nghị " + d.procedureName() + " của:");
		applicantFields(pdf, d);
		pdf.paragraph("Sau khi xem xét, đối chiếu, hồ sơ không đủ điều kiện tiếp nhận với lý do:");
		pdf.paragraph(String.valueOf(e.note()));
		pdf.paragraph("Xin thông báo để Ông/Bà được biết và thực hiện.");
		pdf.signatures("", "", "NGƯỜI TIẾP NHẬN HỒ SƠ", "(Ký và ghi rõ họ tên)");
	}

	private void apology(PdfPage pdf, Dossier d, Agency deciding, List<Dossier.Event> history) {
		Dossier.Event e = last(history, "EXTEND");
		pdf.paragraph(deciding.name() + " tiếp nhận hồ sơ đề nghị " + d.procedureName() + " của:");
		applicantFields(pdf, d);
		pdf.field("Mã hồ sơ", d.code());
		pdf.field("Thời gian hẹn trả kết quả", format(d.dueAt()));
		pdf.paragraph("Tuy nhiên đến nay, " + deciding.name() + " chưa trả kết quả giải quyết hồ sơ cho Ông/Bà đúng hạn"
				+ " với lý do:");
		pdf.paragraph(String.valueOf(e.note()));
		pdf.paragraph("Sự chậm trễ này đã gây phiền hà, tốn kém chi phí, công sức của Ông/Bà. " + deciding.name()
				+ " xin lỗi Ông/Bà và hẹn trả kết quả vào " + (d.extendedDueAt() == null ? "" : MINUTE.format(d.extendedDueAt()))
				+ ".");
		pdf.signatures("", "", "THỦ TRƯỞNG CƠ QUAN", "(Ký, ghi rõ họ tên và đóng dấu)");
	}

	private void stop(PdfPage pdf, Dossier d, List<Dossier.Event> history) {
		Dossier.Event e = last(history, "STOP");
		pdf.paragraph("Hồ sơ đề nghị " + d.procedureName() + " của:");
		applicantFields(pdf, d);
		pdf.field("Mã hồ sơ", d.code());
		pdf.paragraph("Cơ quan giải quyết thông báo dừng giải quyết hồ sơ kể từ " + format(d.stoppedAt()) + " với lý do:");
		pdf.paragraph(String.valueOf(e.note()));
		pdf.signatures("", "", "THỦ TRƯỞNG CƠ QUAN", "(Ký, ghi rõ họ tên và đóng dấu)");
	}

	/**
	 * Mẫu 06: the steps of the internal process with their hand-overs judged against each step's due time
	 * (when the dossier has a configured process), then every hand-over of the history.
	 */
	private void controlSheet(PdfPage pdf, Dossier d, List<Dossier.Event> history) {
		List<Dossier.Step> steps = repository.steps(d.code());
		pdf.field("Cơ quan (bộ phận) giải quyết hồ sơ", unitName(d.agencyCode()));
		pdf.field("Cơ quan phối hợp giải quyết hồ sơ", String.join("; ", steps.stream()
			.map(Dossier.Step::consultUnitCode)
			.filter(java.util.Objects::nonNull)
			.distinct()
			.map(this::unitName)
			.toList()));
		pdf.field("Thời hạn giải quyết", d.extendedDueAt() == null ? format(d.dueAt())
				: format(d.extendedDueAt()) + " (gia hạn từ " + format(d.dueAt()) + ")");
		if (!steps.isEmpty()) {
			List<List<String>> stepRows = new ArrayList<>();
			for (Dossier.Step s : steps) {
				String result = s.completedAt() == null || s.dueAt() == null ? ""
						: s.completedAt().isAfter(s.dueAt()) ? "Trễ hạn" : "Đúng hạn";
				String consult = s.consultUnitCode() == null ? ""
						: unitName(s.consultUnitCode()) + (s.consultedAt() == null ? " (chưa có ý kiến)"
								: " (ý kiến " + format(s.consultedAt()) + ")");
				stepRows.add(List.of(s.position() + ". " + s.name(), unitName(s.unitCode()), format(s.startedAt()),
						format(s.dueAt()), format(s.completedAt())
								+ (s.completedBy() == null ? "" : " - " + person(s.completedBy())),
						result, consult));
			}
			pdf.table(List.of("Bước", "Đơn vị thực hiện", "Nhận lúc", "Hạn bước", "Chuyển lúc", "Kết quả", "Phối hợp"),
					new float[] { 0.2f, 0.16f, 0.12f, 0.12f, 0.16f, 0.08f, 0.16f }, stepRows);
		}
		List<List<String>> rows = new ArrayList<>();
		Dossier.Event previous = null;
		for (Dossier.Event e : history) {
			String handedOver = previous == null ? "" : person(previous.actor());
			boolean late = d.dueAt() != null && e.at().isAfter(d.dueAt());
			rows.add(List.of(format(e.at()), handedOver, person(e.actor()), label("dossier.action." + e.action()),
					d.dueAt() == null ? "" : late ? "Trễ hạn" : "Đúng hạn", e.note() == null ? "" : e.note()));
			previous = e;
		}
		pdf.table(List.of("Thời gian giao, nhận", "Người giao", "Người nhận", "Nội dung", "Kết quả", "Ghi chú"),
				new float[] { 0.16f, 0.14f, 0.14f, 0.2f, 0.12f, 0.24f }, rows);
	}

	/**
	 * The line above the issuing unit in the heading (cơ quan chủ quản): the unit it belongs to, shortened as on
	 * official papers; none for an Ủy ban nhân dân, which issues in its own name.
	 */
	private String superior(Agency issuer) {
		if (issuer.name().startsWith("Ủy ban nhân dân") || issuer.parentCode() == null) {
			return "";
		}
		return agencies.find(issuer.parentCode())
			.map(p -> p.name().replace("Ủy ban nhân dân", "UBND"))
			.orElse("UBND tỉnh " + province);
	}

	/** "Ủy ban nhân dân" on a line of its own above the place it governs, as official papers set it. */
	private static String issuerLines(Agency issuer) {
		return issuer.name().startsWith("Ủy ban nhân dân ")
				? "Ủy ban nhân dân\n" + issuer.name().substring("Ủy ban nhân dân ".length()) : issuer.name();
	}

	/** The unit of the officer who last did {@code action}, when the account and its unit are known. */
	private Agency unitOfLast(List<Dossier.Event> history, String action, Agency otherwise) {
		for (int i = history.size() - 1; i >= 0; i--) {
			if (history.get(i).action().equals(action)) {
				return staff.find(history.get(i).actor())
					.map(vn.motcua.identity.StaffAccount::unitCode)
					.flatMap(agencies::find)
					.orElse(otherwise);
			}
		}
		return otherwise;
	}

	/** A person as the form names them: the staff member's full name, the applicant or system as recorded. */
	private String person(String actor) {
		return staff.find(actor).map(vn.motcua.identity.StaffAccount::fullName).orElse(actor);
	}

	private String unitName(String code) {
		return agencies.find(code).map(Agency::name).orElse(code);
	}

	private void applicantFields(PdfPage pdf, Dossier d) {
		Applicant a = d.applicant();
		if (a.businessName() != null) {
			pdf.field("Tổ chức", a.businessName() + (a.taxCode() == null ? "" : " (MST " + a.taxCode() + ")"));
		}
		if (a.fullName() != null) {
			pdf.field("Ông/Bà", a.fullName());
		}
		if (a.idNumber() != null) {
			pdf.field("Số định danh cá nhân", a.idNumber());
		}
		if (a.address() != null) {
			pdf.field("Địa chỉ", a.address());
		}
		if (a.phone() != null || a.email() != null) {
			pdf.field("Điện thoại / Thư điện tử", (a.phone() == null ? "" : a.phone())
					+ (a.email() == null ? "" : " - " + a.email()));
		}
	}


	private static Dossier.Event last(List<Dossier.Event> history, String action) {
		for (int i = history.size() - 1; i >= 0; i--) {
			if (history.get(i).action().equals(action)) {
				return history.get(i);
			}
		}
		throw new DossierProblems.ActionNotAllowedNow("Hồ sơ chưa có thao tác " + action + " để lập mẫu này.");
	}


	/** The same Vietnamese labels the pages show: the forms are issued in Vietnamese whatever the reader's language. */
	private String label(String key) {
		return messages.getMessage(key, null, key.substring(key.lastIndexOf('.') + 1), VIETNAMESE);
	}

	private static String longDate(Instant at) {
		LocalDate d = at.atZone(Zones.VIETNAM).toLocalDate();
		return "ngày " + String.format("%02d", d.getDayOfMonth()) + " tháng " + String.format("%02d", d.getMonthValue())
				+ " năm " + d.getYear();
	}

	private static String format(@Nullable Instant i) {
		return i == null ? "" : SHORT.format(i);
	}

	private static String applicant(Dossier d) {
		return d.applicant().fullName() != null ? d.applicant().fullName()
				: String.valueOf(d.applicant().businessName());
	}

	private static String channelName(Channel c) {
		return switch (c) {
			case COUNTER -> "Trực tiếp";
			case ONLINE -> "Trực tuyến";
			case POSTAL -> "Qua dịch vụ bưu chính công ích";
		};
	}


}
