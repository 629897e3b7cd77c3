package vn.motcua.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import vn.motcua.Api;
import vn.motcua.MotCuaApplication;

import static org.assertj.core.api.Assertions.assertThat;

/** With MOTCUA_DB_URL set, MotCua uses that server and starts none of its own. */
class ExternalDatabaseIT {

	@Test
	void runsOnAnExternalServerGivenByUrlUserAndPassword() throws Exception {
		Path dataDir = Files.createTempDirectory(Path.of("target"), "external-").toAbsolutePath();
		try (EmbeddedPostgres external = EmbeddedPostgres.builder()
			.setOverrideWorkingDirectory(dataDir.resolve("server-bin").toFile())
			.setDataDirectory(dataDir.resolve("server-data"))
			.start()) {
			try (Connection c = external.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
				s.execute("create role motcua login password 'Ext3rnal-Secret'");
				s.execute("create database motcua_ext owner motcua");
			}
			String url = "jdbc:postgresql://localhost:" + external.getPort() + "/motcua_ext";
			try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MotCuaApplication.class).run(
					"--server.port=0", "--motcua.data-dir=" + dataDir.resolve("app"), "--motcua.db.url=" + url,
					"--motcua.db.user=motcua", "--motcua.db.password=Ext3rnal-Secret", "--db-scheduler.enabled=false")) {
				Api api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
				assertThat(api.get("/api/v1/agencies").json().size()).isGreaterThanOrEqualTo(30);
				assertThat(api.tokenRequest("officer", "officer").status()).isEqualTo(200);
			}
			assertThat(dataDir.resolve("app/pg")).doesNotExist();
			try (Connection c = external.getDatabase("postgres", "motcua_ext").getConnection();
					Statement s = c.createStatement();
					var rs = s.executeQuery("select count(*) from agency")) {
				rs.next();
				assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(30);
			}
		}
	}
}
