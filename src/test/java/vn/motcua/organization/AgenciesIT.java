package vn.motcua.organization;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import vn.motcua.Api;
import vn.motcua.MotCuaIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@MotCuaIntegrationTest
class AgenciesIT {

	@Autowired
	Agencies agencies;

	Api api;

	@Test
	void publicListHasTheCaMauTreeWithTheContractFields() {
		Api.Response r = api.get("/api/v1/agencies");
		assertThat(r.status()).isEqualTo(200);
		List<JsonNode> items = List.copyOf(r.json().values());
		assertThat(items).hasSizeGreaterThanOrEqualTo(30);
		for (JsonNode a : items) {
			assertThat(a.has("code") && a.has("name") && a.has("parentCode") && a.has("level") && a.has("identifier"))
				.as(a.toString())
				.isTrue();
			assertThat(a.get("demo").asBoolean()).isTrue();
		}
		JsonNode centre = find(items, "TTPVHCC");
		assertThat(centre.get("level").asString()).isEqualTo("CENTRE");
		assertThat(centre.get("parentCode").asString()).isEqualTo("UBND_CM");
		assertThat(centre.get("identifier").asString()).matches("\\d{3}\\.\\d{2}\\.\\d{2}\\.H\\d{2}");
		assertThat(items.stream().map(a -> a.get("level").asString()))
			.contains("PROVINCE", "CENTRE", "DEPARTMENT", "COMMUNE");
		// parents come before their children
		assertThat(items.get(0).get("code").asString()).isEqualTo("UBND_CM");
	}

	@Test
	void unitsMergedAwayLeaveTheCurrentListButKeepTheirHistory() {
		Set<String> current = codes(api.get("/api/v1/agencies"));
		assertThat(current).doesNotContain("UBND_BL", "H_TPCAMAU").contains("P_BACLIEU");
		Set<String> all = codes(api.get("/api/v1/agencies?all=true"));
		assertThat(all).contains("UBND_BL", "STP_BL", "H_TPCAMAU", "P_BACLIEU");
		Set<String> beforeMerger = codes(api.get("/api/v1/agencies?at=2025-06-30"));
		assertThat(beforeMerger).contains("UBND_BL", "H_TPCAMAU").doesNotContain("P_BACLIEU");
	}

	@Test
	void badDateIs400() {
		Api.Response r = api.get("/api/v1/agencies?at=30/06/2025");
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.contentType()).startsWith("application/problem+json");
	}

	@Test
	void treeQueriesFollowParents() {
		assertThat(agencies.isWithin("SXD_QLXD", "UBND_CM")).isTrue();
		assertThat(agencies.isWithin("SXD_QLXD", "SXD")).isTrue();
		assertThat(agencies.isWithin("SXD", "SXD_QLXD")).isFalse();
		assertThat(agencies.isWithin("STP_BL", "UBND_CM")).isFalse();
		assertThat(agencies.subtree("SXD")).containsExactlyInAnyOrder("SXD", "SXD_QLXD");
		assertThat(agencies.validOn(LocalDate.of(2026, 1, 1))).extracting(Agency::code).doesNotContain("UBND_BL");
	}

	private static JsonNode find(List<JsonNode> items, String code) {
		return items.stream().filter(a -> code.equals(a.get("code").asString())).findFirst().orElseThrow();
	}

	private static Set<String> codes(Api.Response r) {
		assertThat(r.status()).isEqualTo(200);
		return r.json().valueStream().map(a -> a.get("code").asString()).collect(java.util.stream.Collectors.toSet());
	}
}
