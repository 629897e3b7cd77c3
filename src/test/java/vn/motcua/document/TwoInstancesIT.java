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

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.Api;
import vn.motcua.MotCuaApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two MotCua instances on one PostgreSQL, each with a data directory of its own: a file uploaded through one is
 * served, byte for byte, by the other (docs/adr/0010).
 */
class TwoInstancesIT {

	private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@Test
	void aFileStoredThroughOneInstanceIsServedByTheOther() throws Exception {
		Path dir = Files.createTempDirectory(Path.of("target"), "two-instances-").toAbsolutePath();
		try (EmbeddedPostgres db = EmbeddedPostgres.builder()
			.setOverrideWorkingDirectory(dir.resolve("server-bin").toFile())
			.setDataDirectory(dir.resolve("server-data"))
			.start()) {
			try (Connection c = db.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
				s.execute("create role motcua login password 'Tw0-Instances'");
				s.execute("create database motcua_two owner motcua");
			}
			String url = "jdbc:postgresql://localhost:" + db.getPort() + "/motcua_two";
			try (ConfigurableApplicationContext a = start(dir.resolve("a"), url);
					ConfigurableApplicationContext b = start(dir.resolve("b"), url)) {
				Api apiA = new Api(((WebServerApplicationContext) a).getWebServer().getPort());
				Api apiB = new Api(((WebServerApplicationContext) b).getWebServer().getPort());
				String boundary = "----motcua" + System.nanoTime();
				java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
				body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bien-ban.pdf\""
						+ "\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
				body.writeBytes(PDF);
				body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
				HttpResponse<String> stored = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
						URI.create(apiA.base() + "/api/v1/documents"))
					.header("Authorization", "Bearer " + apiA.token("officer"))
					.header("Content-Type", "multipart/form-data; boundary=" + boundary)
					.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
					.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
				String id = JsonMapper.builder().build().readTree(stored.body()).get("id").asString();
				HttpResponse<byte[]> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
						URI.create(apiB.base() + "/api/v1/documents/" + id + "/content"))
					.header("Authorization", "Bearer " + apiB.token("officer"))
					.build(), HttpResponse.BodyHandlers.ofByteArray());
				assertThat(served.statusCode()).isEqualTo(200);
				assertThat(served.body()).isEqualTo(PDF);
			}
		}
	}

	private static ConfigurableApplicationContext start(Path dataDir, String url) {
		return new SpringApplicationBuilder(MotCuaApplication.class).run("--server.port=0",
				"--motcua.data-dir=" + dataDir, "--motcua.db.url=" + url, "--motcua.db.user=motcua",
				"--motcua.db.password=Tw0-Instances", "--motcua.demo.history=false");
	}
}
