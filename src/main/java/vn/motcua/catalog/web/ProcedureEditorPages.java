package vn.motcua.catalog.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.ProcedureDetail;
import vn.motcua.catalog.ProcedurePublication;
import vn.motcua.catalog.Procedures;
import vn.motcua.organization.Agencies;
import vn.motcua.organization.Agency;
import vn.motcua.platform.Texts;
import vn.motcua.platform.Zones;

/**
 * Administrators write a procedure's content and publish it as a new version under its decision: the
 * default case's time limit, cut-off hour and fees per channel, and its documents one per line.
 * Every mistake is reported in Vietnamese next to the form, and nothing is published until all is right.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class ProcedureEditorPages {

	private final Procedures procedures;
	private final ProcedurePublication publication;
	private final Agencies agencies;
	private final java.time.Clock clock;

	ProcedureEditorPages(Procedures procedures, ProcedurePublication publication, Agencies agencies, java.time.Clock clock) {
		this.procedures = procedures;
		this.publication = publication;
		this.agencies = agencies;
		this.clock = clock;
	}

	/** The form's fields, as typed. */
	public static class Form {

		public String code = "";
		public String name = "";
		public String field = "";
		public String agencyCode = "";
		public String onlineLevel = "PARTIAL";
		public String applicantTypes = "";
		/** CITIZEN, BUSINESS, BOTH; empty: read from the applicant types. */
		public String audience = "";
		public String durationAmount = "";
		public String durationUnit = "DAYS";
		public String cutoffTime = "";
		public String feeCounter = "0";
		public String feeOnline = "0";
		public String feePostal = "0";
		public String documents = "";
		/** Trường hợp khác, one per line: name | time limit | ngày/giờ/không | fee counter | online | postal | code. */
		public String otherCases = "";
		public String steps = "";
		public String methods = "";
		public String conditions = "";
		public String result = "";
		public String legalBasis = "";
		public boolean internal;
		public String decisionNumber = "";
		public String decisionDate = "";

		// setters for data binding
		public void setCode(String v) { code = v; }
		public void setName(String v) { name = v; }
		public void setField(String v) { field = v; }
		public void setAgencyCode(String v) { agencyCode = v; }
		public void setOnlineLevel(String v) { onlineLevel = v; }
		public void setApplicantTypes(String v) { applicantTypes = v; }
		public void setAudience(String v) { audience = v; }
		public void setDurationAmount(String v) { durationAmount = v; }
		public void setDurationUnit(String v) { durationUnit = v; }
		public void setCutoffTime(String v) { cutoffTime = v; }
		public void setFeeCounter(String v) { feeCounter = v; }
		public void setFeeOnline(String v) { feeOnline = v; }
		public void setFeePostal(String v) { feePostal = v; }
		public void setDocuments(String v) { documents = v; }
		public void setOtherCases(String v) { otherCases = v; }
		public void setSteps(String v) { steps = v; }
		public void setMethods(String v) { methods = v; }
		public void setConditions(String v) { conditions = v; }
		public void setResult(String v) { result = v; }
		public void setLegalBasis(String v) { legalBasis = v; }
		public void setInternal(boolean v) { internal = v; }
		public void setDecisionNumber(String v) { decisionNumber = v; }
		public void setDecisionDate(String v) { decisionDate = v; }
	}

	@GetMapping("/admin/catalog/procedures/new")
	String create(Model model) {
		Form form = new Form();
		form.decisionDate = Zones.today(clock).format(Zones.DAY);
		return show(form, false, model);
	}

	@GetMapping("/admin/catalog/procedures/{code}")
	String edit(@PathVariable String code, Model model) {
		ProcedureDetail d = procedures.find(code, true)
			.orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
					org.springframework.http.HttpStatus.NOT_FOUND));
		ProcedureDetail.Case c = d.defaultCase();
		Form f = new Form();
		f.code = code;
		f.name = d.summary().name();
		f.field = d.summary().field();
		f.agencyCode = d.summary().agencyCode();
		f.onlineLevel = d.summary().onlineLevel().name();
		f.applicantTypes = String.join("; ", d.applicantTypes());
		f.audience = d.audience().name();
		f.durationAmount = c.durationAmount() == null ? "" : c.durationAmount().toString();
		f.durationUnit = c.durationUnit();
		f.cutoffTime = c.cutoffTime() == null ? "" : c.cutoffTime().toString();
		f.feeCounter = String.valueOf(c.feesVnd().getOrDefault("COUNTER", 0L));
		f.feeOnline = String.valueOf(c.feesVnd().getOrDefault("ONLINE", 0L));
		f.feePostal = String.valueOf(c.feesVnd().getOrDefault("POSTAL", 0L));
		f.documents = String.join("\n", c.documents().stream().map(doc -> doc.name() + " | " + doc.originals() + " | "
				+ doc.copies() + " | " + (doc.required() ? "bắt buộc" : "nếu có") + (doc.replacedByData() ? " | dữ liệu" : ""))
			.toList());
		f.otherCases = String.join("\n", d.cases().stream().filter(x -> !x.isDefault()).map(ProcedureEditorPages::caseLine).toList());
		f.steps = nz(d.steps());
		f.methods = nz(d.methods());
		f.conditions = nz(d.conditions());
		f.result = nz(d.result());
		f.legalBasis = nz(d.legalBasis());
		f.internal = d.summary().internal();
		f.decisionDate = Zones.today(clock).format(Zones.DAY);
		model.addAttribute("current", d);
		return show(f, true, model);
	}

	@PostMapping("/admin/catalog/procedures")
	String publish(@ModelAttribute("form") Form form, Authentication actor, Model model, RedirectAttributes redirect) {
		Map<String, String> errors = new LinkedHashMap<>();
		String code = form.code.strip();
		if (!code.matches("[0-9A-Za-z][0-9A-Za-z._-]{0,39}")) {
			errors.put("code", "Mã thủ tục gồm chữ, số, dấu chấm, gạch (tối đa 40 ký tự), ví dụ 1.001776");
		}
		boolean existing = procedures.find(code, true).isPresent();
		required(form.name, "name", "Nhập tên thủ tục", errors);
		required(form.field, "field", "Nhập lĩnh vực", errors);
		Optional<Agency> agency = agencies.find(form.agencyCode.strip());
		if (agency.isEmpty()) {
			errors.put("agencyCode", "Chọn cơ quan thực hiện");
		}
		OnlineLevel online = switch (form.onlineLevel) {
			case "FULL" -> OnlineLevel.FULL;
			case "NONE" -> OnlineLevel.NONE;
			default -> OnlineLevel.PARTIAL;
		};
		Integer amount = null;
		String unit = form.durationUnit;
		if (!List.of("DAYS", "HOURS", "NONE").contains(unit)) {
			unit = "DAYS";
		}
		if (!unit.equals("NONE")) {
			amount = FormNumbers.whole(form.durationAmount, "durationAmount", 1, 10_000, "Thời hạn là số nguyên dương", errors);
		}
		LocalTime cutoff = null;
		if (!form.cutoffTime.isBlank()) {
			try {
				cutoff = LocalTime.parse(form.cutoffTime.strip());
			}
			catch (DateTimeParseException e) {
				errors.put("cutoffTime", "Giờ tiếp nhận cuối ngày dạng HH:mm, ví dụ 15:00");
			}
		}
		Map<String, Long> fees = new LinkedHashMap<>();
		fees.put("COUNTER", (long) num0(FormNumbers.whole(form.feeCounter, "feeCounter", 0, 1_000_000_000, "Phí là số nguyên không âm (đồng)", errors)));
		fees.put("ONLINE", (long) num0(FormNumbers.whole(form.feeOnline, "feeOnline", 0, 1_000_000_000, "Phí là số nguyên không âm (đồng)", errors)));
		fees.put("POSTAL", (long) num0(FormNumbers.whole(form.feePostal, "feePostal", 0, 1_000_000_000, "Phí là số nguyên không âm (đồng)", errors)));
		List<ProcedureDetail.Document> documents = documents(form.documents, errors);
		// an edited procedure keeps its case codes: dossiers and internal processes refer to them
		String defaultCode = procedures.find(code, true).map(d -> d.defaultCase().code()).orElse(code + "-01");
		List<ProcedurePublication.CaseDraft> others = otherCases(form.otherCases, code, defaultCode, cutoff, documents,
				errors);
		required(form.decisionNumber, "decisionNumber", "Nhập số quyết định công bố", errors);
		LocalDate decisionDate = null;
		try {
			decisionDate = LocalDate.parse(form.decisionDate.strip(), Zones.DAY);
		}
		catch (DateTimeParseException e) {
			errors.put("decisionDate", "Ngày quyết định dạng dd/MM/yyyy");
		}
		if (!errors.isEmpty()) {
			model.addAttribute("errors", errors);
			procedures.find(code, true).ifPresent(d -> model.addAttribute("current", d));
			return show(form, existing, model);
		}
		String level = agency.get().level() == vn.motcua.organization.AgencyLevel.COMMUNE ? "COMMUNE" : "PROVINCE";
		ProcedurePublication.Draft draft = new ProcedurePublication.Draft(form.name.strip(), form.field.strip(),
				agency.get().code(), level, List.of(form.applicantTypes.split(";")).stream().map(String::strip)
					.filter(s -> !s.isEmpty()).toList(),
				java.util.Arrays.stream(vn.motcua.catalog.Audience.values()).filter(a -> a.name().equals(form.audience))
					.findFirst().orElse(null),
				online, Texts.strippedOrNull(form.steps), Texts.strippedOrNull(form.methods), Texts.strippedOrNull(form.conditions), Texts.strippedOrNull(form.result),
				Texts.strippedOrNull(form.legalBasis), form.internal,
				java.util.stream.Stream.concat(java.util.stream.Stream.of(new ProcedurePublication.CaseDraft(defaultCode,
						"Trường hợp chung", true, amount, unit, cutoff, fees, documents)), others.stream()).toList());
		int version = publication.publish(code, draft, new ProcedurePublication.Decision(form.decisionNumber.strip(),
				decisionDate, existing ? "AMENDED" : "NEW", decisionDate), actor.getName());
		redirect.addFlashAttribute("published", version);
		return "redirect:/admin/catalog/procedures/" + code;
	}

	private String show(Form form, boolean existing, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("existing", existing);
		model.addAttribute("agencies", agencies.validOn(Zones.today(clock)));
		return "catalog/editor";
	}

	/** One document per line: name | originals | copies | bắt buộc/nếu có | dữ liệu. */
	private static List<ProcedureDetail.Document> documents(String text, Map<String, String> errors) {
		List<ProcedureDetail.Document> docs = new ArrayList<>();
		int ordinal = 0;
		for (String line : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
			ordinal++;
			String[] parts = line.split("\\|");
			String name = parts[0].strip();
			int originals = 1;
			int copies = 0;
			try {
				originals = parts.length > 1 ? Integer.parseInt(parts[1].strip()) : 1;
				copies = parts.length > 2 ? Integer.parseInt(parts[2].strip()) : 0;
			}
			catch (NumberFormatException e) {
				errors.put("documents", "Dòng " + ordinal + " thành phần hồ sơ: số bản chính, bản sao phải là số");
			}
			boolean required = parts.length <= 3 || !parts[3].strip().toLowerCase().startsWith("nếu");
			boolean data = parts.length > 4 && parts[4].strip().toLowerCase().startsWith("dữ liệu");
			if (name.isEmpty() || originals < 0 || copies < 0) {
				errors.put("documents", "Dòng " + ordinal + " thành phần hồ sơ: thiếu tên hoặc số bản âm");
			}
			docs.add(new ProcedureDetail.Document(ordinal, name, Math.max(0, originals), Math.max(0, copies), required,
					null, null, data));
		}
		return docs;
	}

	/**
	 * The other cases, one per line: {@code tên | thời hạn | ngày/giờ/không | phí trực tiếp | phí trực tuyến |
	 * phí bưu chính | mã}; the code is made when left out. They share the default case's documents and cut-off.
	 */
	private static List<ProcedurePublication.CaseDraft> otherCases(String text, String code, String defaultCode,
			@Nullable LocalTime cutoff, List<ProcedureDetail.Document> documents, Map<String, String> errors) {
		List<ProcedurePublication.CaseDraft> cases = new ArrayList<>();
		java.util.Set<String> codes = new java.util.HashSet<>(List.of(defaultCode));
		int n = 0;
		for (String line : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
			n++;
			String[] p = line.split("\\|", -1);
			String name = p[0].strip();
			String unit = switch (p.length > 2 ? p[2].strip().toLowerCase(java.util.Locale.ROOT) : "ngày") {
				case "ngày", "ngay", "days", "" -> "DAYS";
				case "giờ", "gio", "hours" -> "HOURS";
				case "không", "khong", "none" -> "NONE";
				default -> null;
			};
			Integer amount = null;
			Map<String, Long> fees = new LinkedHashMap<>();
			try {
				if (!"NONE".equals(unit)) {
					amount = Integer.parseInt(p.length > 1 ? p[1].strip() : "");
				}
				String[] channels = { "COUNTER", "ONLINE", "POSTAL" };
				for (int i = 0; i < 3; i++) {
					String fee = p.length > 3 + i ? p[3 + i].strip().replace(".", "") : "";
					fees.put(channels[i], fee.isEmpty() ? 0L : Long.parseLong(fee));
				}
			}
			catch (NumberFormatException e) {
				amount = -1;
			}
			String caseCode = p.length > 6 && !p[6].isBlank() ? p[6].strip() : null;
			if (caseCode == null) {
				int next = cases.size() + 2;
				do {
					caseCode = code + "-" + String.format("%02d", next++);
				}
				while (codes.contains(caseCode));
			}
			if (name.isEmpty() || name.length() > 500 || unit == null || amount != null && (amount < 1 || amount > 10_000)
					|| fees.values().stream().anyMatch(f -> f < 0 || f > 1_000_000_000) || !codes.add(caseCode)
					|| !caseCode.matches("[0-9A-Za-z._-]{1,60}")) {
				errors.put("otherCases", "Dòng " + n + " trường hợp khác: cần tên, thời hạn là số nguyên dương với đơn vị"
						+ " ngày/giờ/không, phí là số nguyên không âm, mã không trùng");
				continue;
			}
			cases.add(new ProcedurePublication.CaseDraft(caseCode, name, false, amount, unit, cutoff, fees, documents));
		}
		return cases;
	}

	private static String caseLine(ProcedureDetail.Case c) {
		String unit = switch (c.durationUnit()) {
			case "HOURS" -> "giờ";
			case "NONE" -> "không";
			default -> "ngày";
		};
		return c.name() + " | " + (c.durationAmount() == null ? "" : c.durationAmount()) + " | " + unit + " | "
				+ c.feesVnd().getOrDefault("COUNTER", 0L) + " | " + c.feesVnd().getOrDefault("ONLINE", 0L) + " | "
				+ c.feesVnd().getOrDefault("POSTAL", 0L) + " | " + c.code();
	}

	private static int num0(@Nullable Integer n) {
		return n == null ? 0 : n;
	}

	private static void required(String value, String field, String message, Map<String, String> errors) {
		if (value == null || value.isBlank() || value.length() > 500) {
			errors.put(field, message);
		}
	}

	private static String nz(@Nullable String s) {
		return s == null ? "" : s;
	}
}
