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
