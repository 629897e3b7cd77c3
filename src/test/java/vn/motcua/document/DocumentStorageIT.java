package vn.motcua.document;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.MotCuaIntegrationTest;
import vn.motcua.platform.MotCuaProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Files in PostgreSQL: stored with the change that stores them, read back checked against their SHA-256 (a changed
 * byte is refused), and files an earlier version kept on disk moved in at start.
 */
@MotCuaIntegrationTest
class DocumentStorageIT {

	private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@Autowired
	DocumentStore store;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	MotCuaProperties properties;

	@Autowired
	ApplicationRunner documentsIntoDatabase;

	@Test
	void aFileIsKeptInTheDatabaseAndAChangedByteIsNotServed() throws Exception {
		assertThat(store).isInstanceOf(JdbcDocumentStore.class);
		StoredDocument d = tx.execute(s -> store.store("test", "storage", "", "a.pdf", new java.io.ByteArrayInputStream(PDF),
				"test"));
		try (InputStream in = store.open(d)) {
			assertThat(in.readAllBytes()).isEqualTo(PDF);
		}
		assertThat(jdbc.sql("select path from document where id = ?").param(d.id()).query(String.class).single())
			.isEqualTo("db:");
		byte[] changed = PDF.clone();
		changed[10] ^= 1;
		jdbc.sql("update document_content set content = ? where document_id = ?").params(changed, d.id()).update();
		assertThatThrownBy(() -> store.open(d)).hasMessageContaining("SHA-256");
	}

	@Test
	void theFilesystemStoreForASingleInstanceKeepsAndChecksFilesToo() throws Exception {
		FileSystemDocumentStore disk = new FileSystemDocumentStore(jdbc, properties, java.time.Clock.systemUTC());
		StoredDocument d = tx.execute(s -> disk.store("test", "disk-store", "", "b.pdf", new java.io.ByteArrayInputStream(PDF),
				"test"));
		try (InputStream in = disk.open(d)) {
			assertThat(in.readAllBytes()).isEqualTo(PDF);
		}
		assertThat(disk.list("test", "disk-store")).extracting(StoredDocument::id).containsExactly(d.id());
		String path = jdbc.sql("select path from document where id = ?").param(d.id()).query(String.class).single();
		assertThat(properties.dataDir().resolve("documents").resolve(path)).exists();
	}

	@Test
	void filesLeftOnDiskByAnEarlierVersionAreMovedIn() throws Exception {
		UUID id = UUID.randomUUID();
		Path root = properties.dataDir().resolve("documents").toAbsolutePath();
		Path file = root.resolve("2026/01").resolve(id.toString());
		Files.createDirectories(file.getParent());
		Files.write(file, PDF);
		jdbc.sql("""
				insert into document (id, owner_type, owner_id, component, file_name, content_type, size_bytes, sha256,
				  stored_at, stored_by, path)
				values (?, 'test', 'disk', '', 'old.pdf', 'application/pdf', ?, ?, ?, 'test', ?)""")
			.params(id, (long) PDF.length, vn.motcua.platform.Hashes.sha256Hex(PDF), Timestamp.from(Instant.now()), "2026/01/" + id)
			.update();
		documentsIntoDatabase.run(null);
		StoredDocument moved = store.find(id).orElseThrow();
		try (InputStream in = store.open(moved)) {
			assertThat(in.readAllBytes()).isEqualTo(PDF);
		}
		assertThat(jdbc.sql("select path from document where id = ?").param(id).query(String.class).single())
			.isEqualTo("db:");
	}
}
