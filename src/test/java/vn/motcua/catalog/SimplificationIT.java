package vn.motcua.catalog;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
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

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

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
}
