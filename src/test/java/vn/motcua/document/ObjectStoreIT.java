package vn.motcua.document;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.Api;
import vn.motcua.MotCuaApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stored files in an S3-compatible object store (docs/adr/0010) through the real S3 client against the bundled
 * sandbox store: a file kept in the database is moved there at start, new files go there and come back byte for
 * byte, a changed object is not served, and a store that refuses makes the upload fail with nothing kept.
 */
class ObjectStoreIT {

	private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@Test
	void filesLiveInTheObjectStoreAreMovedThereAndAreCheckedOnRead() throws Exception {
		Path dir = Files.createTempDirectory(Path.of("target"), "object-store-").toAbsolutePath();
		try (EmbeddedPostgres db = EmbeddedPostgres.builder()
			.setOverrideWorkingDirectory(dir.resolve("server-bin").toFile())
			.setDataDirectory(dir.resolve("server-data"))
			.start()) {
			try (Connection c = db.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
				s.execute("create role motcua login password 'Obj3ct-Store'");
				s.execute("create database motcua_s3 owner motcua");
			}
			String url = "jdbc:postgresql://localhost:" + db.getPort() + "/motcua_s3";
			String before;
			try (ConfigurableApplicationContext app = start(dir.resolve("a"), url, "postgresql")) {
				before = upload(api(app), "truoc.pdf").get("id").asString();
			}
			try (ConfigurableApplicationContext app = start(dir.resolve("a"), url, "s3")) {
				Api api = api(app);
				JdbcClient jdbc = app.getBean(JdbcClient.class);
				assertThat(app.getBean(DocumentStore.class)).isInstanceOf(S3DocumentStore.class);
				// the file of the database store was moved at start, and is served from the object store
				assertThat(jdbc.sql("select path from document where id = ?::uuid").param(before).query(String.class).single())
					.isEqualTo("s3:");
				assertThat(jdbc.sql("select count(*) from document_content").query(Long.class).single()).isZero();
				assertThat(download(api, before).body()).isEqualTo(PDF);

				String id = upload(api, "sau.pdf").get("id").asString();
				assertThat(jdbc.sql("select content from sandbox_s3_object where key = ?").param(id)
					.query((rs, n) -> rs.getBytes(1)).single()).isEqualTo(PDF);
				assertThat(download(api, id).body()).isEqualTo(PDF);

				// a byte changed in the store: not served
				jdbc.sql("update sandbox_s3_object set content = overlay(content placing 'X'::bytea from 3 for 1) where key = ?")
					.param(id).update();
				assertThat(download(api, id).statusCode()).isNotEqualTo(200);

				// the store refuses: the upload fails, nothing is kept
				long rows = jdbc.sql("select count(*) from document").query(Long.class).single();
				api.putJson("/sandbox/s3/outage", Map.of("mode", "DOWN"), null);
				try {
					assertThat(uploadResponse(api, "trong-luc-mat.pdf").statusCode()).isEqualTo(503);
				}
				finally {
					api.putJson("/sandbox/s3/outage", Map.of("mode", "NONE"), null);
				}
				assertThat(jdbc.sql("select count(*) from document").query(Long.class).single()).isEqualTo(rows);
			}
		}
	}

	private static tools.jackson.databind.JsonNode upload(Api api, String name) throws Exception {
		HttpResponse<String> r = uploadResponse(api, name);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
		return JsonMapper.builder().build().readTree(r.body());
	}

	private static HttpResponse<String> uploadResponse(Api api, String name) throws Exception {
		String boundary = "----motcua" + System.nanoTime();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\""
				+ "\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(PDF);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/documents"))
			.header("Authorization", "Bearer " + api.token("officer"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<byte[]> download(Api api, String id) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/documents/" + id
				+ "/content")).header("Authorization", "Bearer " + api.token("officer")).build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	private static Api api(ConfigurableApplicationContext context) {
		return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
	}

	private static ConfigurableApplicationContext start(Path dataDir, String url, String store) {
		return new SpringApplicationBuilder(MotCuaApplication.class).run("--server.port=0",
				"--motcua.data-dir=" + dataDir, "--motcua.db.url=" + url, "--motcua.db.user=motcua",
				"--motcua.db.password=Obj3ct-Store", "--motcua.demo.history=false", "--motcua.documents.store=" + store);
	}
}
