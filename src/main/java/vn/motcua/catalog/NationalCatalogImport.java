package vn.motcua.catalog;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditLog;
import vn.motcua.organization.Agencies;
import vn.motcua.organization.Agency;
import vn.motcua.organization.AgencyLevel;
import vn.motcua.platform.Texts;
import vn.motcua.platform.Zones;

/**
 * Loads procedure records in the national database's {@code LayThuTuc} shape (domain.md §3.1), so a
 * province can bring its real catalog with its versions: a record that differs from the version in force
 * is published as a new version; {@code TRANGTHAI} other than 1 abolishes. All or nothing, audited.
 */
@Service
public class NationalCatalogImport {

	private final ProcedurePublication publication;
	private final Procedures procedures;
	private final Agencies agencies;
	private final AuditLog audit;

	NationalCatalogImport(ProcedurePublication publication, Procedures procedures, Agencies agencies, AuditLog audit) {
		this.publication = publication;
		this.procedures = procedures;
		this.agencies = agencies;
		this.audit = audit;
	}

	/**
	 * @param published records that became a new version (or a new procedure)
	 * @param unchanged records equal to the version in force
	 * @param abolished records whose status abolished the procedure
	 */
	public record Result(int published, int unchanged, int abolished) {
	}

	/** Imports one record, an array of records, or an object whose {@code result}/{@code data} holds them. */
	@Transactional
	public Result importRecords(JsonNode payload, String actor) {
		return importRecords(payload, actor, ProcedureImport.Progress.NONE);
	}

	/** As {@link #importRecords(JsonNode, String)}, telling {@code progress} how far the publishing has come. */
	@Transactional
	public Result importRecords(JsonNode payload, String actor, ProcedureImport.Progress progress) {
		List<JsonNode> records = records(payload);
		List<Map<String, Object>> errors = new ArrayList<>();
		List<Parsed> parsed = new ArrayList<>();
		for (int i = 0; i < records.size(); i++) {
			List<String> problems = new ArrayList<>();
			Parsed p = parse(records.get(i), problems);
			if (problems.isEmpty()) {
				parsed.add(p);
			}
			else {
				Map<String, Object> e = new LinkedHashMap<>();
				e.put("record", i);
				e.put("line", i + 1);
				e.put("message", String.join("; ", problems));
				errors.add(e);
			}
		}
		if (errors.isEmpty() && records.isEmpty()) {
			errors.add(Map.of("record", 0, "line", 1, "message", "Không có bản ghi thủ tục nào"));
		}
		if (!errors.isEmpty()) {
			throw new ProcedureImport.InvalidImport(errors);
		}
		int published = 0;
		int unchanged = 0;
		int abolished = 0;
		int done = 0;
		for (Parsed p : parsed) {
			if (done++ % 50 == 0) {
				progress.at(done - 1, parsed.size());
			}
			Optional<ProcedureDetail> current = procedures.find(p.code(), true);
			if (!p.inForce()) {
				if (current.isPresent()) {
					publication.abolish(p.code(), p.decision(), actor);
					abolished++;
				}
				continue;
			}
			if (current.isPresent() && sameContent(current.get(), p.draft())) {
				unchanged++;
				continue;
			}
			ProcedurePublication.Decision d = p.decision();
			String type = d.number() == null ? "IMPORTED" : current.isPresent() ? "AMENDED" : "NEW";
			publication.publish(p.code(), p.draft(),
					new ProcedurePublication.Decision(d.number(), d.date(), type, d.effectiveFrom()), actor);
			published++;
		}
		progress.at(parsed.size(), parsed.size());
		audit.record(AuditEntry.of(actor, "catalog.national-imported", "catalog", "LayThuTuc")
			.with(Map.of("records", records.size(), "published", published, "unchanged", unchanged, "abolished",
					abolished)));
		return new Result(published, unchanged, abolished);
	}

	private record Parsed(String code, boolean inForce, ProcedurePublication.Draft draft,
			ProcedurePublication.Decision decision) {
	}

	private static List<JsonNode> records(JsonNode payload) {
		JsonNode node = payload;
		for (String wrapper : new String[] { "result", "data", "Data", "Result" }) {
			if (payload.isObject() && payload.has(wrapper)) {
				node = payload.get(wrapper);
			}
		}
		List<JsonNode> list = new ArrayList<>();
		if (node.isArray()) {
			node.forEach(list::add);
		}
		else if (node.isObject()) {
			list.add(node);
		}
		return list;
	}

	private Parsed parse(JsonNode r, List<String> problems) {
		String code = text(r, "MATTHC", "MaTTHC", "MATHUTUC");
		if (code == null || !code.matches("[0-9A-Za-z][0-9A-Za-z._-]{0,39}")) {
			problems.add("thiếu hoặc sai mã thủ tục (MATTHC)");
		}
		String name = text(r, "TENTTHC");
		if (name == null || name.length() > 500) {
			problems.add("thiếu tên thủ tục (TENTTHC)");
		}
		String field = first(r.path("LINHVUCTHUCHIEN"), "TENLINHVUC");
		if (field == null) {
			problems.add("thiếu lĩnh vực (LINHVUCTHUCHIEN)");
		}
		String unit = first(r.path("COQUANTHUCHIEN"), "MADONVI");
		Optional<Agency> agency = unit == null ? Optional.empty()
				: agencies.all().stream().filter(a -> unit.equals(a.identifier()) || unit.equals(a.code())).findFirst();
		if (agency.isEmpty()) {
			problems.add("không có cơ quan thực hiện mã \"" + unit + "\" (COQUANTHUCHIEN.MADONVI: mã định danh hoặc mã MotCua)");
		}
		String status = text(r, "TRANGTHAI");
		boolean inForce = status == null || status.equals("1");
		Map<String, Long> fees = new LinkedHashMap<>();
		fees.put("COUNTER", 0L);
		fees.put("ONLINE", 0L);
		fees.put("POSTAL", 0L);
		Integer amount = null;
		String durationUnit = "NONE";
		boolean online = false;
		for (JsonNode channel : r.path("CACHTHUCTHUCHIEN")) {
			String key = switch (channel.path("KENH").asString("")) {
				case "1" -> "COUNTER";
				case "2" -> "ONLINE";
				case "3" -> "POSTAL";
				default -> null;
			};
			if (key == null) {
				continue;
			}
			online |= key.equals("ONLINE");
			JsonNode time = channel.path("THOIGIAN").path(0);
			long fee = 0;
			for (JsonNode f : time.path("PHILEPHI")) {
				fee += Math.round(f.path("SOTIEN").asDouble(0));
			}
			fees.put(key, fee);
			if (amount == null && time.has("THOIGIANGIAIQUYET")) {
				double value = time.path("THOIGIANGIAIQUYET").asDouble(0);
				String u = time.path("DONVITINH").asString("Ngày làm việc").toLowerCase();
				if (value >= 1) {
					amount = (int) Math.round(value);
					durationUnit = u.contains("giờ") ? "HOURS" : "DAYS";
				}
			}
		}
		String level = agency.map(a -> a.level() == AgencyLevel.COMMUNE ? "COMMUNE" : "PROVINCE").orElse("PROVINCE");
		OnlineLevel onlineLevel = !online ? OnlineLevel.NONE
				: "4".equals(text(r, "MUCDO")) || r.path("TOANTRINH").asBoolean(false) ? OnlineLevel.FULL
						: OnlineLevel.PARTIAL;
		List<ProcedurePublication.CaseDraft> cases = cases(r, code == null ? "" : code, amount, durationUnit, fees);
		ProcedurePublication.Draft draft = problems.isEmpty() ? new ProcedurePublication.Draft(name, field,
				agency.get().code(), level, applicantTypes(r), onlineLevel, steps(r), text(r, "CACHTHUCTHUCHIEN_MOTA"),
				text(r, "YEUCAU"), joined(r.path("KETQUATHUCHIEN"), "TENKETQUA"), legalBasis(r), false, cases) : null;
		ProcedurePublication.Decision decision = new ProcedurePublication.Decision(
				text(r, "QUYETDINHCONGBO", "SOQUYETDINH"), date(text(r, "NGAYQUYETDINH", "NGAYBANHANH")), "IMPORTED",
				date(text(r, "NGAYHIEULUC")));
		return new Parsed(code, inForce, draft, decision);
	}

	private static List<ProcedurePublication.CaseDraft> cases(JsonNode r, String code, @Nullable Integer amount,
			String unit, Map<String, Long> fees) {
		List<ProcedurePublication.CaseDraft> cases = new ArrayList<>();
		JsonNode parts = r.path("THANHPHANHOSO");
		int n = 0;
		for (JsonNode part : parts) {
			n++;
			List<ProcedureDetail.Document> docs = new ArrayList<>();
			java.util.Set<String> codes = new java.util.HashSet<>();
			int ordinal = 1;
			for (JsonNode doc : part.path("GIAYTO")) {
				// the national code of the paper where it has a usable one, else its place (TP01, …)
				String national = Texts.strippedOrNull(doc.path("MAGIAYTO").asString(null));
				String docCode = national != null && national.matches("[0-9A-Za-z._-]{1,64}") && codes.add(national)
						? national : ProcedureDetail.Document.defaultCode(ordinal);
				codes.add(docCode);
				docs.add(new ProcedureDetail.Document(docCode, ordinal++, doc.path("TENGIAYTO").asString(""),
						count(doc, "SOBANCHINH", 1), count(doc, "SOBANSAO", 0), doc.path("BATBUOC").asBoolean(true),
						Texts.strippedOrNull(doc.path("TENMAUDON").asString(null)),
						webLink(doc.path("URL").asString(null)), doc.path("THAYTHEBANGDULIEU").asBoolean(false)));
			}
			String caseName = Texts.strippedOrNull(part.path("TRUONGHOP").asString(null));
			// a local system's export may carry the case's e-form (EFORM) and BatBuocDinhKemKetQua
			EForm form = part.has("EFORM") ? TemplateJson.parse(part.get("EFORM")).form() : null;
			Boolean electronic = part.has("BATBUOCDINHKEMKETQUA") ? part.get("BATBUOCDINHKEMKETQUA").asBoolean(false) : null;
			// BatBuocKySoKetQua: the result is a digitally signed document, signed by the deciding unit's leader
			boolean mustSign = part.path("BATBUOCKYSOKETQUA").asBoolean(false);
			if (mustSign) {
				electronic = true;
			}
			cases.add(new ProcedurePublication.CaseDraft(code + "-" + String.format("%02d", n),
					caseName == null ? "Trường hợp chung" : caseName, n == 1, amount, unit, null, fees, docs,
					form != null && form.definitionProblems().isEmpty() ? form : null, electronic,
					mustSign ? vn.motcua.identity.Role.DEPARTMENT_LEADER : null));
		}
		if (cases.isEmpty()) {
			cases.add(new ProcedurePublication.CaseDraft(code + "-01", "Trường hợp chung", true, amount, unit, null, fees,
					List.of()));
		}
		return cases;
	}

	/** A blank form's address, kept only when it is a web link (it becomes one on the pages). */
	private static @Nullable String webLink(@Nullable String url) {
		String u = Texts.strippedOrNull(url);
		return u != null && TemplateJson.isWebLink(u) ? u : null;
	}

	private static int count(JsonNode doc, String field, int otherwise) {
		JsonNode n = doc.path(field);
		int v = n.isInt() ? n.asInt() : n.isString() && n.asString().strip().matches("\\d{1,2}") ? Integer.parseInt(n.asString().strip())
				: otherwise;
		return Math.min(99, Math.max(0, v));
	}

	private static @Nullable String steps(JsonNode r) {
		List<String> steps = new ArrayList<>();
		for (JsonNode t : r.path("TRINHTUTHUCHIEN")) {
			for (JsonNode s : t.path("TRINHTU")) {
				String name = Texts.strippedOrNull(s.path("TENTRINHTU").asString(null));
				if (name != null) {
					steps.add(name);
				}
			}
		}
		return steps.isEmpty() ? null : String.join("\n", steps);
	}

	private static List<String> applicantTypes(JsonNode r) {
		String d = text(r, "MOTADOITUONGTHUCHIEN", "DOITUONGTHUCHIEN");
		return d == null ? List.of()
				: List.of(d.split("[;\\n]")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	private static @Nullable String legalBasis(JsonNode r) {
		List<String> items = new ArrayList<>();
		for (JsonNode doc : r.path("CANCUPHAPLY")) {
			String s = (doc.path("SOVANBAN").asString("") + " " + doc.path("TENVANBAN").asString("")).strip();
			if (!s.isEmpty()) {
				items.add(s);
			}
		}
		return items.isEmpty() ? null : String.join("; ", items);
	}

	private static @Nullable String joined(JsonNode array, String name) {
		List<String> items = new ArrayList<>();
		array.forEach(n -> {
			String s = Texts.strippedOrNull(n.path(name).asString(null));
			if (s != null) {
				items.add(s);
			}
		});
		return items.isEmpty() ? null : String.join("; ", items);
	}

	private static @Nullable String first(JsonNode array, String name) {
		return array.isArray() && !array.isEmpty() ? Texts.strippedOrNull(array.get(0).path(name).asString(null)) : null;
	}

	private static @Nullable String text(JsonNode r, String... names) {
		for (String n : names) {
			JsonNode v = r.path(n);
			if (v.isString() || v.isNumber()) {
				String s = Texts.strippedOrNull(v.asString());
				if (s != null) {
					return s;
				}
			}
		}
		return null;
	}

	private static @Nullable LocalDate date(@Nullable String s) {
		if (s == null) {
			return null;
		}
		try {
			return s.contains("/") ? LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s, Zones.DAY)
					: LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	/** True when the version in force already says what the record says. */
	private static boolean sameContent(ProcedureDetail current, ProcedurePublication.Draft draft) {
		ProcedureSummary s = current.summary();
		return s.name().equals(draft.name()) && s.field().equals(draft.field())
				&& s.agencyCode().equals(draft.agencyCode()) && s.onlineLevel() == draft.onlineLevel()
				&& java.util.Objects.equals(current.steps(), draft.steps())
				&& java.util.Objects.equals(current.conditions(), draft.conditions())
				&& java.util.Objects.equals(current.result(), draft.result())
				&& java.util.Objects.equals(current.legalBasis(), draft.legalBasis())
				&& current.cases().size() == draft.cases().size()
				&& current.cases().stream().map(NationalCatalogImport::caseKey).collect(Collectors.toList())
					.equals(draft.cases().stream().map(NationalCatalogImport::caseKey).collect(Collectors.toList()));
	}

	private static String caseKey(ProcedureDetail.Case c) {
		return c.code() + "|" + c.name() + "|" + c.durationAmount() + "|" + c.durationUnit() + "|" + c.feesVnd() + "|"
				+ c.documents().stream().map(ProcedureDetail.Document::name).toList();
	}

	private static String caseKey(ProcedurePublication.CaseDraft c) {
		return c.code() + "|" + c.name() + "|" + c.durationAmount() + "|" + c.durationUnit() + "|" + c.feesVnd() + "|"
				+ c.documents().stream().map(ProcedureDetail.Document::name).toList();
	}
}
