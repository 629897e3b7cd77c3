package vn.motcua.sync;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import tools.jackson.databind.JsonNode;
import vn.motcua.Api;
import vn.motcua.MotCuaApplication;
import vn.motcua.TestProcedures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one PostgreSQL, each with its worker, deliver one outbox to the national portal: dossiers filed on
 * one and forwarded on the other, a backlog built while the portal is down that both race for, and every dossier's
 * deliveries arrive once each and in sequence order (docs/adr/0012).
 */
class SyncTwoInstancesIT {

	private static final int DOSSIERS = 12;

	@Test
	void twoWorkersDeliverEveryDossierOnceAndInOrder() throws Exception {
		Path dir = Files.createTempDirectory(Path.of("target"), "sync-two-").toAbsolutePath();
		try (EmbeddedPostgres db = EmbeddedPostgres.builder()
			.setOverrideWorkingDirectory(dir.resolve("server-bin").toFile())
			.setDataDirectory(dir.resolve("server-data"))
			.start()) {
			try (Connection c = db.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
				s.execute("create role motcua login password 'Sync-Tw0'");
				s.execute("create database motcua_sync owner motcua");
			}
			String url = "jdbc:postgresql://localhost:" + db.getPort() + "/motcua_sync";
			try (ConfigurableApplicationContext a = start(dir.resolve("a"), url);
					ConfigurableApplicationContext b = start(dir.resolve("b"), url)) {
				List<Api> apis = List.of(api(a), api(b));
				TestProcedures.ensure(apis.get(0), "9.900191", "Thủ tục kiểm thử hai máy đồng bộ", "SXD", 5, 0);
				List<String> codes = new ArrayList<>();
				apis.get(0).putJson("/sandbox/dvcqg/outage", Map.of("mode", "DOWN"), null);
				try {
					for (int i = 0; i < DOSSIERS; i++) {
						Api filer = apis.get(i % 2);
						Api.Response r = filer.postJson("/api/v1/dossiers", Map.of("procedureCode", "9.900191", "channel",
								"COUNTER", "applicant", Map.of("type", "CITIZEN", "idNumber", String.format("0960910%05d", i),
										"fullName", "Người Đồng Bộ " + i, "dateOfBirth", "1991-01-01")), filer.token("officer"));
						assertThat(r.status()).as(r.body()).isEqualTo(201);
						String code = r.json().get("code").asString();
						codes.add(code);
						Api other = apis.get((i + 1) % 2);
						Api.Response f = other.postJson("/api/v1/dossiers/" + code + "/actions", Map.of("action", "FORWARD",
								"version", 0), other.token("officer"));
						assertThat(f.status()).as(f.body()).isEqualTo(200);
					}
				}
				finally {
					apis.get(1).putJson("/sandbox/dvcqg/outage", Map.of("mode", "NONE"), null);
				}
				for (String code : codes) {
					JsonNode sync = null;
					for (int i = 0; i < 200; i++) {
						sync = apis.get(i % 2).get("/api/v1/dossiers/" + code + "/sync", apis.get(i % 2).token("officer")).json();
						if (sync.get("state").asString().equals("SYNCED")) {
							break;
						}
						Thread.sleep(100);
					}
					assertThat(sync.get("state").asString()).as(code + " " + sync).isEqualTo("SYNCED");
				}
				Thread.sleep(1500); // time for a repeat to show, were there one
				for (String code : codes) {
					List<String> series = new ArrayList<>();
					apis.get(0).get("/sandbox/dvcqg/received?code=" + code).json().forEach(e -> series.add(
							e.get("service").asString() + ":" + e.get("TrangThaiHoSo").asInt() + ":" + e.get("sequence").asInt()
									+ (e.get("duplicate").asBoolean() ? ":duplicate" : "")));
					assertThat(series).as(code).containsExactly("DongBoHoSoMC:2:1", "CapNhatTienDoHoSoMC:4:2");
				}
			}
		}
	}

	private static Api api(ConfigurableApplicationContext context) {
		return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
	}

	private static ConfigurableApplicationContext start(Path dataDir, String url) {
		return new SpringApplicationBuilder(MotCuaApplication.class).run("--server.port=0",
				"--motcua.data-dir=" + dataDir, "--motcua.db.url=" + url, "--motcua.db.user=motcua",
				"--motcua.db.password=Sync-Tw0", "--motcua.demo.history=false", "--motcua.dvcqg.first-retry=PT0.5S",
				"--motcua.dvcqg.longest-retry=PT1S", "--motcua.notification.enabled=false");
	}
}
