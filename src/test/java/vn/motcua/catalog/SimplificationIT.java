package vn.motcua.catalog;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import vn.motcua.Api;
import vn.motcua.MotCuaIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@MotCuaIntegrationTest
class SimplificationIT {

	@LocalServerPort
	int port;

	Api api;


	@Test
	void approvedAndAchievedCutsOfTheDemoProgramme() {
		JsonNode p = api.get("/api/v1/simplification-plans").json();
		JsonNode company = p.get("items").valueStream()
			.filter(i -> i.get("procedureName").asString().startsWith("Đăng ký thành lập công ty trách nhiệm hữu hạn một"))
			.findFirst()
			.orElseThrow();
		// baseline 5 days, target 3, published version 3: 40% approved and achieved
		assertThat(company.get("approvedTimeCut").asDouble()).isEqualTo(40.0);
		assertThat(company.get("achievedTimeCut").asDouble()).isEqualTo(40.0);
		JsonNode liquor = p.get("items").valueStream()
			.filter(i -> i.get("procedureName").asString().equals("Cấp giấy phép bán lẻ rượu"))
			.findFirst()
			.orElseThrow();
		assertThat(liquor.get("achievedTimeCut").decimalValue()).isEqualByComparingTo("33.33");
		JsonNode totals = p.get("totals");
		assertThat(totals.get("proceduresWithPlans").asLong()).isGreaterThanOrEqualTo(6);
		assertThat(totals.get("reachingTarget").asLong()).isGreaterThanOrEqualTo(3);
		assertThat(totals.get("businessReachingTarget").asLong()).isLessThanOrEqualTo(totals.get("businessProcedures")
			.asLong());
	}

	@Test
	void aPublishedCutRaisesTheAchievedReduction() {
		String admin = api.token("admin");
		String csv = "code,name,field,agencyCode,level,durationWorkingDays,feeVnd,onlineLevel,internal\n"
				+ "9.400001,Thủ tục thử nghiệm cắt giảm,Lĩnh vực thử nghiệm,SCT,PROVINCE,20,100000,PARTIAL,false\n";
		assertThat(importCsv(csv, admin).status()).isEqualTo(200);
		Api.Response created = api.postJson("/api/v1/admin/simplification-plans", Map.of("procedureCode", "9.400001",
				"decisionNumber", "77/QĐ-UBND", "decisionDate", "2026-03-01", "measure", "Cắt giảm thời hạn",
				"business", true, "baselineDays", 20, "targetDays", 14, "baselineCostVnd", 100000, "targetCostVnd",
				100000), admin);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(plan("9.400001").get("achievedTimeCut").asDouble()).isZero();
		assertThat(plan("9.400001").get("approvedTimeCut").asDouble()).isEqualTo(30.0);

		importCsv(csv.replace(",20,100000", ",14,100000"), admin);
		assertThat(plan("9.400001").get("achievedTimeCut").asDouble()).isEqualTo(30.0);
	}

	@Test
	void plansAreValidatedAndForAdministrators() {
		Map<String, Object> longer = Map.of("procedureCode", "9.999998", "decisionNumber", "1/QĐ", "decisionDate",
				"2026-03-01", "measure", "x", "baselineDays", 5, "targetDays", 3, "baselineCostVnd", 0,
				"targetCostVnd", 0);
		assertThat(api.postJson("/api/v1/admin/simplification-plans", longer, api.token("admin")).status())
			.isEqualTo(400);
		assertThat(api.postJson("/api/v1/admin/simplification-plans", Map.of("procedureCode", "x"), api.token("admin"))
			.json()
			.get("errors")
			.size()).isGreaterThan(3);
		assertThat(api.postJson("/api/v1/admin/simplification-plans", longer, api.token("officer")).status())
			.isEqualTo(403);
	}

	private JsonNode plan(String code) {
		return api.get("/api/v1/simplification-plans")
			.json()
			.get("items")
			.valueStream()
			.filter(i -> i.get("procedureCode").asString().equals(code))
			.findFirst()
			.orElseThrow();
	}

	private Api.Response importCsv(String csv, String token) {
		return api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/admin/procedures:import"))
			.header("Content-Type", "text/csv")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(csv)), token);
	}

	@Test
	void anAdministratorPutsAPlanIntoEffectAndCancelsAnotherOnThePage() {
		String admin = api.token("admin");
		String csv = "code,name,field,agencyCode,level,durationWorkingDays,feeVnd,onlineLevel,internal\n"
				+ "9.400002,Thủ tục thử nghiệm hủy phương án,Lĩnh vực thử nghiệm,SCT,PROVINCE,10,0,PARTIAL,false\n";
		assertThat(importCsv(csv, admin).status()).isEqualTo(200);
		Api.Response created = api.postJson("/api/v1/admin/simplification-plans", Map.of("procedureCode", "9.400002",
				"decisionNumber", "88/QĐ-UBND", "decisionDate", "2026-04-01", "measure", "Cắt giảm thời hạn",
				"business", false, "baselineDays", 10, "targetDays", 6, "baselineCostVnd", 0, "targetCostVnd", 0), admin);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();

		vn.motcua.WebSession web = new vn.motcua.WebSession(port);
		web.signIn("admin", "admin");
		String page = web.get("/staff/simplification").body();
		web.post("/staff/simplification/" + id + "/status", vn.motcua.WebSession.csrf(page), "status=IN_EFFECT");
		assertThat(status(id)).isEqualTo("IN_EFFECT");
		page = web.get("/staff/simplification").body();
		web.post("/staff/simplification/" + id + "/status", vn.motcua.WebSession.csrf(page), "status=IN_EFFECT");
		assertThat(web.get("/staff/simplification").body()).contains("không chuyển sang IN_EFFECT");
		page = web.get("/staff/simplification").body();
		web.post("/staff/simplification/" + id + "/status", vn.motcua.WebSession.csrf(page), "status=CANCELLED&reason=");
		assertThat(status(id)).as("no reason, no cancelling").isEqualTo("IN_EFFECT");
		page = web.get("/staff/simplification").body();
		web.post("/staff/simplification/" + id + "/status", vn.motcua.WebSession.csrf(page),
				"status=CANCELLED&reason=Tr%C3%B9ng+ph%C6%B0%C6%A1ng+%C3%A1n");
		assertThat(status(id)).isNull(); // cancelled plans leave the programme
		vn.motcua.WebSession officer = new vn.motcua.WebSession(port);
		officer.signIn("officer", "officer");
		String officerPage = officer.get("/staff/simplification").body();
		assertThat(officer.post("/staff/simplification/" + id + "/status", vn.motcua.WebSession.csrf(officerPage),
				"status=IN_EFFECT").statusCode()).isEqualTo(403);
	}

	private String status(long id) {
		return api.get("/api/v1/simplification-plans").json().get("items").valueStream()
			.filter(i -> i.get("id").asLong() == id)
			.map(i -> i.get("status").asString())
			.findFirst()
			.orElse(null);
	}
}
