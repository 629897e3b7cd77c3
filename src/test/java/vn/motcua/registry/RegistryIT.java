package vn.motcua.registry;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import vn.motcua.Api;
import vn.motcua.MotCuaIntegrationTest;
import vn.motcua.TestClock;
import vn.motcua.sandbox.SyntheticPopulation;
import vn.motcua.sandbox.SyntheticPopulation.Person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MotCuaIntegrationTest
class RegistryIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	Api api;


	@Test
	void verifiesAgainstTheSandboxPopulation() {
		Person living = firstWhere(Person::alive);
		Person dead = firstWhere(p -> !p.alive());
		assertThat(verify(living.idNumber(), living.fullName(), living.dateOfBirth().toString())).isEqualTo("MATCH");
		assertThat(verify(living.idNumber(), "  " + living.fullName().toUpperCase() + " ",
				living.dateOfBirth().toString())).isEqualTo("MATCH");
		assertThat(verify(living.idNumber(), living.fullName() + " Út", living.dateOfBirth().toString()))
			.isEqualTo("NO_MATCH");
		assertThat(verify(living.idNumber(), living.fullName(), living.dateOfBirth().plusDays(1).toString()))
			.isIn("NO_MATCH", "BAD_REQUEST"); // the next day may cross into another year
		assertThat(verify(dead.idNumber(), dead.fullName(), dead.dateOfBirth().toString())).isEqualTo("DECEASED");
		String unknown = living.idNumber().substring(0, 6) + "999999";
		if (SyntheticPopulation.byIdNumber(unknown).isEmpty()) {
			assertThat(verify(unknown, "Nguyễn Văn A", living.dateOfBirth().toString())).isEqualTo("NOT_FOUND");
		}
	}

	@Test
	void refusesMalformedNumbersAndWrongCallers() {
		Person p = SyntheticPopulation.person(10);
		Api.Response contradicting = api.postJson("/api/v1/registry/verify", Map.of("idNumber", p.idNumber(),
				"fullName", p.fullName(), "dateOfBirth", p.dateOfBirth().plusYears(1).toString(), "purpose", "Kiểm tra"),
				api.token("officer"));
		assertThat(contradicting.status()).isEqualTo(400);
		assertThat(contradicting.json().get("errors").get(0).get("field").asString()).isEqualTo("idNumber");
		assertThat(contradicting.json().get("errors").get(0).get("message").asString()).contains("năm sinh");
		Api.Response noPurpose = api.postJson("/api/v1/registry/verify", Map.of("idNumber", p.idNumber(),
				"fullName", p.fullName(), "dateOfBirth", p.dateOfBirth().toString()), api.token("officer"));
		assertThat(noPurpose.status()).isEqualTo(400);
		Api.Response leader = api.postJson("/api/v1/registry/verify", Map.of("idNumber", p.idNumber(), "fullName",
				p.fullName(), "dateOfBirth", p.dateOfBirth().toString(), "purpose", "x"), api.token("leader"));
		assertThat(leader.status()).isEqualTo(403);
		assertThat(api.get("/api/v1/registry/lookups", api.token("officer")).status()).isEqualTo(403);
	}

	@Test
	void aRegistryOutageAnswersUnavailableAndTheCircuitRecovers() {
		Person p = SyntheticPopulation.person(20);
		outage("DOWN");
		try {
			for (int i = 0; i < 6; i++) {
				assertThat(verify(p.idNumber(), p.fullName(), p.dateOfBirth().toString())).isEqualTo("UNAVAILABLE");
			}
		}
		finally {
			outage("NONE");
		}
		// the breaker is open: still unavailable without asking, until it lets a trial through
		assertThat(verify(p.idNumber(), p.fullName(), p.dateOfBirth().toString())).isEqualTo("UNAVAILABLE");
		clock.advance(Duration.ofMinutes(1));
		assertThat(verify(p.idNumber(), p.fullName(), p.dateOfBirth().toString())).isIn("MATCH", "DECEASED");
		JsonNode log = api.get("/api/v1/registry/lookups?idNumber=" + p.idNumber(), api.token("admin")).json();
		assertThat(log.get("items").get(1).get("result").asString()).isEqualTo("UNAVAILABLE");
		assertThat(log.get("items").get(1).get("responseHash").isNull()).isTrue();
	}

	@Test
	void everyLookupIsLoggedWithPurposeDossierAndResponseHashAndCannotBeRewritten() {
		Person p = SyntheticPopulation.person(30);
		Map<String, Object> body = new HashMap<>(Map.of("idNumber", p.idNumber(), "fullName", p.fullName(),
				"dateOfBirth", p.dateOfBirth().toString(), "purpose", "Tiếp nhận hồ sơ khai sinh", "dossierCode",
				"TTPVHCC-261126-0001"));
		Api.Response r = api.postJson("/api/v1/registry/verify", body, api.token("specialist"));
		assertThat(r.status()).isEqualTo(200);
		String lookupId = r.json().get("lookupId").asString();
		JsonNode page = api.get("/api/v1/registry/lookups?idNumber=" + p.idNumber() + "&size=5", api.token("admin"))
			.json();
		JsonNode entry = page.get("items").get(0);
		assertThat(page.get("total").asLong()).isEqualTo(1);
		assertThat(entry.get("id").asString()).isEqualTo(lookupId);
		assertThat(entry.get("actor").asString()).isEqualTo("specialist");
		assertThat(entry.get("purpose").asString()).isEqualTo("Tiếp nhận hồ sơ khai sinh");
		assertThat(entry.get("dossierCode").asString()).isEqualTo("TTPVHCC-261126-0001");
		assertThat(entry.get("responseHash").asString()).matches("[0-9a-f]{64}");
		assertThat(entry.get("at").asString()).endsWith("+07:00");
		assertThatThrownBy(() -> jdbc.sql("update registry_lookup set actor = 'x'").update())
			.hasMessageContaining("append-only");
		assertThat(api.get("/api/v1/registry/lookups?size=101", api.token("admin")).status()).isEqualTo(400);
	}

	@Test
	void theSandboxSampleIsLivingAdultsOfTheKnownPopulation() {
		JsonNode sample = api.get("/sandbox/registry/sample?n=25").json();
		assertThat(sample.size()).isEqualTo(25);
		sample.valueStream().forEach(s -> {
			Person p = SyntheticPopulation.byIdNumber(s.get("idNumber").asString()).orElseThrow();
			assertThat(p.alive()).isTrue();
			assertThat(s.get("fullName").asString()).isEqualTo(p.fullName());
		});
		assertThat(api.get("/sandbox/registry/sample?n=0").status()).isEqualTo(400);
	}

	private String verify(String idNumber, String fullName, String dateOfBirth) {
		Api.Response r = api.postJson("/api/v1/registry/verify", Map.of("idNumber", idNumber, "fullName", fullName,
				"dateOfBirth", dateOfBirth, "purpose", "Kiểm thử"), api.token("officer"));
		if (r.status() == 400) {
			return "BAD_REQUEST";
		}
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json().get("result").asString();
	}

	private void outage(String mode) {
		api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base() + "/sandbox/registry/outage"))
			.header("Content-Type", "application/json")
			.PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"mode\":\"" + mode + "\"}")), null);
	}

	private static Person firstWhere(java.util.function.Predicate<Person> test) {
		return IntStream.range(1000, SyntheticPopulation.SIZE)
			.mapToObj(SyntheticPopulation::person)
			.filter(test)
			.findFirst()
			.orElseThrow();
	}

	@Test
	void administratorsExportTheLogAsCsvAndTheExportIsAudited() {
		Person p = SyntheticPopulation.person(40);
		verify(p.idNumber(), p.fullName(), p.dateOfBirth().toString());
		vn.motcua.WebSession web = new vn.motcua.WebSession(port);
		web.signIn("admin", "admin");
		String page = web.get("/admin/registry?idNumber=" + p.idNumber()).body();
		assertThat(page).contains(p.idNumber(), "Kiểm thử");
		String today = vn.motcua.platform.Zones.DAY.format(vn.motcua.platform.Zones.today(clock));
		java.net.http.HttpResponse<String> csv = web.get("/admin/registry/export?from=" + today + "&to=" + today);
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		assertThat(csv.body()).startsWith("\uFEFFid,thoi_gian,nguoi_tra_cuu").contains(p.idNumber(), "\"officer\"");
		assertThat(web.get("/admin/registry/export?from=31/02/2026&to=" + today).statusCode()).isEqualTo(400);
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'registry.log-exported'")
			.query(Long.class).single()).isPositive();
		vn.motcua.WebSession officer = new vn.motcua.WebSession(port);
		officer.signIn("officer", "officer");
		assertThat(officer.get("/admin/registry").statusCode()).isEqualTo(403);
	}
}
