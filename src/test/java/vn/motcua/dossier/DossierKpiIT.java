package vn.motcua.dossier;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import vn.motcua.Api;
import vn.motcua.MotCuaIntegrationTest;
import vn.motcua.TestClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/kpi} over dossiers walked through the workflow (so through the rollup triggers), in March
 * 2027, a month no other test files in: extensions do not move the due date the rate is judged against, and a
 * period not yet over is judged now.
 */
@MotCuaIntegrationTest
class DossierKpiIT {

	static final Instant MONDAY = Instant.parse("2027-03-01T08:00:00+07:00");

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@AfterEach
	void backToNow() {
		clock.set(Clock.systemUTC().instant());
	}

	@Test
	void extendedDossiersAreJudgedAgainstTheirDueDateAndTheCurrentMonthNow() {
		DossierTestSupport.importProcedures(new Api(port));
		clock.set(MONDAY); // tokens are issued by the test clock: a fresh client after each jump
		Api api = new Api(port);
		DossierTestSupport d = new DossierTestSupport(api);
		String extendedFinished = d.fileAtCounter(DossierTestSupport.PROCEDURE, 8101).get("code").asString();
		String extendedOpen = d.fileAtCounter(DossierTestSupport.PROCEDURE, 8102).get("code").asString();
		String early = d.fileAtCounter(DossierTestSupport.PROCEDURE, 8103).get("code").asString();
		for (String code : new String[] { extendedFinished, extendedOpen, early }) {
			d.ok("officer", code, "FORWARD", Map.of());
		}
		for (String code : new String[] { extendedFinished, extendedOpen }) {
			JsonNode x = d.ok("leader", code, "EXTEND", Map.of("reason", "Chờ ý kiến liên thông", "newDueAt",
					"2027-03-10T08:00:00+07:00"));
			assertThat(x.get("dueAt").asString()).as("3 working days").isEqualTo("2027-03-04T08:00:00+07:00");
		}
		// Wednesday noon: one finished early, the others within their due date
		clock.set(Instant.parse("2027-03-03T12:00:00+07:00"));
		api = new Api(port);
		d = new DossierTestSupport(api);
		d.ok("specialist", early, "APPROVE", Map.of("note", "Đạt"));
		d.ok("leader", early, "FINISH", Map.of("note", "Đồng ý"));
		JsonNode now = kpi(api, "from=2027-03-01&to=2027-03-31&agency=SXD");
		assertThat(now.get("received").asLong()).isEqualTo(3);
		assertThat(now.get("onTime").asLong()).as("the month is judged now: nobody is past 04/03 08:00").isEqualTo(3);

		// the next Monday: one finished after its due date but before the extended one, one still open
		clock.set(Instant.parse("2027-03-08T10:00:00+07:00"));
		api = new Api(port);
		d = new DossierTestSupport(api);
		d.ok("specialist", extendedFinished, "APPROVE", Map.of("note", "Đạt"));
		d.ok("leader", extendedFinished, "FINISH", Map.of("note", "Đồng ý"));
		JsonNode later = kpi(api, "from=2027-03-01&to=2027-03-31&agency=SXD");
		assertThat(later.get("onTime").asLong()).as("both extended ones are late against dueAt").isEqualTo(1);
		assertThat(later.get("onTimeRate").decimalValue()).isEqualByComparingTo("33.33");
		JsonNode pastDays = kpi(api, "from=2027-03-01&to=2027-03-02");
		assertThat(pastDays.get("received").asLong()).isEqualTo(3);
		assertThat(pastDays.get("onTime").asLong()).as("a period that ended on 02/03 is judged at its end")
			.isEqualTo(3);
	}

	private static JsonNode kpi(Api api, String query) {
		Api.Response r = api.get("/api/v1/kpi?" + query, api.token("province"));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json();
	}
}
