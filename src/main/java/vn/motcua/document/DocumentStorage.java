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

	/**
	 * An S3-compatible object store: {@code endpoint} (any S3 API: MinIO, Ceph, a cloud's), {@code bucket},
	 * {@code region}, and the access keys; in demo mode without an endpoint, the bundled sandbox store.
	 */
	record S3Settings(@org.jspecify.annotations.Nullable String endpoint, String bucket, String region,
			@org.jspecify.annotations.Nullable String accessKey, @org.jspecify.annotations.Nullable String secretKey) {
	}

	@Bean
	DocumentStore documentStore(@Value("${motcua.documents.store:postgresql}") String kind, JdbcClient jdbc,
			MotCuaProperties properties, Clock clock, org.springframework.core.env.Environment environment) {
		return switch (kind) {
			case "filesystem" -> new FileSystemDocumentStore(jdbc, properties, clock);
			case "postgresql" -> new JdbcDocumentStore(jdbc, clock);
			case "s3" -> {
				S3Settings s = new S3Settings(environment.getProperty("motcua.documents.s3.endpoint"),
						environment.getProperty("motcua.documents.s3.bucket", "motcua-documents"),
						environment.getProperty("motcua.documents.s3.region", "ap-southeast-1"),
						environment.getProperty("motcua.documents.s3.access-key"),
						environment.getProperty("motcua.documents.s3.secret-key"));
				yield new S3DocumentStore(jdbc, clock, org.springframework.util.function.SingletonSupplier.of(
						() -> s3Client(s, properties.demo(), environment)), s.bucket());
			}
			default -> throw new IllegalStateException("motcua.documents.store is postgresql, s3 or filesystem, not " + kind);
		};
	}

	private static software.amazon.awssdk.services.s3.S3Client s3Client(S3Settings s, boolean demo,
			org.springframework.core.env.Environment environment) {
		boolean sandbox = (s.endpoint() == null || s.endpoint().isBlank()) && demo;
		String endpoint = sandbox ? "http://127.0.0.1:" + environment.getRequiredProperty("local.sandbox.s3-port")
				: s.endpoint();
		var builder = software.amazon.awssdk.services.s3.S3Client.builder()
			.region(software.amazon.awssdk.regions.Region.of(s.region()))
			.httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder()
				.connectionTimeout(java.time.Duration.ofSeconds(5))
				.socketTimeout(java.time.Duration.ofSeconds(30)))
			// path-style addresses and plain checksums: what every S3-compatible store understands
			.forcePathStyle(true)
			.requestChecksumCalculation(software.amazon.awssdk.core.checksums.RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(software.amazon.awssdk.core.checksums.ResponseChecksumValidation.WHEN_REQUIRED)
			.serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder()
				.chunkedEncodingEnabled(false).build())
			.credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
					software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
							sandbox ? "sandbox" : String.valueOf(s.accessKey()),
							sandbox ? "sandbox-secret" : String.valueOf(s.secretKey()))));
		if (endpoint != null && !endpoint.isBlank()) {
			builder.endpointOverride(java.net.URI.create(endpoint.strip()));
		}
		return builder.build();
	}


	/**
	 * Moves files into the shared store at start: those kept on disk by an earlier version, and, for the object
	 * store, those kept in the database too. Each is checked against its SHA-256; one missing or corrupt is marked
	 * ({@code path} {@code db:missing} / {@code db:corrupt}) and logged, never a reason not to start. Idempotent, a
	 * batch at a time.
	 */
	@Bean
	@Order(100)
	ApplicationRunner documentsIntoDatabase(DocumentStore store, JdbcClient jdbc, TransactionTemplate tx,
			MotCuaProperties properties) {
		return (ApplicationArguments args) -> {
			if (!(store instanceof JdbcDocumentStore target)) {
				return; // the filesystem store keeps files where they are
			}
			Path root = properties.dataDir().resolve("documents").toAbsolutePath();
			int moved = 0;
			while (true) {
				List<Object[]> batch = jdbc.sql("""
						select id, path, sha256 from document
						where path not like ? and path not in ('db:missing', 'db:corrupt') order by stored_at, id limit 100""")
					.param(target.marker() + "%")
					.query((rs, n) -> new Object[] { rs.getObject("id", UUID.class), rs.getString("path"), rs.getString("sha256") })
					.list();
				if (batch.isEmpty()) {
					break;
				}
				for (Object[] row : batch) {
					moved += tx.execute(s -> move(target, jdbc, root, (UUID) row[0], (String) row[1], (String) row[2]));
				}
			}
			if (moved > 0) {
				log.info("moved {} stored files into the {} store", moved, target.marker());
			}
		};
	}

	private static int move(JdbcDocumentStore target, JdbcClient jdbc, Path root, UUID id, String path, String sha) {
		boolean inDatabase = path.startsWith(JdbcDocumentStore.IN_DATABASE);
		byte[] bytes = inDatabase
				? jdbc.sql("select content from document_content where document_id = ?").param(id)
					.query((rs, n) -> rs.getBytes(1)).optional().orElse(null)
				: read(root.resolve(path));
		if (bytes == null || !vn.motcua.platform.Hashes.sha256Hex(bytes).equals(sha)) {
			// left where it is, marked, so that an administrator sees it and start-up goes on
			log.error("stored file {} ({}) is missing or does not match its SHA-256; marked", id, path);
			jdbc.sql("update document set path = ? where id = ?")
				.params(JdbcDocumentStore.IN_DATABASE + (bytes == null ? "missing" : "corrupt"), id).update();
			return 0;
		}
		target.keep(id, bytes);
		jdbc.sql("update document set path = ? where id = ?").params(target.marker(), id).update();
		if (inDatabase) {
			jdbc.sql("delete from document_content where document_id = ?").param(id).update();
		}
		return 1;
	}

	private static byte @org.jspecify.annotations.Nullable [] read(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return in.readAllBytes();
		}
		catch (IOException e) {
			return null;
		}
	}
}
