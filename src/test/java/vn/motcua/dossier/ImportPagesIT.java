package vn.motcua.dossier;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.motcua.Api;
import vn.motcua.MotCuaIntegrationTest;
import vn.motcua.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/** An administrator starts a migration from the page and follows its progress until it ends. */
@MotCuaIntegrationTest
class ImportPagesIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anImportStartedFromThePageRunsInTheBackgroundAndReportsItsProgress() throws Exception {
		DossierTestSupport.importProcedures(new Api(port));
		StringBuilder file = new StringBuilder();
		for (int i = 1; i <= 2500; i++) {
			file.append("{\"code\":\"PG-").append(i).append("\",\"procedureCode\":\"9.900001\",\"agencyCode\":\"SXD\",")
				.append("\"channel\":\"ONLINE\",\"receivedAt\":\"2025-05-0").append(1 + i % 9)
				.append("T08:00:00+07:00\",\"nationalStatus\":4}\n");
		}
		file.append("{\"code\":\"PG-bad\"}\n");
		WebSession web = new WebSession(port);
		web.signIn("admin", "admin");
		HttpResponse<String> page = web.get("/admin/dossiers/import");
		assertThat(page.statusCode()).isEqualTo(200);
		HttpResponse<String> started = web.postFile("/admin/dossiers/import", WebSession.csrf(page.body()), "file",
				"cu.ndjson", "application/x-ndjson", file.toString().getBytes(StandardCharsets.UTF_8));
		assertThat(WebSession.location(started)).contains("/admin/dossiers/import?started=");
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		String runs;
		do {
			Thread.sleep(300);
			runs = web.get("/admin/dossiers/import/runs").body();
		}
		while (runs.contains("Đang chạy") && Instant.now().isBefore(deadline));
		assertThat(runs).contains("Xong", "2501", "2500", "2501: procedureCode is required");
		assertThat(jdbc.sql("select count(*) from dossier where code like 'PG-%'").query(Long.class).single())
			.isEqualTo(2500);
		WebSession officer = new WebSession(port);
		officer.signIn("officer", "officer");
		assertThat(officer.get("/admin/dossiers/import").statusCode()).isEqualTo(403);
	}
}
