package vn.motcua.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Files in an S3-compatible object store ({@code motcua.documents.store=s3}, docs/adr/0010): the row in PostgreSQL
 * as for every store, the content under its id in the bucket, put before the row commits (a change that then rolls
 * back leaves an object no row names, which harms nothing). Read back and checked against its SHA-256; a file kept
 * in the database before the switch is read from there until the start-up move has taken it.
 */
class S3DocumentStore extends JdbcDocumentStore {

	/** What {@code document.path} says of a file held in the object store. */
	static final String IN_OBJECT_STORE = "s3:";

	private final java.util.function.Supplier<S3Client> s3;
	private final String bucket;

	/** @param s3 made on first use: the demo's sandbox store listens only once the application has started */
	S3DocumentStore(JdbcClient jdbc, Clock clock, java.util.function.Supplier<S3Client> s3, String bucket) {
		super(jdbc, clock);
		this.s3 = s3;
		this.bucket = bucket;
	}

	@Override
	protected String marker() {
		return IN_OBJECT_STORE;
	}

	@Override
	protected void keep(UUID id, byte[] bytes) {
		put(id, bytes);
	}

	/** Puts a file's content under its id; refused by the store, the change that stores it fails (503). */
	void put(UUID id, byte[] bytes) {
		try {
			s3.get().putObject(b -> b.bucket(bucket).key(id.toString()).contentLength((long) bytes.length), RequestBody.fromBytes(bytes));
		}
		catch (S3Exception | software.amazon.awssdk.core.exception.SdkClientException e) {
			throw new ObjectStoreUnavailable(e);
		}
	}

	@Override
	protected byte[] fetch(StoredDocument document) {
		try {
			return s3.get().getObjectAsBytes(b -> b.bucket(bucket).key(document.id().toString())).asByteArray();
		}
		catch (NoSuchKeyException e) {
			return super.fetch(document); // kept in the database before the switch, not yet moved
		}
		catch (S3Exception | software.amazon.awssdk.core.exception.SdkClientException e) {
			throw new UncheckedIOException(new IOException("object store: " + e.getMessage(), e));
		}
	}

	/** The object store did not take a file: the request is answered 503 and nothing of it is kept. */
	static final class ObjectStoreUnavailable extends vn.motcua.platform.DomainProblem {
		ObjectStoreUnavailable(Exception cause) {
			super(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE, "object-store-unavailable",
					"Kho lưu trữ tệp tạm thời không nhận tệp; xin thử lại sau ít phút.");
			initCause(cause);
		}
	}
}
