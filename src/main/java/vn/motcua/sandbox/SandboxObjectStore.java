package vn.motcua.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import vn.motcua.platform.DemoMode;
import vn.motcua.platform.Hashes;

/**
 * The sandbox object store: the part of the S3 REST API a document store uses — path-style PUT, GET, HEAD and
 * DELETE of objects, PUT of a bucket — on the loopback interface, so that MotCua's real S3 adapter (the AWS SDK) is
 * what stores demo files when {@code MOTCUA_DOCUMENTS_STORE=s3} names no endpoint. It checks the SigV4
 * {@code Authorization} names its access key ({@code sandbox}) and that the body matches its
 * {@code x-amz-content-sha256}; it does not recompute the signature. Objects live in PostgreSQL, shared by the
 * instances of a demo; {@code PUT /sandbox/s3/outage} (see MessageSandboxController) makes it answer 503. Its port
 * ({@code motcua.sandbox.s3-port}, any free one by default) is published as {@code local.sandbox.s3-port}.
 */
@Component
@DemoMode
class SandboxObjectStore extends LoopbackSandbox {

	private static final Logger log = LoggerFactory.getLogger(SandboxObjectStore.class);
	private static final long MAX_OBJECT = 64L * 1024 * 1024;

	private final JdbcClient jdbc;
	private final SandboxMailboxes outages;
	private final Clock clock;
	private final int port;
	private @Nullable HttpServer server;

	SandboxObjectStore(JdbcClient jdbc, SandboxMailboxes outages, ConfigurableEnvironment environment, Clock clock,
			@Value("${motcua.sandbox.s3-port:0}") int port) {
		super(environment, "s3");
		this.jdbc = jdbc;
		this.outages = outages;
		this.clock = clock;
		this.port = port;
	}

	@Override
	protected int listen(ExecutorService threads) {
		try {
			HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
			s.setExecutor(threads);
			s.createContext("/", this::handle);
			s.start();
			server = s;
			log.info("Sandbox S3 object store listening on 127.0.0.1:{}", s.getAddress().getPort());
			return s.getAddress().getPort();
		}
		catch (IOException e) {
			throw new IllegalStateException("The sandbox object store cannot listen on port " + port, e);
		}
	}

	private void handle(HttpExchange x) throws IOException {
		try (x) {
			String[] parts = x.getRequestURI().getRawPath().replaceFirst("^/", "").split("/", 2);
			String bucket = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
			String key = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "";
			String auth = x.getRequestHeaders().getFirst("Authorization");
			if (auth == null || !auth.startsWith("AWS4-HMAC-SHA256 Credential=sandbox/")) {
				error(x, 403, "InvalidAccessKeyId", "The access key does not exist in the sandbox.");
				return;
			}
			if (outages.down("S3")) {
				error(x, 503, "ServiceUnavailable", "The sandbox object store is in an outage.");
				return;
			}
			String method = x.getRequestMethod();
			if (bucket.isEmpty() || key.isEmpty() && !method.equals("PUT")) {
				error(x, 501, "NotImplemented", "Only objects of a bucket are served here.");
				return;
			}
			switch (method) {
				case "PUT" -> put(x, bucket, key);
				case "GET", "HEAD" -> get(x, bucket, key, method.equals("HEAD"));
				case "DELETE" -> {
					jdbc.sql("delete from sandbox_s3_object where bucket = ? and key = ?").params(bucket, key).update();
					x.sendResponseHeaders(204, -1);
				}
				default -> error(x, 501, "NotImplemented", "Not in the sandbox.");
			}
		}
		catch (RuntimeException e) {
			log.warn("sandbox S3: {}", e.toString());
		}
	}

	private void put(HttpExchange x, String bucket, String key) throws IOException {
		byte[] body;
		try (InputStream in = x.getRequestBody()) {
			body = in.readNBytes((int) MAX_OBJECT + 1);
		}
		if (key.isEmpty()) { // a bucket: every bucket exists here
			x.sendResponseHeaders(200, -1);
			return;
		}
		if (body.length > MAX_OBJECT) {
			error(x, 400, "EntityTooLarge", "Too large for the sandbox.");
			return;
		}
		String declared = x.getRequestHeaders().getFirst("x-amz-content-sha256");
		if (declared != null && declared.matches("[0-9a-f]{64}") && !declared.equals(Hashes.sha256Hex(body))) {
			error(x, 400, "XAmzContentSHA256Mismatch", "The body does not match x-amz-content-sha256.");
			return;
		}
		String etag = "\"" + md5(body) + "\"";
		jdbc.sql("""
				insert into sandbox_s3_object (bucket, key, content, etag, stored_at) values (?, ?, ?, ?, ?)
				on conflict (bucket, key) do update set content = excluded.content, etag = excluded.etag,
				  stored_at = excluded.stored_at""")
			.params(bucket, key, body, etag, Timestamp.from(clock.instant()))
			.update();
		x.getResponseHeaders().add("ETag", etag);
		x.sendResponseHeaders(200, -1);
	}

	private void get(HttpExchange x, String bucket, String key, boolean head) throws IOException {
		Object[] found = jdbc.sql("select content, etag from sandbox_s3_object where bucket = ? and key = ?")
			.params(bucket, key)
			.query((rs, n) -> new Object[] { rs.getBytes(1), rs.getString(2) })
			.optional()
			.orElse(null);
		if (found == null) {
			if (head) {
				x.sendResponseHeaders(404, -1);
			}
			else {
				error(x, 404, "NoSuchKey", "The specified key does not exist.");
			}
			return;
		}
		byte[] content = (byte[]) found[0];
		x.getResponseHeaders().add("ETag", (String) found[1]);
		x.getResponseHeaders().add("Content-Type", "application/octet-stream");
		if (head) {
			x.getResponseHeaders().add("Content-Length", Long.toString(content.length));
			x.sendResponseHeaders(200, -1);
			return;
		}
		x.sendResponseHeaders(200, content.length);
		try (OutputStream out = x.getResponseBody()) {
			out.write(content);
		}
	}

	/** An S3 error document, as the SDK reads it. */
	private static void error(HttpExchange x, int status, String code, String message) throws IOException {
		byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" + message
				+ "</Message></Error>").getBytes(StandardCharsets.UTF_8);
		x.getResponseHeaders().add("Content-Type", "application/xml");
		x.sendResponseHeaders(status, xml.length);
		try (OutputStream out = x.getResponseBody()) {
			out.write(xml);
		}
	}

	private static String md5(byte[] body) {
		try {
			return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(body));
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	@Override
	protected void close() {
		HttpServer s = server;
		if (s != null) {
			s.stop(0);
		}
		server = null;
	}
}
