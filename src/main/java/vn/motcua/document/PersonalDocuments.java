package vn.motcua.document;

import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditLog;
import vn.motcua.identity.Caller;
import vn.motcua.platform.InvalidParameter;
import vn.motcua.platform.NotFound;
import vn.motcua.platform.TextRules;

/**
 * Kho dữ liệu điện tử cá nhân — a person's own files, uploaded once and attached to any of their dossiers by
 * reference (docs/api.md, "Documents and the personal document store"). Citizens keep what they hand in;
 * staff keep evidence and working files, and scans they make at the counter before a dossier has a number.
 * Signed results join the applicant's store as {@code RESULT}.
 */
@Service
public class PersonalDocuments {

	private final DocumentStore store;
	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final List<DocumentReaders> readers;

	PersonalDocuments(DocumentStore store, JdbcClient jdbc, AuditLog audit, List<DocumentReaders> readers) {
		this.store = store;
		this.jdbc = jdbc;
		this.audit = audit;
		this.readers = readers;
	}

	/** A file of someone's store and what they called it. */
	public record PersonalDocument(StoredDocument file, @Nullable String title, String kind,
			@Nullable String dossierCode) {
	}

	public record Page(List<PersonalDocument> items, long total) {
	}

	/** Whose store a caller's uploads go to: citizens and staff never share an owner, whatever their names. */
	static String ownerType(Caller caller) {
		return caller.citizen() ? "person" : "staff";
	}

	@Transactional
	public PersonalDocument upload(@Nullable String title, String fileName, InputStream content, Caller caller) {
		String t = title == null || title.isBlank() ? null : title.strip();
		if (t != null && !TextRules.fits(t, TextRules.NAME)) {
			throw new InvalidParameter("title", "Tên tài liệu tối đa " + TextRules.NAME + " ký tự.");
		}
		StoredDocument file = store.store(ownerType(caller), caller.username(), "", fileName, content, caller.username());
		jdbc.sql("update document set title = ? where id = ?").params(t, file.id()).update();
		audit.record(AuditEntry.of(caller.username(), "document.uploaded", "document", file.id().toString())
			.with(Map.of("fileName", file.fileName(), "sha256", file.sha256(), "sizeBytes", file.sizeBytes())));
		return new PersonalDocument(file, t, "UPLOAD", null);
	}

	/**
	 * A signed result joins its applicant's store ({@code kind: RESULT}), issued by the system on the signer's
	 * behalf: the person's store when the applicant is a citizen with an ID number, kept under the dossier otherwise.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	public StoredDocument issueResult(@Nullable String applicantIdNumber, String dossierCode, String title,
			String fileName, byte[] pdf, String actor) {
		StoredDocument file = applicantIdNumber == null
				? store.store("dossier-result", dossierCode, "", fileName, new java.io.ByteArrayInputStream(pdf), actor)
				: store.store("person", applicantIdNumber, "", fileName, new java.io.ByteArrayInputStream(pdf), actor);
		jdbc.sql("update document set title = ?, kind = 'RESULT', dossier_code = ? where id = ?")
			.params(title, dossierCode, file.id())
			.update();
		return file;
	}

	/** The caller's store, newest first. */
	@Transactional(readOnly = true)
	public Page list(Caller caller, int page, int size) {
		long total = jdbc.sql("select count(*) from document where owner_type = ? and owner_id = ?")
			.params(ownerType(caller), caller.username())
			.query(Long.class)
			.single();
		List<PersonalDocument> items = jdbc.sql("""
				select * from document where owner_type = ? and owner_id = ?
				order by stored_at desc, id limit ? offset ?""")
			.params(ownerType(caller), caller.username(), size, (long) page * size)
			.query(PersonalDocuments::row)
			.list();
		return new Page(items, total);
	}

	/** A file of the caller's own store; empty for anyone else's, so that nobody learns it exists. */
	@Transactional(readOnly = true)
	public Optional<StoredDocument> owned(UUID id, Caller caller) {
		return store.find(id)
			.filter(d -> d.ownerType().equals(ownerType(caller)) && d.ownerId().equals(caller.username()));
	}

	/** The file for its owner, or for whoever a module that uses it lets read it; otherwise "not found". */
	@Transactional(readOnly = true)
	public Download open(UUID id, Caller caller) {
		StoredDocument d = store.find(id)
			.filter(doc -> doc.ownerType().equals(ownerType(caller)) && doc.ownerId().equals(caller.username())
					|| readers.stream().anyMatch(r -> r.mayRead(doc, caller)))
			.orElseThrow(() -> new NotFound("Không có tài liệu này."));
		return new Download(d, store.open(d));
	}

	public record Download(StoredDocument document, InputStream content) {
	}

	private static PersonalDocument row(ResultSet rs, int n) throws SQLException {
		StoredDocument file = Documents.row(rs, n);
		return new PersonalDocument(file, rs.getString("title"), rs.getString("kind"), rs.getString("dossier_code"));
	}
}
