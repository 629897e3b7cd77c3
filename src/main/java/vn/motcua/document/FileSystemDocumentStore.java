package vn.motcua.document;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.platform.Hashes;
import vn.motcua.platform.MotCuaProperties;

/**
 * Files under {@code {data dir}/documents/yyyy/MM/{id}} ({@code motcua.documents.store=filesystem}; one instance only), written to a temporary file first and moved into
 * place, so a half-written file never has metadata; the metadata row commits with the caller's change.
 */
class FileSystemDocumentStore extends DocumentMetadata {

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy/MM").withZone(ZoneOffset.UTC);

	private final Path root;
	private final Clock clock;

	FileSystemDocumentStore(JdbcClient jdbc, MotCuaProperties properties, Clock clock) {
		super(jdbc);
		this.root = properties.dataDir().resolve("documents").toAbsolutePath();
		this.clock = clock;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public StoredDocument store(String ownerType, String ownerId, String component, String fileName,
			InputStream content, String actor) {
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		Path target = root.resolve(MONTH.format(now)).resolve(id.toString());
		try {
			Files.createDirectories(target.getParent());
			Path temp = Files.createTempFile(target.getParent(), id.toString(), ".part");
			MessageDigest sha = Hashes.sha256();
			byte[] head = new byte[16];
			int headLength = 0;
			long size = 0;
			try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.TRUNCATE_EXISTING)) {
				byte[] buffer = new byte[64 * 1024];
				int n;
				while ((n = content.read(buffer)) > 0) {
					if (headLength < head.length) {
						int take = Math.min(n, head.length - headLength);
						System.arraycopy(buffer, 0, head, headLength, take);
						headLength += take;
					}
					size += n;
					if (size > MAX_BYTES) {
						Files.deleteIfExists(temp);
						throw new RefusedDocument(HttpStatus.CONTENT_TOO_LARGE,
								"Tệp vượt quá " + MAX_BYTES / 1024 / 1024 + " MB.");
					}
					sha.update(buffer, 0, n);
					out.write(buffer, 0, n);
				}
			}
			String type = FileTypes.sniff(head, headLength).orElse(null);
			if (size == 0 || type == null) {
				Files.deleteIfExists(temp);
				throw new RefusedDocument(HttpStatus.BAD_REQUEST,
						size == 0 ? "Tệp rỗng." : "Chỉ nhận tệp PDF, JPEG hoặc PNG.");
			}
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
			StoredDocument d = new StoredDocument(id, ownerType, ownerId, component, FileTypes.safeName(fileName, type),
					type, size, HexFormat.of().formatHex(sha.digest()), now, actor);
			insert(d, root.relativize(target).toString());
			return d;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public InputStream open(StoredDocument document) {
		String path = jdbc.sql("select path from document where id = :id").param("id", document.id()).query(String.class).single();
		try {
			MessageDigest sha = Hashes.sha256();
			return new FilterInputStream(Files.newInputStream(root.resolve(path))) {
				@Override
				public int read(byte[] b, int off, int len) throws IOException {
					int n = super.read(b, off, len);
					if (n > 0) {
						sha.update(b, off, n);
					}
					else if (n < 0 && !HexFormat.of().formatHex(sha.digest()).equals(document.sha256())) {
						throw new IOException("stored file " + document.id() + " does not match its SHA-256");
					}
					return n;
				}
			};
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
