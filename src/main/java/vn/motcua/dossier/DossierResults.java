package vn.motcua.dossier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.catalog.ProcedureDetail;
import vn.motcua.document.DocumentStore;
import vn.motcua.document.PersonalDocuments;
import vn.motcua.document.RefusedDocument;
import vn.motcua.document.ResultSignatures;
import vn.motcua.document.StoredDocument;
import vn.motcua.identity.Caller;
import vn.motcua.identity.Role;
import vn.motcua.organization.Agencies;
import vn.motcua.platform.InvalidParameter;
import vn.motcua.platform.NotFound;
import vn.motcua.platform.TextRules;

/**
 * Kết quả giải quyết as electronic documents (docs/api.md, "Results and electronic signatures"): the deciding
 * unit's specialist or leader uploads drafts while the dossier is processed; FINISH signs every draft on the
 * server with the deciding agency's certificate, in its own transaction, and issues the signed file to the
 * applicant's store; anyone can verify a result by its id or its file. The applicant sees signed results only.
 */
@Service
public class DossierResults {

	private static final String DRAFT_OWNER = "dossier-result-draft";

	private final DossierAccess access;
	private final DocumentStore store;
	private final PersonalDocuments personal;
	private final ResultSignatures signatures;
	private final JdbcDossierRepository repository;
	private final FiledCases cases;
	private final DossierJournal journal;
	private final Agencies agencies;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final String publicBaseUrl;
	private final String province;
	private final vn.motcua.identity.StaffAccounts staff;

	DossierResults(DossierAccess access, DocumentStore store, PersonalDocuments personal, ResultSignatures signatures,
			JdbcDossierRepository repository, FiledCases cases, DossierJournal journal, Agencies agencies,
			JdbcClient jdbc, Clock clock, @Value("${motcua.public-base-url:http://localhost:8080}") String publicBaseUrl,
			@Value("${motcua.province-name:Cà Mau}") String province, vn.motcua.identity.StaffAccounts staff) {
		this.staff = staff;
		this.province = province;
		this.access = access;
		this.store = store;
		this.personal = personal;
		this.signatures = signatures;
		this.repository = repository;
		this.cases = cases;
		this.journal = journal;
		this.agencies = agencies;
		this.jdbc = jdbc;
		this.clock = clock;
		this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
	}

	/**
	 * @param sha256 of the file as it is now: the draft's, the signed one's once SIGNED
	 * @param verifyUrl the public page behind the stamp's QR code
	 */
	public record Result(UUID id, String dossierCode, String title, String status, @Nullable Instant signedAt,
			@Nullable String signer, String sha256, String verifyUrl, String fileName) {

		public boolean signed() {
			return "SIGNED".equals(status);
		}
	}

	/** A result's public verification: nothing about the applicant. */
	public record Verified(Result result, ResultSignatures.Verification signature, @Nullable String procedureName,
			String agencyName) {
	}

	/** A file checked against the results MotCua issued. */
	public record FileCheck(boolean valid, @Nullable UUID resultId, @Nullable String signer, @Nullable Instant signedAt,
			@Nullable String reason) {
	}

	@Transactional
	public Result draft(String code, @Nullable String title, String fileName, InputStream content, Caller caller) {
		Dossier d = access.visible(code, caller, true);
		requireDrafting(d, caller);
		String t = title == null ? "" : title.strip();
		if (t.isEmpty() || !TextRules.fits(t, TextRules.NAME)) {
			throw new InvalidParameter("title", "Cần tên kết quả (tối đa " + TextRules.NAME + " ký tự).");
		}
		return saveDraft(d, t, fileName, readPdf(content), caller);
	}

	/**
	 * A draft made from the case's result template (mẫu kết quả) filled with the dossier's data and e-form
	 * answers, printed like the legal forms; checked as an upload is.
	 */
	@Transactional
	public Result generate(String code, Caller caller) {
		Dossier d = access.visible(code, caller, true);
		requireDrafting(d, caller);
		ProcedureDetail.Case c = cases.of(d);
		if (c == null || c.resultTemplate() == null) {
			throw new DossierProblems.ActionNotAllowedNow("Thủ tục chưa có mẫu kết quả; hãy tải lên tệp kết quả.");
		}
		String agencyName = agencies.find(d.agencyCode()).map(a -> a.name()).orElse(d.agencyCode());
		java.util.function.Function<String, @Nullable String> values = name -> value(d, c, agencyName, name);
		String title = vn.motcua.catalog.ResultTemplate.fill(c.resultTemplate().title(), values);
		byte[] pdf;
		try (vn.motcua.platform.PdfPage page = new vn.motcua.platform.PdfPage()) {
			page.header("UBND tỉnh " + province, agencyName, province + ", ngày "
					+ vn.motcua.platform.Zones.today(clock).format(vn.motcua.platform.Zones.DAY));
			page.title(title.toUpperCase(java.util.Locale.forLanguageTag("vi")));
			page.subtitle("Mã hồ sơ: " + d.code());
			for (String line : vn.motcua.catalog.ResultTemplate.fill(c.resultTemplate().body(), values).split("\\R")) {
				if (!line.isBlank()) {
					page.paragraph(line.strip());
				}
			}
			page.signatures("", "", "THỦ TRƯỞNG CƠ QUAN", "(Ký số)");
			pdf = page.bytes();
		}
		return saveDraft(d, title.length() > TextRules.NAME ? title.substring(0, TextRules.NAME) : title,
				"du-thao-ket-qua-" + d.code() + ".pdf", pdf, caller);
	}

	/** What a placeholder of a result template reads for this dossier. */
	private @Nullable String value(Dossier d, ProcedureDetail.Case c, String agencyName, String name) {
		if (name.startsWith("form.")) {
			String field = name.substring(5);
			return c.form().fields().stream().filter(f -> f.name().equals(field)).findFirst()
				.map(f -> f.text(d.formData().get(field))).orElse(null);
		}
		return switch (name) {
			case "applicant.fullName" -> d.applicant().fullName();
			case "applicant.idNumber" -> d.applicant().idNumber();
			case "applicant.dateOfBirth" -> d.applicant().dateOfBirth() == null ? null
					: d.applicant().dateOfBirth().format(vn.motcua.platform.Zones.DAY);
			case "applicant.address" -> d.applicant().address();
			case "applicant.businessName" -> d.applicant().businessName();
			case "applicant.taxCode" -> d.applicant().taxCode();
			case "dossier.code" -> d.code();
			case "procedure.name" -> d.procedureName();
			case "agency.name" -> agencyName;
			case "date" -> vn.motcua.platform.Zones.today(clock).format(vn.motcua.platform.Zones.DAY);
			default -> null;
		};
	}

	private Result saveDraft(Dossier d, String t, String fileName, byte[] pdf, Caller caller) {
		String code = d.code();
		StoredDocument file = store.store(DRAFT_OWNER, code, "", fileName, new java.io.ByteArrayInputStream(pdf),
				caller.username());
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		jdbc.sql("""
				insert into dossier_result (id, dossier_code, title, status, draft_document_id, created_at, created_by)
				values (?, ?, ?, 'DRAFT', ?, ?, ?)""")
			.params(id, code, t, file.id(), Timestamp.from(now), caller.username())
			.update();
		journal.record(code, d.agencyCode(), now, caller.username(), "RESULT_DRAFTED", d.status(), d.status(), t,
				Map.of("result", id.toString(), "sha256", file.sha256(), "fileName", file.fileName()));
		return find(code, id).orElseThrow();
	}

	/** The deciding unit's specialists and leaders draft results. */
	private boolean decides(Dossier d, Caller caller) {
		return d.agencyCode().equals(caller.unitCode()) && caller.has(Role.SPECIALIST)
				|| caller.has(Role.DEPARTMENT_LEADER) && caller.unitCode() != null
						&& agencies.isWithin(d.agencyCode(), caller.unitCode());
	}

	/** 403 unless the caller is of the deciding unit, then 409 unless the dossier is being processed. */
	private void requireDrafting(Dossier d, Caller caller) {
		if (!decides(d, caller)) {
			throw new DossierProblems.ActionForbidden("Chỉ chuyên viên, lãnh đạo của đơn vị giải quyết được dự thảo kết quả.");
		}
		if (d.status() != DossierStatus.PROCESSING) {
			throw new DossierProblems.ActionNotAllowedNow("Chỉ dự thảo kết quả khi hồ sơ đang được giải quyết (PROCESSING).");
		}
	}

	/** Whether the page offers the caller to draft a result now. */
	public boolean mayDraft(Dossier d, Caller caller) {
		return !caller.citizen() && d.status() == DossierStatus.PROCESSING && decides(d, caller);
	}

	@Transactional(readOnly = true)
	/**
	 * The signed results of a dossier, for a module acting on its events (the national portal sync) inside or after
	 * the change's transaction; never to answer a caller, who goes through {@link #list}.
	 */
	public List<Result> issued(String code) {
		return results(code).stream().filter(Result::signed).toList();
	}

	public List<Result> list(String code, Caller caller) {
		access.visible(code, caller, false);
		return results(code).stream().filter(r -> r.signed() || !caller.citizen()).toList();
	}

	/** The file of a result the caller may see (an applicant: signed ones only). */
	@Transactional(readOnly = true)
	public DossierDocuments.Download content(String code, UUID id, Caller caller) {
		access.visible(code, caller, false);
		Result r = find(code, id).filter(x -> x.signed() || !caller.citizen())
			.orElseThrow(() -> new NotFound("Không có kết quả này."));
		StoredDocument file = fileOf(id);
		return new DossierDocuments.Download(file, store.open(file));
	}

	/**
	 * FINISH's precondition on who takes it: a case that names the role signing its result is finished by someone
	 * holding it (the result is signed with their unit's certificate).
	 */
	void requireSigner(Dossier d, Caller caller) {
		ProcedureDetail.Case c = cases.of(d);
		if (c != null && c.resultSigner() != null && !caller.has(c.resultSigner())) {
			throw new DossierProblems.SignerRequired(c.resultSigner());
		}
	}

	/** FINISH's precondition: a case that requires an electronic result has one. */
	void requireFor(Dossier d) {
		ProcedureDetail.Case c = cases.of(d);
		if (c != null && c.requiresElectronicResult() && results(d.code()).isEmpty()) {
			throw new DossierProblems.ActionNotAllowedNow(
					"Thủ tục yêu cầu kết quả điện tử: cần dự thảo kết quả (tệp PDF) trước khi hoàn thành.");
		}
	}

	/**
	 * At FINISH, in its transaction: signs every draft, issues it to the applicant, marks the dossier.
	 *
	 * @return whether anything was signed
	 */
	boolean signDrafts(Dossier d, String actor) {
		List<Result> drafts = results(d.code()).stream().filter(r -> !r.signed()).toList();
		if (drafts.isEmpty()) {
			return false;
		}
		Instant now = clock.instant();
		String signingUnit = signingUnit(d, actor);
		String agencyName = agencies.find(signingUnit).map(a -> a.name()).orElse(signingUnit);
		String applicant = "CITIZEN".equals(d.applicant().type()) ? d.applicant().idNumber() : null;
		for (Result r : drafts) {
			ResultSignatures.Signed signed = signatures.sign(bytes(fileOf(r.id())), new ResultSignatures.Stamp(signingUnit, agencyName,
					now, r.verifyUrl(), "Kết quả giải quyết hồ sơ " + d.code()));
			StoredDocument issued = personal.issueResult(applicant, d.code(), r.title(),
					"ket-qua-" + d.code() + "-" + r.id().toString().substring(0, 8) + ".pdf", signed.pdf(), actor);
			jdbc.sql("""
					update dossier_result set status = 'SIGNED', signed_document_id = ?, signed_at = ?, signer = ?
					where id = ?""")
				.params(issued.id(), Timestamp.from(now), signed.signer(), r.id())
				.update();
			journal.record(d.code(), d.agencyCode(), now, actor, "RESULT_SIGNED", DossierStatus.FINISHED, DossierStatus.FINISHED, r.title(),
					Map.of("result", r.id().toString(), "sha256", signed.sha256(), "signer", signed.signer()));
		}
		repository.markElectronicResult(d.code());
		return true;
	}

	/**
	 * Whose certificate signs: the deciding unit's, or the provincial People's Committee's (the province leader's
	 * unit) when the case names a province leader as the signer.
	 */
	private String signingUnit(Dossier d, String actor) {
		ProcedureDetail.Case c = cases.of(d);
		if (c != null && c.resultSigner() == vn.motcua.identity.Role.PROVINCE_LEADER) {
			return staff.find(actor).map(vn.motcua.identity.StaffAccount::unitCode).filter(java.util.Objects::nonNull)
				.orElse(d.agencyCode());
		}
		return d.agencyCode();
	}

	@Transactional(readOnly = true)
	public Optional<Verified> verification(UUID id) {
		return jdbc.sql("select dossier_code from dossier_result where id = ? and status = 'SIGNED'").param(id)
			.query(String.class).optional()
			.flatMap(code -> find(code, id))
			.map(r -> {
				Dossier d = repository.find(r.dossierCode(), false).orElseThrow();
				return new Verified(r, signatures.verify(bytes(fileOf(id))), d.procedureName(),
						agencies.find(d.agencyCode()).map(a -> a.name()).orElse(d.agencyCode()));
			});
	}

	/** A file someone holds: intact, trusted, and one of the results MotCua issued. */
	@Transactional(readOnly = true)
	public FileCheck verifyFile(InputStream content) {
		byte[] pdf = readPdf(content);
		ResultSignatures.Verification v = signatures.verify(pdf);
		if (!v.valid()) {
			return new FileCheck(false, null, v.signer(), v.signedAt(), v.reason());
		}
		Optional<UUID> issued = jdbc.sql("""
				select r.id from dossier_result r join document f on f.id = r.signed_document_id where f.sha256 = ?""")
			.param(v.sha256())
			.query(UUID.class)
			.optional();
		return issued.map(id -> new FileCheck(true, id, v.signer(), v.signedAt(), null))
			.orElseGet(() -> new FileCheck(false, null, v.signer(), v.signedAt(),
					"Chữ ký hợp lệ nhưng tệp không phải kết quả do hệ thống cấp."));
	}

	private static byte[] readPdf(InputStream content) {
		byte[] pdf;
		try {
			pdf = content.readNBytes((int) DocumentStore.MAX_BYTES + 1);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (pdf.length > DocumentStore.MAX_BYTES) {
			throw new RefusedDocument(HttpStatus.CONTENT_TOO_LARGE, "Tệp vượt quá " + DocumentStore.MAX_BYTES / 1024 / 1024 + " MB.");
		}
		if (pdf.length < 5 || !new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).equals("%PDF-")
				|| !ResultSignatures.readable(pdf)) {
			throw new RefusedDocument(HttpStatus.BAD_REQUEST, "Kết quả phải là tệp PDF đọc được.");
		}
		return pdf;
	}

	/** A result's file as it is now: the signed one once SIGNED, the draft before. */
	private StoredDocument fileOf(UUID result) {
		UUID id = jdbc.sql("select coalesce(signed_document_id, draft_document_id) from dossier_result where id = ?")
			.param(result)
			.query(UUID.class)
			.single();
		return store.find(id).orElseThrow();
	}

	private byte[] bytes(StoredDocument file) {
		try (InputStream in = store.open(file)) {
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private Optional<Result> find(String code, UUID id) {
		return results(code).stream().filter(r -> r.id().equals(id)).findFirst();
	}

	private List<Result> results(String code) {
		return jdbc.sql("""
				select r.*, f.sha256, f.file_name from dossier_result r
				join document f on f.id = coalesce(r.signed_document_id, r.draft_document_id)
				where r.dossier_code = ? order by r.created_at, r.id""")
			.param(code)
			.query((rs, n) -> new Result(rs.getObject("id", UUID.class), rs.getString("dossier_code"),
					rs.getString("title"), rs.getString("status"), JdbcDossierRepository.instant(rs, "signed_at"),
					rs.getString("signer"), rs.getString("sha256"),
					publicBaseUrl + "/results/" + rs.getObject("id", UUID.class), rs.getString("file_name")))
			.list();
	}
}
