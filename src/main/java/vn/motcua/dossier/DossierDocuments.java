package vn.motcua.dossier;

import java.io.InputStream;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.catalog.ProcedureDetail;
import vn.motcua.document.DocumentStore;
import vn.motcua.document.StoredDocument;
import vn.motcua.identity.Role;
import vn.motcua.identity.Caller;

/**
 * Thành phần hồ sơ as files: the applicant attaches them while filing or supplementing, the one-stop officer
 * while receiving, the deciding unit's specialist while processing. Each attachment is stored with its
 * SHA-256 and recorded in the dossier's history and the audit log in one transaction.
 */
@Service
public class DossierDocuments implements vn.motcua.document.DocumentReaders {

	static final String OWNER = "dossier";

	private static final Set<DossierStatus> APPLICANT = EnumSet.of(DossierStatus.SUBMITTED,
			DossierStatus.SUPPLEMENT_REQUESTED);
	private static final Set<DossierStatus> OFFICER = EnumSet.of(DossierStatus.SUBMITTED, DossierStatus.RECEIVED,
			DossierStatus.SUPPLEMENT_REQUESTED);
	private static final Set<DossierStatus> SPECIALIST = EnumSet.of(DossierStatus.PROCESSING,
			DossierStatus.SUPPLEMENT_REQUESTED, DossierStatus.PAYMENT_REQUESTED);

	private final DossierAccess access;
	private final DocumentStore store;
	private final DossierJournal journal;
	private final JdbcDossierRepository repository;
	private final FiledCases cases;
	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
	private final Clock clock;

	DossierDocuments(DossierAccess access, DocumentStore store, DossierJournal journal, JdbcDossierRepository repository,
			FiledCases cases, org.springframework.jdbc.core.simple.JdbcClient jdbc, Clock clock) {
		this.access = access;
		this.store = store;
		this.journal = journal;
		this.repository = repository;
		this.cases = cases;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	public StoredDocument attach(String code, String component, String fileName, InputStream content, Caller caller) {
		Dossier d = access.visible(code, caller, true);
		boolean applicant = caller.citizen();
		boolean officer = caller.has(Role.ONE_STOP_OFFICER);
		boolean specialist = caller.has(Role.SPECIALIST) && d.agencyCode().equals(caller.unitCode());
		if (!applicant && !officer && !specialist) {
			throw new DossierProblems.ActionForbidden("Tài khoản không được nộp tài liệu cho hồ sơ này.");
		}
		boolean now = applicant && APPLICANT.contains(d.status()) || officer && OFFICER.contains(d.status())
				|| specialist && SPECIALIST.contains(d.status());
		if (!now) {
			throw new DossierProblems.ActionNotAllowedNow(new vn.motcua.platform.Text("problem.dossier.no-more-documents",
					new vn.motcua.platform.Text("dossier.status." + d.status())));
		}
		StoredDocument doc = store.store(OWNER, code, component.strip(), fileName, content, caller.username());
		if (isComponent(d, doc.component())) {
			// a scan of a component of the template: held as a file, in place of its paper entry
			repository.holdComponent(code, doc.component(), Dossier.ComponentKind.FILE, doc.id(), false,
					caller.username(), clock.instant());
			repository.refreshHoldings(code);
		}
		journal.record(code, d.agencyCode(), clock.instant(), caller.username(), "DOCUMENT_ADDED", d.status(), d.status(),
				doc.fileName(), Map.of("document", doc.id().toString(), "component", doc.component(), "fileName",
						doc.fileName(), "sha256", doc.sha256(), "sizeBytes", doc.sizeBytes()));
		return doc;
	}

	@Transactional(readOnly = true)
	public List<StoredDocument> list(String code, Caller caller) {
		access.visible(code, caller, false);
		return store.list(OWNER, code);
	}

	private boolean isComponent(Dossier d, String component) {
		ProcedureDetail.Case c = cases.of(d);
		return c != null && c.documents().stream().anyMatch(doc -> doc.code().equals(component));
	}

	/** The document and its content, when it belongs to a dossier the caller may see or is held by it. */
	@Transactional(readOnly = true)
	public Download open(String code, UUID id, Caller caller) {
		access.visible(code, caller, false);
		StoredDocument doc = store.find(id)
			.filter(d -> d.ownerType().equals(OWNER) && d.ownerId().equals(code) || heldBy(code, d.id()))
			.orElseThrow(() -> new vn.motcua.platform.NotFound("Không có tài liệu này trong hồ sơ."));
		return new Download(doc, store.open(doc));
	}

	private boolean heldBy(String code, UUID document) {
		return jdbc.sql("select exists (select 1 from dossier_component where dossier_code = ? and document_id = ?)")
			.params(code, document)
			.query(Boolean.class)
			.single();
	}

	/** Staff and applicants who may see a dossier read the files it holds, from whosever store they came. */
	@Override
	public boolean mayRead(StoredDocument document, Caller caller) {
		List<String> dossiers = document.ownerType().equals(OWNER) ? List.of(document.ownerId())
				: jdbc.sql("""
						select dossier_code from dossier_component where document_id = :id
						union select dossier_code from dossier_result where signed_document_id = :id""")
					.param("id", document.id())
					.query(String.class)
					.list();
		return dossiers.stream().anyMatch(code -> repository.find(code, false).filter(d -> access.canSee(caller, d)).isPresent());
	}

	public record Download(StoredDocument document, InputStream content) {
	}
}
