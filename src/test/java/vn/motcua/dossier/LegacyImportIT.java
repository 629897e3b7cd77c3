package vn.motcua.dossier;

import java.net.URI;
import java.net.http.HttpRequest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import vn.motcua.Api;
import vn.motcua.MotCuaIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The legacy import of api.md: bad lines reported and skipped, good ones stored once, a second run a no-op. */
@MotCuaIntegrationTest
class LegacyImportIT {

	@Autowired
	JdbcClient jdbc;

	Api api;

	@Autowired
	LegacyImport legacy;

	@Autowired
	vn.motcua.TestClock clock;

	@Test
	void aRunThatStoppedReportingIsShownInterruptedAndARunningOneIsNot() {
		java.time.Instant now = clock.instant();
		long dead = jdbc.sql("""
				insert into dossier_import_run (started_at, actor, lines, progress_at) values (?, 'admin', 5000, ?)
				returning id""")
			.params(java.sql.Timestamp.from(now.minusSeconds(900)), java.sql.Timestamp.from(now.minusSeconds(360)))
			.query(Long.class)
			.single();
		long alive = legacy.newRun("admin");
		java.util.Map<Long, LegacyImport.Run> runs = legacy.recentRuns(50)
			.stream()
			.collect(java.util.stream.Collectors.toMap(LegacyImport.Run::id, r -> r));
		assertThat(runs.get(dead).interrupted()).isTrue();
		assertThat(runs.get(alive).interrupted()).isFalse();
		jdbc.sql("update dossier_import_run set finished_at = ? where id in (?, ?)")
			.params(java.sql.Timestamp.from(now), dead, alive)
			.update();
	}

	@BeforeEach
	void setUp() {
		DossierTestSupport.importProcedures(api);
	}

	@Test
	void importsGoodLinesReportsBadOnesAndChangesNothingTheSecondTime() {
		String file = String.join("\r\n",
				line("OLD-250301-0001", "\"nationalStatus\":10,\"finishedAt\":\"2025-03-05T10:00:00+07:00\","
						+ "\"returnedAt\":\"2025-03-06T09:00:00+07:00\",\"supplements\":[{\"requestedAt\":\"2025-03-03T09:00:00+07:00\","
						+ "\"completedAt\":\"2025-03-04T09:00:00+07:00\"}],\"feeVnd\":50000,\"paidOnline\":true,\"rating\":\"SATISFIED\""),
				"",
				line("OLD-250301-0002", "\"nationalStatus\":4"),
				"{not json",
				line("OLD-250301-0003", "\"nationalStatus\":11"),
				"{\"code\":\"OLD-250301-0004\",\"procedureCode\":\"9.900001\",\"agencyCode\":\"SXD\",\"channel\":\"ONLINE\",\"nationalStatus\":2}",
				line("OLD-250301-0002", "\"nationalStatus\":4"),
				line("OLD-250301-0005", "\"nationalStatus\":4,\"receivedAt\":\"2025-03-01 08:00:00\""),
				line("OLD-250301-0006", "\"nationalStatus\":4").replace("\"SXD\"", "\"NO_SUCH_UNIT\""),
				"");
		JsonNode first = importFile(file);
		assertThat(first.get("imported").asLong()).isEqualTo(2);
		assertThat(first.get("unchanged").asLong()).isZero();
		assertThat(first.get("errors").valueStream().map(e -> e.get("line").asInt())).containsExactly(4, 5, 6, 7, 8, 9);
		assertThat(first.get("errors").get(3).get("message").asString()).contains("repeated");

		JsonNode d = api.get("/api/v1/dossiers/OLD-250301-0001", api.token("admin")).json();
		assertThat(d.get("status").asString()).isEqualTo("RETURNED");
		assertThat(d.get("onTime").asBoolean()).isTrue();
		assertThat(d.get("supplements")).hasSize(1);
		assertThat(d.get("paidOnline").asBoolean()).isTrue();
		assertThat(api.get("/api/v1/dossiers/OLD-250301-0001/history", api.token("admin")).json().get(0).get("action")
			.asString()).isEqualTo("IMPORTED");

		// the same file again: nothing new, and the same lines are still bad
		JsonNode second = importFile(file.replace("\r\n", "\n"));
		assertThat(second.get("imported").asLong()).isZero();
		assertThat(second.get("unchanged").asLong()).isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from dossier where code like 'OLD-250301-%'").query(Long.class).single())
			.isEqualTo(2);
		// a changed line for a stored code is an error, not an overwrite
		JsonNode changed = importFile(line("OLD-250301-0002", "\"nationalStatus\":9"));
		assertThat(changed.get("errors").get(0).get("message").asString()).contains("different content");
		assertThat(api.get("/api/v1/dossiers/OLD-250301-0002", api.token("admin")).json().get("status").asString())
			.isEqualTo("PROCESSING");
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'dossier.legacy-import'")
			.query(Long.class).single()).isGreaterThanOrEqualTo(3);
		assertThat(api.send(request(file), api.token("officer")).status()).isEqualTo(403);
	}

	@Test
	void badValuesAnywhereInALongFileAreBadLinesAndTheRunIsFinishedAndAuditedAllTheSame() {
		StringBuilder file = new StringBuilder();
		for (int i = 1; i <= 1500; i++) {
			String code = String.format("PF-250302-%04d", i);
			String rest = "\"nationalStatus\":4";
			if (i == 1200) {
				code = "PF-250302-\\u0000-1200"; // a NUL in the code, past the first batch of a thousand
			}
			else if (i == 1201) {
				rest = "\"nationalStatus\":4,\"feeVnd\":100000000000000000000";
			}
			else if (i == 1202) {
				rest = "\"nationalStatus\":99999999999";
			}
			else if (i == 1203) {
				rest = "\"nationalStatus\":9,\"finishedAt\":\"2025-02-27T08:00:00+07:00\"";
			}
			String l = line(code, rest);
			if (i == 1204) {
				l = l.replace("\"receivedAt\":\"2025-03-01T08:00:00+07:00\"", "\"receivedAt\":\"-999999999-01-01T00:00:00Z\"");
			}
			file.append(l).append('\n');
		}
		JsonNode result = importFile(file.toString());
		assertThat(result.get("errors").valueStream().map(e -> e.get("line").asInt())).containsExactly(1200, 1201, 1202,
				1203, 1204);
		assertThat(result.get("imported").asLong()).isEqualTo(1495);
		long run = jdbc.sql("select max(id) from dossier_import_run").query(Long.class).single();
		assertThat(jdbc.sql("select finished_at is not null from dossier_import_run where id = ?").param(run)
			.query(Boolean.class).single()).isTrue();
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'dossier.legacy-import' and subject_id = ?")
			.param(Long.toString(run)).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from dossier where code like 'PF-250302-%'").query(Long.class).single())
			.isEqualTo(1495);
	}

	@Test
	void aDossierRefusedAtReceptionIsNeverReceived() {
		JsonNode result = importFile(line("RF-250303-0001", "\"nationalStatus\":3") + "\n"
				+ line("RF-250303-0002", "\"nationalStatus\":4") + "\n");
		assertThat(result.get("imported").asLong()).isEqualTo(2);
		assertThat(jdbc.sql("select received_at is null from dossier where code = 'RF-250303-0001'").query(Boolean.class)
			.single()).isTrue();
		assertThat(jdbc.sql("select received_at is null from dossier where code = 'RF-250303-0002'").query(Boolean.class)
			.single()).isFalse();
		// the KPI's raw rule counts what was received
		assertThat(jdbc.sql("select count(*) from dossier where code like 'RF-250303-%' and received_at is not null")
			.query(Long.class).single()).isEqualTo(1);
	}

	private JsonNode importFile(String body) {
		Api.Response r = api.send(request(body), api.token("admin"));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json();
	}

	private HttpRequest.Builder request(String body) {
		return HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/admin/dossiers:import"))
			.header("Content-Type", "application/x-ndjson")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

	private static String line(String code, String rest) {
		return "{\"code\":\"" + code + "\",\"procedureCode\":\"9.900001\",\"agencyCode\":\"SXD\",\"channel\":\"COUNTER\","
				+ "\"submittedAt\":\"2025-03-01T07:30:00+07:00\",\"receivedAt\":\"2025-03-01T08:00:00+07:00\","
				+ "\"dueAt\":\"2025-03-06T08:00:00+07:00\"," + rest + "}";
	}
}
