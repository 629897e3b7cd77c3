package vn.motcua.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.platform.MotCuaProperties;

/**
 * Where files live: PostgreSQL by default ({@code motcua.documents.store=postgresql}), so that every instance reads
 * every file; the filesystem under the data directory only for a single instance ({@code filesystem}). With the
 * database store, files an earlier version kept on disk are moved in at start (docs/adr/0010).
 */
@Configuration(proxyBeanMethods = false)
class DocumentStorage {

	private static final Logger log = LoggerFactory.getLogger(DocumentStorage.class);

	@Bean
	DocumentStore documentStore(@Value("${motcua.documents.store:postgresql}") String kind, JdbcClient jdbc,
			MotCuaProperties properties, Clock clock) {
		return switch (kind) {
			case "filesystem" -> new FileSystemDocumentStore(jdbc, properties, clock);
			case "postgresql" -> new JdbcDocumentStore(jdbc, clock);
			default -> throw new IllegalStateException("motcua.documents.store is postgresql or filesystem, not " + kind);
		};
	}

	/** Moves files kept on disk into the database, checked against their SHA-256; idempotent, a batch at a time. */
	@Bean
	@Order(100)
	ApplicationRunner documentsIntoDatabase(DocumentStore store, JdbcClient jdbc, TransactionTemplate tx,
			MotCuaProperties properties) {
		return (ApplicationArguments args) -> {
			if (!(store instanceof JdbcDocumentStore)) {
				return;
			}
			Path root = properties.dataDir().resolve("documents").toAbsolutePath();
			int moved = 0;
			while (true) {
				List<Object[]> batch = jdbc.sql("""
						select id, path, sha256 from document where path not like ? order by stored_at, id limit 100""")
					.param(JdbcDocumentStore.IN_DATABASE + "%")
					.query((rs, n) -> new Object[] { rs.getObject("id", UUID.class), rs.getString("path"), rs.getString("sha256") })
					.list();
				if (batch.isEmpty()) {
					break;
				}
				for (Object[] row : batch) {
					moved += tx.execute(s -> move(jdbc, root, (UUID) row[0], (String) row[1], (String) row[2]));
				}
			}
			if (moved > 0) {
				log.info("moved {} stored files from {} into the database", moved, root);
			}
		};
	}

	private static int move(JdbcClient jdbc, Path root, UUID id, String path, String sha) {
		byte[] bytes;
		try (InputStream in = Files.newInputStream(root.resolve(path))) {
			bytes = in.readAllBytes();
		}
		catch (IOException e) {
			// a file lost from the disk stays listed, marked, so that an administrator sees it and start-up goes on
			log.error("stored file {} is missing at {}: {}", id, path, e.getMessage());
			jdbc.sql("update document set path = ? where id = ?").params(JdbcDocumentStore.IN_DATABASE + "missing", id).update();
			return 0;
		}
		if (!vn.motcua.platform.Hashes.sha256Hex(bytes).equals(sha)) {
			log.error("stored file {} at {} does not match its SHA-256; left where it is", id, path);
			jdbc.sql("update document set path = ? where id = ?").params(JdbcDocumentStore.IN_DATABASE + "corrupt", id).update();
			return 0;
		}
		jdbc.sql("insert into document_content (document_id, content) values (?, ?) on conflict do nothing")
			.params(id, bytes).update();
		jdbc.sql("update document set path = ? where id = ?").params(JdbcDocumentStore.IN_DATABASE, id).update();
		return 1;
	}
}
