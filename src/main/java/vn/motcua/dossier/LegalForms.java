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
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;


import vn.motcua.catalog.ProcedureDetail;
import vn.motcua.organization.Agencies;
import vn.motcua.organization.Agency;
import vn.motcua.platform.NotFound;
import vn.motcua.platform.PdfPage;
import vn.motcua.platform.Text;
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
		RECEIPT("01"),
		SUPPLEMENT_REQUEST("02"),
		REFUSAL("03"),
		APOLOGY("04"),
		STOP_NOTICE("05"),
		CONTROL_SHEET("06"),
		/** The e-form as filed (tờ khai), printed with the same font as the legal forms. */
		EFORM("TK");

		private final String number;

		Form(String number) {
			this.number = number;
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
			throw new NotFound(new Text("problem.form.unknown", number));
		}
	}

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
			header(pdf, superior(issuer), issuerLines(issuer));
			String title = t("form.title." + form.name());
			pdf.title(form == Form.EFORM ? title + " " + String.valueOf(d.procedureName()).toUpperCase(VIETNAMESE) : title);
			pdf.subtitle(form == Form.EFORM ? t("form.eform.subtitle", d.code()) : t("form.subtitle", form.number, d.code()));
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
		Agency unit = agencies.find(unitCode).orElseThrow(() -> new NotFound(new Text("problem.unit.not-found", unitCode)));
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
			header(pdf, superior(unit), issuerLines(unit));
			pdf.title(t("form.register.title"));
			pdf.subtitle(t("form.register.subtitle", Zones.DAY.format(from), Zones.DAY.format(to),
					Integer.toString(rows.size())));
			pdf.table(List.of(t("form.col.no"), t("form.col.code"), t("form.col.applicant"), t("form.col.procedure"),
					t("form.col.received"), t("form.col.promised"), t("form.col.decided"), t("form.col.returned"),
					t("form.col.status")), new float[] { 0.04f, 0.2f, 0.14f, 0.18f, 0.09f, 0.09f, 0.09f, 0.09f, 0.08f },
					rows);
			return pdf.bytes();
		}
	}

	private void receipt(PdfPage pdf, Dossier d, Agency receiving) {
		if (d.receivedAt() == null) {
			throw new DossierProblems.ActionNotAllowedNow(new Text("problem.form.not-received"));
		}
		pdf.paragraph(t("form.receipt.intro", receiving.name()));
		applicantFields(pdf, d);
		pdf.field(t("form.request"), String.valueOf(d.procedureName()));
		ProcedureDetail.Case c = filedCases.of(d);
		if (c != null && !c.documents().isEmpty()) {
			pdf.paragraph(t(d.components().isEmpty() ? "form.receipt.required" : "form.receipt.components"));
			List<List<String>> rows = new ArrayList<>();
			for (ProcedureDetail.Document doc : c.documents()) {
				List<Dossier.Component> held = d.components().stream().filter(h -> h.component().equals(doc.code())).toList();
				if (!d.components().isEmpty() && held.isEmpty()) {
					continue;
				}
				rows.add(List.of(Integer.toString(rows.size() + 1), doc.name(), Integer.toString(doc.originals()),
						Integer.toString(doc.copies()), held.stream().map(this::howHeld).distinct()
							.reduce((a, b) -> a + "; " + b).orElse("")));
			}
			pdf.table(List.of(t("form.col.no"), t("form.col.document"), t("form.col.originals"), t("form.col.copies"),
					t("form.col.form")),
					new float[] { 0.07f, 0.5f, 0.11f, 0.1f, 0.22f }, rows);
		}
		pdf.field(t("form.received-at"), minute(d.receivedAt()));
		pdf.field(t("form.result-at"), d.dueAt() == null ? t("form.no-due") : minute(d.dueAt()));
		pdf.field(t("form.channel"), channelName(d.channel()));
		pdf.field(t("form.result-place"), d.channel() == Channel.POSTAL ? t("form.channel.POSTAL") : receiving.name());
		pdf.field(t("form.track"), publicBaseUrl + "/track?code=" + d.code());
		pdf.image(vn.motcua.platform.QrCodes.image(publicBaseUrl + "/track?code=" + d.code()), 90, t("form.scan"));
		pdf.signatures(t("form.sign.applicant"), t("form.sign.name"), t("form.sign.receiver"), t("form.sign.name"));
	}

	private String howHeld(Dossier.Component h) {
		return t(switch (h.kind()) {
			case PAPER -> "form.held.paper";
			case DATA -> "form.held.data";
			case FILE -> h.reused() ? "form.held.reused" : "form.held.file";
		});
	}

	/** Tờ khai: the applicant and every answer of the case's e-form, as filed. */
	private void eform(PdfPage pdf, Dossier d) {
		applicantFields(pdf, d);
		ProcedureDetail.Case c = filedCases.of(d);
		if (c == null || c.form().fields().isEmpty()) {
			pdf.paragraph(t("form.eform.none"));
		}
		else {
			List<List<String>> rows = new ArrayList<>();
			for (vn.motcua.catalog.EForm.Field f : c.form().fields()) {
				if (d.formData().containsKey(f.name())) {
					rows.add(List.of(Integer.toString(rows.size() + 1), f.label(), f.text(d.formData().get(f.name()))));
				}
			}
			pdf.table(List.of(t("form.col.no"), t("form.col.item"), t("form.col.declared")),
					new float[] { 0.07f, 0.43f, 0.5f }, rows);
		}
		pdf.field(t("form.submitted-at"), minute(d.submittedAt()));
		pdf.paragraph(t("form.eform.pledge"));
		pdf.signatures("", "", t("form.sign.declarant"), t("form.sign.name"));
	}

	private void supplementRequest(PdfPage pdf, Dossier d, Agency deciding) {
		Dossier.Supplement s = d.supplements().isEmpty() ? null : d.supplements().get(d.supplements().size() - 1);
		if (s == null) {
			throw new DossierProblems.ActionNotAllowedNow(new Text("problem.form.no-supplement"));
		}
		pdf.paragraph(t("form.supplement.intro", SHORT.format(d.receivedAt()), deciding.name(),
				String.valueOf(d.procedureName())));
		applicantFields(pdf, d);
		pdf.paragraph(t("form.supplement.ask"));
		List<List<String>> rows = new ArrayList<>();
		for (int i = 0; i < s.items().size(); i++) {
			rows.add(List.of(Integer.toString(i + 1), s.items().get(i)));
		}
		pdf.table(List.of(t("form.col.no"), t("form.col.to-supplement")), new float[] { 0.08f, 0.92f }, rows);
		pdf.field(t("form.reason"), String.valueOf(s.reason()));
		pdf.paragraph(t("form.supplement.note"));
		pdf.signatures("", "", t("form.sign.guide"), t("form.sign.name"));
	}

	private void refusal(PdfPage pdf, Dossier d, List<Dossier.Event> history) {
		Dossier.Event e = last(history, "REFUSE");
		pdf.paragraph(t("form.refusal.intro", String.valueOf(d.procedureName())));
		applicantFields(pdf, d);
		pdf.paragraph(t("form.refusal.reason"));
		pdf.paragraph(String.valueOf(e.note()));
		pdf.paragraph(t("form.refusal.close"));
		pdf.signatures("", "", t("form.sign.receiver"), t("form.sign.name"));
	}

	private void apology(PdfPage pdf, Dossier d, Agency deciding, List<Dossier.Event> history) {
		Dossier.Event e = last(history, "EXTEND");
		pdf.paragraph(t("form.apology.intro", deciding.name(), String.valueOf(d.procedureName())));
		applicantFields(pdf, d);
		pdf.field(t("form.col.code"), d.code());
		pdf.field(t("form.apology.due"), format(d.dueAt()));
		pdf.paragraph(t("form.apology.late", deciding.name()));
		pdf.paragraph(String.valueOf(e.note()));
		pdf.paragraph(t("form.apology.sorry", deciding.name(),
				d.extendedDueAt() == null ? "" : minute(d.extendedDueAt())));
		pdf.signatures("", "", t("form.sign.head"), t("form.sign.seal"));
	}

	private void stop(PdfPage pdf, Dossier d, List<Dossier.Event> history) {
		Dossier.Event e = last(history, "STOP");
		pdf.paragraph(t("form.stop.intro", String.valueOf(d.procedureName())));
		applicantFields(pdf, d);
		pdf.field(t("form.col.code"), d.code());
		pdf.paragraph(t("form.stop.notice", format(d.stoppedAt())));
		pdf.paragraph(String.valueOf(e.note()));
		pdf.signatures("", "", t("form.sign.head"), t("form.sign.seal"));
	}

	/**
	 * Mẫu 06: the steps of the internal process with their hand-overs judged against each step's due time
	 * (when the dossier has a configured process), then every hand-over of the history.
	 */
	private void controlSheet(PdfPage pdf, Dossier d, List<Dossier.Event> history) {
		List<Dossier.Step> steps = repository.steps(d.code());
		pdf.field(t("form.control.deciding"), unitName(d.agencyCode()));
		pdf.field(t("form.control.consulted"), String.join("; ", steps.stream()
			.map(Dossier.Step::consultUnitCode)
			.filter(java.util.Objects::nonNull)
			.distinct()
			.map(this::unitName)
			.toList()));
		pdf.field(t("form.control.limit"), d.extendedDueAt() == null ? format(d.dueAt())
				: t("form.control.extended", format(d.extendedDueAt()), format(d.dueAt())));
		if (!steps.isEmpty()) {
			List<List<String>> stepRows = new ArrayList<>();
			for (Dossier.Step s : steps) {
				String result = s.completedAt() == null || s.dueAt() == null ? ""
						: t(s.completedAt().isAfter(s.dueAt()) ? "form.late" : "form.on-time");
				String consult = s.consultUnitCode() == null ? ""
						: unitName(s.consultUnitCode()) + " " + (s.consultedAt() == null ? t("form.control.no-opinion")
								: t("form.control.opinion", format(s.consultedAt())));
				stepRows.add(List.of(s.position() + ". " + s.name(), unitName(s.unitCode()), format(s.startedAt()),
						format(s.dueAt()), format(s.completedAt())
								+ (s.completedBy() == null ? "" : " - " + person(s.completedBy())),
						result, consult));
			}
			pdf.table(List.of(t("form.col.step"), t("form.col.step-unit"), t("form.col.step-start"),
					t("form.col.step-due"), t("form.col.step-done"), t("form.col.result"), t("form.col.consult")),
					new float[] { 0.2f, 0.16f, 0.12f, 0.12f, 0.16f, 0.08f, 0.16f }, stepRows);
		}
		List<List<String>> rows = new ArrayList<>();
		Dossier.Event previous = null;
		for (Dossier.Event e : history) {
			String handedOver = previous == null ? "" : person(previous.actor());
			boolean late = d.dueAt() != null && e.at().isAfter(d.dueAt());
			rows.add(List.of(format(e.at()), handedOver, person(e.actor()), label("dossier.action." + e.action()),
					d.dueAt() == null ? "" : t(late ? "form.late" : "form.on-time"), e.note() == null ? "" : e.note()));
			previous = e;
		}
		pdf.table(List.of(t("form.col.handover-at"), t("form.col.giver"), t("form.col.taker"), t("form.col.item"),
				t("form.col.result"), t("form.col.note")),
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
			pdf.field(t("form.applicant.business"), a.businessName() + (a.taxCode() == null ? ""
					: " (" + t("form.applicant.tax-code") + " " + a.taxCode() + ")"));
		}
		if (a.fullName() != null) {
			pdf.field(t("form.applicant.name"), a.fullName());
		}
		if (a.idNumber() != null) {
			pdf.field(t("form.applicant.id"), a.idNumber());
		}
		if (a.address() != null) {
			pdf.field(t("form.applicant.address"), a.address());
		}
		if (a.phone() != null || a.email() != null) {
			pdf.field(t("form.applicant.contact"), (a.phone() == null ? "" : a.phone())
					+ (a.email() == null ? "" : " - " + a.email()));
		}
	}


	private static Dossier.Event last(List<Dossier.Event> history, String action) {
		for (int i = history.size() - 1; i >= 0; i--) {
			if (history.get(i).action().equals(action)) {
				return history.get(i);
			}
		}
		throw new DossierProblems.ActionNotAllowedNow(new Text("problem.form.no-event", new Text("dossier.action." + action)));
	}


	/** The labels the pages show, in the reader's language. */
	private String label(String key) {
		return messages.getMessage(key, null, key.substring(key.lastIndexOf('.') + 1), LocaleContextHolder.getLocale());
	}

	/**
	 * A text of the forms in the reader's language. The Vietnamese form is the one with legal force; an English
	 * reader gets a translation that says so under the heading (docs/adr/0014).
	 */
	private String t(String key, Object... args) {
		return new Text(key, args).in(LocaleContextHolder.getLocale());
	}

	private static boolean english() {
		return "en".equals(LocaleContextHolder.getLocale().getLanguage());
	}

	/** The heading of a state document; in English the place and date, and the note that this is a translation. */
	private void header(PdfPage pdf, String superior, String issuer) {
		LocalDate today = clock.instant().atZone(Zones.VIETNAM).toLocalDate();
		pdf.header(superior, issuer, t("form.nation"), t("form.motto"), t("form.place-date", province,
				String.format("%02d", today.getDayOfMonth()), String.format("%02d", today.getMonthValue()),
				Integer.toString(today.getYear())));
		if (english()) {
			pdf.subtitle(t("form.translation"));
		}
	}

	private String minute(@Nullable Instant at) {
		if (at == null) {
			return "";
		}
		java.time.ZonedDateTime z = at.atZone(Zones.VIETNAM);
		return t("form.minute", String.format("%02d", z.getHour()), String.format("%02d", z.getMinute()),
				Zones.DAY.format(z.toLocalDate()));
	}

	private static String format(@Nullable Instant i) {
		return i == null ? "" : SHORT.format(i);
	}

	private static String applicant(Dossier d) {
		return d.applicant().fullName() != null ? d.applicant().fullName()
				: String.valueOf(d.applicant().businessName());
	}

	private String channelName(Channel c) {
		return t("form.channel." + c.name());
	}


}
