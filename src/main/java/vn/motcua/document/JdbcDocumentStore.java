package vn.motcua.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.platform.Hashes;

/**
 * Files in PostgreSQL (the default, docs/adr/0010): the content row commits with its metadata and the change that
 * stored it, every instance reads it, and the database's backups hold it. Checked by content and size as it is
 * read in; its SHA-256 is checked again on every read.
 */
class JdbcDocumentStore extends DocumentMetadata {

	/** What {@code document.path} says of a file held in {@code document_content}. */
	static final String IN_DATABASE = "db:";

	private final Clock clock;

	JdbcDocumentStore(JdbcClient jdbc, Clock clock) {
		super(jdbc);
		this.clock = clock;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public StoredDocument store(String ownerType, String ownerId, String component, String fileName, InputStream content,
			String actor) {
		byte[] bytes = read(content);
		String type = FileTypes.sniff(bytes, Math.min(bytes.length, 16)).orElse(null);
		if (bytes.length == 0 || type == null) {
			throw new RefusedDocument(HttpStatus.BAD_REQUEST, bytes.length == 0 ? "Tệp rỗng." : "Chỉ nhận tệp PDF, JPEG hoặc PNG.");
		}
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		StoredDocument d = new StoredDocument(id, ownerType, ownerId, component, FileTypes.safeName(fileName, type), type,
				bytes.length, Hashes.sha256Hex(bytes), now, actor);
		insert(d, marker());
		keep(id, bytes);
		return d;
	}

	@Override
	public InputStream open(StoredDocument document) {
		byte[] bytes = fetch(document);
		if (!Hashes.sha256Hex(bytes).equals(document.sha256())) {
			throw new UncheckedIOException(new IOException("stored file " + document.id() + " does not match its SHA-256"));
		}
		return new ByteArrayInputStream(bytes);
	}

	/** What {@code document.path} says of a file this store holds. */
	protected String marker() {
		return IN_DATABASE;
	}

	/** Keeps the content of a file whose row was just written, in the same transaction. */
	protected void keep(UUID id, byte[] bytes) {
		jdbc.sql("insert into document_content (document_id, content) values (?, ?) on conflict do nothing")
			.params(id, bytes)
			.update();
	}

	/** The content as kept; its SHA-256 is checked by the caller. */
	protected byte[] fetch(StoredDocument document) {
		return jdbc.sql("select content from document_content where document_id = ?")
			.param(document.id())
			.query((rs, n) -> rs.getBytes(1))
			.optional()
			.orElseThrow(() -> new UncheckedIOException(new IOException("no content stored for " + document.id())));
	}

	/** The whole upload, refused past the limit without reading further. */
	private static byte[] read(InputStream content) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[64 * 1024];
			long size = 0;
			int n;
			while ((n = content.read(buffer)) > 0) {
				size += n;
				if (size > MAX_BYTES) {
					throw new RefusedDocument(HttpStatus.CONTENT_TOO_LARGE, "Tệp vượt quá " + MAX_BYTES / 1024 / 1024 + " MB.");
				}
				out.write(buffer, 0, n);
			}
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
