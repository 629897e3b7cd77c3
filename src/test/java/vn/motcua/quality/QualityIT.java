package vn.motcua.quality;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import vn.motcua.Api;
import vn.motcua.MotCuaIntegrationTest;
import vn.motcua.TestProcedures;
import vn.motcua.sandbox.DemoCitizens;
import vn.motcua.sandbox.SyntheticPopulation.Person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Data quality through its API on records crafted for one unit (Sở Dân tộc và Tôn giáo, which no other test files
 * for), so its scores can be counted by hand: each rule, the scores, one issue per record and rule, a correction
 * through the dossier module checked again at once, a dismissal that holds until the record changes, access.
 */
@MotCuaIntegrationTest
class QualityIT {

	private static final String PROCEDURE = "9.900077";

	Api api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	QualityRuns runs;

	private String file(String idNumber, String name, String birth, String phone) {
		Map<String, Object> applicant = new HashMap<>();
		applicant.put("type", "CITIZEN");
		applicant.put("idNumber", idNumber);
		applicant.put("fullName", name);
		applicant.put("dateOfBirth", birth);
		if (phone != null) {
			applicant.put("phone", phone);
		}
		Api.Response r = api.postJson("/api/v1/dossiers", Map.of("procedureCode", PROCEDURE, "channel", "COUNTER",
				"applicant", applicant), api.token("officer"));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("code").asString();
	}

	private JsonNode summary(String dataset) {
		return api.get("/api/v1/quality/summary?dataset=" + dataset + "&agency=SDTTG", api.token("admin")).json();
	}

	private static void dimension(JsonNode summary, String dimension, int checked, int passed, String rate) {
		JsonNode d = summary.get("dimensions").get(dimension);
		assertThat(d.get("checked").asInt()).as(dimension + " checked").isEqualTo(checked);
		assertThat(d.get("passed").asInt()).as(dimension + " passed").isEqualTo(passed);
		if (rate == null) {
			assertThat(d.get("rate").isNull()).isTrue();
		}
		else {
			assertThat(d.get("rate").decimalValue()).as(dimension + " rate").isEqualByComparingTo(rate);
		}
	}

	private JsonNode issue(String dataset, String key, String rule) {
		return api.get("/api/v1/quality/issues?dataset=" + dataset + "&agency=SDTTG&size=100", api.token("admin")).json().get("items")
			.valueStream()
			.filter(i -> i.get("recordKey").asString().equals(key) && i.get("rule").asString().equals(rule))
			.findFirst()
			.orElse(null);
	}

	@Test
	void eachRuleScoresCountedByHandAndTheQueueIsWorked() {
		TestProcedures.ensure(api, PROCEDURE, "Thủ tục kiểm thử của Sở Dân tộc và Tôn giáo", "SDTTG", 3, 0);
		Person known = DemoCitizens.all().get(4).person(); // in the registry: MATCH
		file(known.idNumber(), known.fullName(), known.dateOfBirth().toString(), "0912345678");
		String noContact = "096090277702";
		file(noContact, "Lê Thị Không Liên Lạc", "1990-03-15", null);
		String twoPeople = "096090277703";
		file(twoPeople, "Trần Văn Hai", "1990-03-15", "0912000003");
		String second = file(twoPeople, "Trần Văn Ba", "1990-03-15", "0912000004");
		jdbc.sql("update dossier set applicant_phone = null, applicant_email = null where applicant_id_number = ?")
			.param(noContact).update();

		Api.Response started = api.postJson("/api/v1/admin/quality/runs", Map.of(), api.token("admin"));
		assertThat(started.status()).isEqualTo(202);
		long run = started.json().get("id").asLong();
		await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(
				api.get("/api/v1/admin/quality/runs/" + run, api.token("admin")).json().get("status").asString()));
		assertThat(api.get("/api/v1/admin/quality/runs/" + run, api.token("admin")).json().get("finishedAt").isNull())
			.isFalse();

		JsonNode applicants = summary("APPLICANTS");
		assertThat(applicants.get("records").asInt()).isEqualTo(3);
		assertThat(applicants.get("runAt").isNull()).isFalse();
		dimension(applicants, "correct", 3, 1, "33.33");
		dimension(applicants, "complete", 3, 2, "66.67");
		dimension(applicants, "clean", 3, 2, "66.67");
		dimension(applicants, "live", 3, 3, "100.00");
		JsonNode dossiers = summary("DOSSIERS");
		assertThat(dossiers.get("records").asInt()).isEqualTo(4);
		dimension(dossiers, "correct", 4, 1, "25.00");
		dimension(dossiers, "complete", 4, 4, "100.00");
		dimension(dossiers, "clean", 4, 4, "100.00");
		dimension(dossiers, "live", 4, 4, "100.00");

		JsonNode contact = issue("APPLICANTS", noContact, "APPLICANT_CONTACT");
		assertThat(contact.get("dimension").asString()).isEqualTo("complete");
		assertThat(contact.get("status").asString()).isEqualTo("OPEN");
		assertThat(contact.get("message").asString()).contains("điện thoại");
		assertThat(issue("APPLICANTS", twoPeople, "APPLICANT_ONE_PERSON").get("field").asString()).isEqualTo("fullName");
		assertThat(issue("APPLICANTS", known.idNumber(), "APPLICANT_REGISTRY_MATCH")).isNull();

		// access: the owning unit's staff and administrators resolve; others may not
		long contactId = contact.get("id").asLong();
		assertThat(api.postJson("/api/v1/quality/issues/" + contactId + "/resolution",
				Map.of("action", "DISMISS", "reason", "x"), api.token("specialist.stp")).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/quality/summary?dataset=APPLICANTS&agency=SDTTG", api.token("leader")).status())
			.isEqualTo(403);
		assertThat(api.get("/api/v1/quality/summary?dataset=APPLICANTS", api.token("officer")).status()).isEqualTo(403);
		assertThat(api.postJson("/api/v1/quality/issues/" + contactId + "/resolution", Map.of("action", "DISMISS"),
				api.token("admin")).status()).as("a dismissal needs a reason").isEqualTo(400);
		assertThat(api.postJson("/api/v1/quality/issues/" + contactId + "/resolution", Map.of("action", "CORRECT",
				"value", "12"), api.token("admin")).status()).as("not a phone").isEqualTo(400);

		// corrected through the dossier module, checked again at once
		Api.Response corrected = api.postJson("/api/v1/quality/issues/" + contactId + "/resolution",
				Map.of("action", "CORRECT", "value", "0912777702"), api.token("admin"));
		assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
		assertThat(corrected.json().get("status").asString()).isEqualTo("CORRECTED");
		assertThat(jdbc.sql("select applicant_phone from dossier where applicant_id_number = ?").param(noContact)
			.query(String.class).single()).isEqualTo("0912777702");
		assertThat(jdbc.sql("select count(*) from dossier_history h join dossier d on d.code = h.dossier_code"
				+ " where d.applicant_id_number = ? and h.action = 'CORRECT_APPLICANT'").param(noContact).query(Long.class)
			.single()).isEqualTo(1);
		assertThat(api.postJson("/api/v1/quality/issues/" + contactId + "/resolution",
				Map.of("action", "DISMISS", "reason", "x"), api.token("admin")).status()).isEqualTo(409);

		// a dismissal holds over later runs until the record changes; never a second issue for it
		long twoId = issue("APPLICANTS", twoPeople, "APPLICANT_ONE_PERSON").get("id").asLong();
		assertThat(api.postJson("/api/v1/quality/issues/" + twoId + "/resolution",
				Map.of("action", "DISMISS", "reason", "Hai anh em dùng nhầm số định danh, đã xác minh tại quầy"),
				api.token("admin")).json().get("status").asString()).isEqualTo("DISMISSED");
		runs.runNow("test");
		// the leaders' dashboard shows the change since the run before: one more applicant with a contact
		vn.motcua.WebSession admin = new vn.motcua.WebSession(Integer.parseInt(api.base().replaceAll(".*:", "")));
		admin.signIn("admin", "admin");
		String panel = admin.get("/staff/quality/panel").body();
		assertThat(panel).contains("id=\"quality-dimensions\"", "▲");
		assertThat(issue("APPLICANTS", twoPeople, "APPLICANT_ONE_PERSON").get("status").asString()).isEqualTo("DISMISSED");
		assertThat(issue("APPLICANTS", noContact, "APPLICANT_CONTACT").get("status").asString()).isEqualTo("CORRECTED");
		jdbc.sql("update dossier set applicant_name = 'Trần Văn Bốn' where code = ?").param(second).update();
		runs.runNow("test");
		assertThat(issue("APPLICANTS", twoPeople, "APPLICANT_ONE_PERSON").get("status").asString())
			.as("the record changed: open again").isEqualTo("OPEN");
		assertThat(jdbc.sql("select count(*) from quality_issue where record_key = ? and rule = 'APPLICANT_ONE_PERSON'")
			.param(twoPeople).query(Long.class).single()).isEqualTo(1);
		dimension(summary("APPLICANTS"), "complete", 3, 3, "100.00");

		// the list without a status lists every status; the export has them too
		List<String> statuses = api.get("/api/v1/quality/issues?dataset=APPLICANTS&agency=SDTTG&size=100", api.token("admin")).json()
			.get("items").valueStream().map(i -> i.get("status").asString()).distinct().toList();
		assertThat(statuses).contains("OPEN", "CORRECTED");
		assertThat(api.get("/api/v1/quality/issues?dimension=nonsense", api.token("admin")).status()).isEqualTo(400);
		Api.Response csv = api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base()
				+ "/api/v1/quality/issues/export?dataset=APPLICANTS&format=csv")).GET(), api.token("admin"));
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.body()).contains(twoPeople, "APPLICANT_ONE_PERSON");
	}

	/** Dossier and catalog rules on crafted records of a unit nobody files for, so they touch no other count. */
	@Test
	void theDossierAndCatalogRulesFindWhatIsWrongAndAMappingFixesACode() {
		String unit = jdbc.sql("""
				select a.code from agency a where a.level = 'DEPARTMENT' and a.code not in ('SDTTG')
				  and not exists (select 1 from dossier d where d.agency_code = a.code) order by a.code limit 1""")
			.query(String.class).single();
		TestProcedures.ensure(api, "9.900078", "Thủ tục kiểm thử chất lượng hồ sơ", unit, 3, 0);
		TestProcedures.ensure(api, "KT-QUALITY-1", "Thủ tục  có   khoảng trắng thừa", unit, 3, 0);
		String backwards = fileFor("9.900078", "096090277711");
		String stale = fileFor("9.900078", "096090277712");
		String fine = fileFor("9.900078", "096090277713");
		jdbc.sql("update dossier set finished_at = received_at - interval '1 day' where code = ?").param(backwards).update();
		jdbc.sql("update dossier set due_at = now() - interval '100 days' where code = ?").param(stale).update();
		runs.runNow("test");
		assertThat(issue("DOSSIERS", backwards, "DOSSIER_DATES_AND_UNIT", unit)).isNotNull();
		assertThat(issue("DOSSIERS", stale, "DOSSIER_NOT_STALE", unit)).isNotNull();
		assertThat(issue("DOSSIERS", fine, "DOSSIER_DATES_AND_UNIT", unit)).isNull();
		assertThat(issue("DOSSIERS", fine, "DOSSIER_NOT_STALE", unit)).isNull();
		assertThat(issue("PROCEDURES", "KT-QUALITY-1", "PROCEDURE_NAME", unit)).isNotNull();
		JsonNode code = issue("PROCEDURES", "KT-QUALITY-1", "PROCEDURE_NATIONAL_CODE", unit);
		assertThat(code.get("status").asString()).isEqualTo("OPEN");
		assertThat(issue("PROCEDURES", "9.900078", "PROCEDURE_NATIONAL_CODE", unit)).isNull();
		assertThat(api.postJson("/api/v1/quality/issues/" + code.get("id").asLong() + "/resolution",
				Map.of("action", "CORRECT", "value", "1.999999"), api.token("admin")).status())
			.as("a procedure is corrected in the catalog").isEqualTo(409);
		assertThat(api.putJson("/api/v1/admin/sync/mappings/PROCEDURE/KT-QUALITY-1", Map.of("nationalCode", "1.999999"),
				api.token("admin")).status()).isEqualTo(200);
		runs.runNow("test");
		assertThat(issue("PROCEDURES", "KT-QUALITY-1", "PROCEDURE_NATIONAL_CODE", unit).get("status").asString())
			.as("mapped: corrected by the next run").isEqualTo("CORRECTED");
	}

	private String fileFor(String procedure, String idNumber) {
		Api.Response r = api.postJson("/api/v1/dossiers", Map.of("procedureCode", procedure, "channel", "COUNTER",
				"applicant", Map.of("type", "CITIZEN", "idNumber", idNumber, "fullName", "Phan Văn Kiểm", "dateOfBirth",
						"1990-03-15", "phone", "0912345678")), api.token("officer"));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("code").asString();
	}

	private JsonNode issue(String dataset, String key, String rule, String unit) {
		return api.get("/api/v1/quality/issues?dataset=" + dataset + "&agency=" + unit + "&size=100", api.token("admin"))
			.json().get("items").valueStream()
			.filter(i -> i.get("recordKey").asString().equals(key) && i.get("rule").asString().equals(rule))
			.findFirst()
			.orElse(null);
	}

	@Autowired
	ReVerification reVerification;

	@Autowired
	vn.motcua.TestClock clock;

	/** Old identities are verified again with the registry up; neither a down nor a slow registry is pressed. */
	@Test
	void identitiesCheckedOverAYearAgoAreVerifiedAgainOnlyWhileTheRegistryAnswers() {
		TestProcedures.ensure(api, PROCEDURE, "Thủ tục kiểm thử của Sở Dân tộc và Tôn giáo", "SDTTG", 3, 0);
		Person a = DemoCitizens.all().get(3).person();
		Person b = DemoCitizens.all().get(5).person();
		file(a.idNumber(), a.fullName(), a.dateOfBirth().toString(), "0912000011");
		file(b.idNumber(), b.fullName(), b.dateOfBirth().toString(), "0912000012");
		clock.advance(Duration.ofDays(400)); // the log is append-only: time moves instead, and their answers age
		assertThat(reVerification.due(100_000)).extracting(ReVerification.Person::idNumber)
			.contains(a.idNumber(), b.idNumber());

		outage("SLOW");
		try {
			long started = System.nanoTime();
			assertThat(reVerification.verifyDue(100_000)).as("a slow registry: the batch stops at once").isZero();
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(40));
		}
		finally {
			outage("NONE");
		}
		outage("DOWN");
		try {
			assertThat(reVerification.verifyDue(100_000)).isZero();
		}
		finally {
			outage("NONE");
		}
		clock.advance(Duration.ofMinutes(1)); // past the breaker's pause
		long before = lookups(a.idNumber(), b.idNumber());
		int verified = reVerification.verifyDue(100_000);
		assertThat(verified).isPositive();
		assertThat(reVerification.due(100_000)).extracting(ReVerification.Person::idNumber)
			.doesNotContain(a.idNumber(), b.idNumber());
		assertThat(lookups(a.idNumber(), b.idNumber()) - before).as("one lookup each, with its purpose").isEqualTo(2);
		assertThat(jdbc.sql("select result from registry_lookup where id_number = ? and purpose = ? order by at desc limit 1")
			.params(a.idNumber(), ReVerification.PURPOSE).query(String.class).single()).isEqualTo("MATCH");
		assertThat(reVerification.verifyDue(1)).as("nothing left due for them; the limit caps a batch").isLessThanOrEqualTo(1);
	}

	private long lookups(String... ids) {
		return jdbc.sql("select count(*) from registry_lookup where id_number = any(?) and purpose = ?")
			.params(ids, ReVerification.PURPOSE).query(Long.class).single();
	}

	private void outage(String mode) {
		api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base() + "/sandbox/registry/outage"))
			.header("Content-Type", "application/json")
			.PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"mode\":\"" + mode + "\"}")), null);
	}

	@Test
	void aSecondRunRequestedWhileOneRunsGetsTheRunningOne() {
		long running = jdbc.sql("insert into quality_run (status, started_at, requested_by) values ('RUNNING', now(), 'x')"
				+ " returning id").query(Long.class).single();
		try {
			Api.Response again = api.postJson("/api/v1/admin/quality/runs", Map.of(), api.token("admin"));
			assertThat(again.status()).isEqualTo(202);
			assertThat(again.json().get("id").asLong()).isEqualTo(running);
			assertThat(api.postJson("/api/v1/admin/quality/runs", Map.of(), api.token("leader")).status()).isEqualTo(403);
		}
		finally {
			jdbc.sql("update quality_run set status = 'FAILED', finished_at = now() where id = ?").param(running).update();
		}
	}
}
