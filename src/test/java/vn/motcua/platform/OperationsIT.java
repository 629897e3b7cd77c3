package vn.motcua.platform;

import org.junit.jupiter.api.Test;

import vn.motcua.Api;
import vn.motcua.MotCuaIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** What the IT centre monitors: health, metrics for staff only, the published API description. */
@MotCuaIntegrationTest
class OperationsIT {

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	Api api;

	@Test
	void healthIsPublicAndUp() {
		Api.Response r = api.get("/actuator/health");
		assertThat(r.status()).isEqualTo(200);
		assertThat(r.json().get("status").asString()).isEqualTo("UP");
	}

	@Test
	void prometheusMetricsAreForStaffOnly() {
		assertThat(api.get("/actuator/prometheus").status()).isEqualTo(401);
		Api.Response staff = api.send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create(api.base() + "/actuator/prometheus"))
			.header("Accept", "text/plain"), null);
		assertThat(staff.status()).isEqualTo(401);
		java.net.http.HttpRequest.Builder withToken = java.net.http.HttpRequest
			.newBuilder(java.net.URI.create(api.base() + "/actuator/prometheus"))
			.header("Authorization", "Bearer " + api.token("officer"));
		Api.Response metrics = api.send(withToken, null);
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
	}

	/** Domain metrics beside the JVM's: dossier actions committed, the population registry's latency by outcome. */
	@Test
	void theScraperSeesDossierActionsAndRegistryLatency() {
		vn.motcua.TestProcedures.ensure(api, "9.900001", "Thủ tục kiểm thử của Sở Xây dựng", "SXD", 3, 0);
		Api.Response filed = api.postJson("/api/v1/dossiers", java.util.Map.of("procedureCode", "9.900001", "channel",
				"COUNTER", "applicant", java.util.Map.of("type", "CITIZEN", "idNumber", "096090288801", "fullName",
						"Đỗ Văn Đo", "dateOfBirth", "1990-03-15", "phone", "0912345678")), api.token("officer"));
		assertThat(filed.status()).as(filed.body()).isEqualTo(201);
		String good = java.util.Base64.getEncoder().encodeToString("metrics:scrape-secret-for-tests".getBytes());
		String text = api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base() + "/actuator/prometheus"))
			.header("Authorization", "Basic " + good), null).body();
		assertThat(text).containsPattern("motcua_dossier_actions_total\\{action=\"RECEIVE\"[^}]*\\} [1-9]")
			.containsPattern("motcua_registry_requests_seconds_count\\{[^}]*outcome=\"answered\"[^}]*\\} [1-9]")
			.contains("motcua_notifications_pending", "motcua_dvcqg_pending");
	}

	/** Each request has an id for the logs: the proxy's when it is sane, otherwise a fresh one, answered back. */
	@Test
	void everyRequestCarriesAnIdThroughTheLogs() {
		Api.Response given = api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base() + "/actuator/health"))
			.header("X-Request-Id", "lb-7f3a.42"), null);
		assertThat(given.header("X-Request-Id")).isEqualTo("lb-7f3a.42");
		Api.Response fresh = api.get("/actuator/health");
		assertThat(fresh.header("X-Request-Id")).matches("[0-9a-f-]{36}");
		Api.Response insane = api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base() + "/actuator/health"))
			.header("X-Request-Id", "a b <script>"), null);
		assertThat(insane.header("X-Request-Id")).as("not echoed into logs as given").matches("[0-9a-f-]{36}");
	}

	/** A scraper reads the metrics with the credential the environment gives it, and nothing else with it. */
	@Test
	void aScraperReadsPrometheusWithItsOwnCredentialOnly() {
		String good = java.util.Base64.getEncoder().encodeToString("metrics:scrape-secret-for-tests".getBytes());
		String bad = java.util.Base64.getEncoder().encodeToString("metrics:wrong".getBytes());
		Api.Response scraped = api.send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create(api.base() + "/actuator/prometheus"))
			.header("Authorization", "Basic " + good), null);
		assertThat(scraped.status()).isEqualTo(200);
		assertThat(scraped.body()).contains("jvm_memory_used_bytes");
		assertThat(api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base() + "/actuator/prometheus"))
			.header("Authorization", "Basic " + bad), null).status()).isEqualTo(401);
		assertThat(api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base() + "/actuator/metrics"))
			.header("Authorization", "Basic " + good), null).status()).as("only the scrape endpoint").isIn(401, 403);
		assertThat(api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base() + "/api/v1/dossiers"))
			.header("Authorization", "Basic " + good), null).status()).isIn(401, 403);
	}

	@Test
	void recurringJobsAreRegisteredWithTheClusterSafeScheduler() {
		assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_name = 'identity-purge-sign-in-failures'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void openApiDescribesTheContract() {
		Api.Response r = api.get("/v3/api-docs");
		assertThat(r.status()).isEqualTo(200);
		assertThat(r.json().get("info").get("title").asString()).isEqualTo("MotCua API");
		assertThat(r.json().get("paths").has("/api/v1/auth/token")).isTrue();
		assertThat(r.json().get("paths").has("/api/v1/agencies")).isTrue();
		assertThat(r.json().get("paths").has("/api/v1/me")).isTrue();
	}
}
