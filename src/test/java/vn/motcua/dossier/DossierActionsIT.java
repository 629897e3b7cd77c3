package vn.motcua.dossier;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import vn.motcua.Api;
import vn.motcua.MotCuaIntegrationTest;
import vn.motcua.platform.ApiTime;

import static org.assertj.core.api.Assertions.assertThat;

/** Every row of the action table of api.md: allowed, wrong role (403), wrong status (409), missing field (400). */
@MotCuaIntegrationTest
class DossierActionsIT {

	@Autowired
	JdbcClient jdbc;

	Api api;

	DossierTestSupport dossiers;

	@ParameterizedTest(name = "{0}: {1} from {2}; {3} → 403; from {4} → 409")
	@CsvSource({ "FORWARD, officer, RECEIVED, specialist, PROCESSING, PROCESSING",
			"ASSIGN, leader, PROCESSING, officer, RECEIVED, PROCESSING",
			"REQUEST_SUPPLEMENT, specialist, PROCESSING, officer, RECEIVED, SUPPLEMENT_REQUESTED",
			"SUPPLEMENT, officer, SUPPLEMENT_REQUESTED, specialist, PROCESSING, PROCESSING",
			"REQUEST_PAYMENT, specialist, PROCESSING, leader, RECEIVED, PAYMENT_REQUESTED",
			"APPROVE, specialist, PROCESSING, officer, RECEIVED, PROCESSING",
			"FINISH, leader, APPROVED, specialist, RECEIVED, FINISHED",
			"RETURN_RESULT, officer, FINISHED, leader, PROCESSING, RETURNED",
			"EXTEND, leader, PROCESSING, officer, FINISHED, PROCESSING",
			"STOP, leader, PROCESSING, officer, RECEIVED, STOPPED",
			"WITHDRAW, officer, PROCESSING, specialist, FINISHED, WITHDRAWN" })
	void theActionTableHolds(String action, String allowed, String from, String wrongRole, String wrongStatus,
			String to) {
		String code = dossiers.in(from);
		Map<String, Object> fields = fieldsFor(action, code);
		assertThat(dossiers.act(wrongRole, code, action, fields).status()).as("wrong role").isEqualTo(403);
		if (!dossiers_requiredFields(action).isEmpty()) {
			assertThat(dossiers.act(allowed, code, action, Map.of()).status()).as("missing fields").isEqualTo(400);
		}
		String elsewhere = dossiers.in(wrongStatus);
		assertThat(dossiers.act(allowed, elsewhere, action, fieldsFor(action, elsewhere)).status()).as("wrong status")
			.isEqualTo(409);

		int before = history(code).size();
		JsonNode after = dossiers.ok(allowed, code, action, fields);
		assertThat(after.get("status").asString()).isEqualTo(to);
		assertThat(after.get("nationalStatus").asInt()).isEqualTo(DossierStatus.valueOf(to).nationalCode());
		List<JsonNode> history = history(code);
		assertThat(history).hasSize(before + 1);
		assertThat(history.get(history.size() - 1).get("action").asString()).isEqualTo(action);
		assertThat(history.get(history.size() - 1).get("actor").asString()).isEqualTo(allowed);
		assertThat(jdbc.sql("select count(*) from audit_record where subject_type = 'dossier' and subject_id = ?")
			.param(code).query(Long.class).single()).isEqualTo(history.size());
	}

	@Test
	void finishNeedsAnApprovedResultAndExtendHappensOnce() {
		String code = dossiers.in("PROCESSING");
		assertThat(dossiers.act("leader", code, "FINISH", Map.of("note", "x")).status()).isEqualTo(409);
		Instant due = ApiTime.parseInstant(dossiers.current(code).get("dueAt").asString(), "dueAt");
		assertThat(dossiers.act("leader", code, "EXTEND", Map.of("reason", "x", "newDueAt",
				ApiTime.format(due.minus(1, ChronoUnit.DAYS)))).status()).as("earlier date").isEqualTo(400);
		JsonNode extended = dossiers.ok("leader", code, "EXTEND", Map.of("reason", "Cần xác minh thực địa",
				"newDueAt", ApiTime.format(due.plus(5, ChronoUnit.DAYS))));
		assertThat(extended.get("dueAt").asString()).as("dueAt is kept").isEqualTo(ApiTime.format(due));
		assertThat(ApiTime.parseInstant(extended.get("extendedDueAt").asString(), "x"))
			.isEqualTo(due.plus(5, ChronoUnit.DAYS));
		assertThat(dossiers.act("leader", code, "EXTEND", Map.of("reason", "again", "newDueAt",
				ApiTime.format(due.plus(9, ChronoUnit.DAYS)))).status()).as("a second extension").isEqualTo(409);
		// the refusal in the caller's language: Vietnamese by default, English when asked
		Api.Response vi = dossiers.act("leader", code, "FINISH", Map.of("note", "x"));
		assertThat(vi.json().get("detail").asString()).contains("Chưa có kết quả được chuyên viên đề xuất");
		Api.Response en = api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base()
				+ "/api/v1/dossiers/" + code + "/actions"))
			.header("Content-Type", "application/json")
			.header("Accept-Language", "en")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"action\":\"FINISH\",\"note\":\"x\",\"version\":"
					+ dossiers.current(code).get("version").asInt() + "}")), api.token("leader"));
		assertThat(en.status()).isEqualTo(409);
		assertThat(en.json().get("detail").asString()).isEqualTo("No result has been proposed by a specialist yet (APPROVE).");
		assertThat(api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base()
				+ "/api/v1/dossiers/NO-SUCH-CODE")).header("Accept-Language", "en").GET(), api.token("leader")).json()
			.get("detail").asString()).isEqualTo("Dossier NO-SUCH-CODE not found.");
	}

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

	@Test
	void anExtensionIsTheDateShownEverywhereAndAMistypedDateKeepsWhatWasTyped() {
		String code = dossiers.in("PROCESSING");
		JsonNode before = dossiers.current(code);
		Instant due = ApiTime.parseInstant(before.get("dueAt").asString(), "dueAt");
		vn.motcua.WebSession leader = new vn.motcua.WebSession(port);
		leader.signIn("leader", "leader");
		String token = vn.motcua.WebSession.csrf(leader.get("/dossiers/" + code).body());
		String reason = "Cần xác minh thực địa";
		leader.post("/dossiers/" + code + "/actions", token, "action=EXTEND&version=" + before.get("version").asInt()
				+ "&reason=" + vn.motcua.WebSession.encode(reason) + "&newDueAt=31%2F02%2F2026");
		String refused = leader.get("/dossiers/" + code).body();
		assertThat(refused).contains("value=\"" + reason + "\"").contains("type=\"datetime-local\"");
		assertThat(dossiers.current(code).get("extendedDueAt").isNull()).isTrue();

		java.time.LocalDateTime promised = java.time.LocalDateTime.ofInstant(due.plus(5, ChronoUnit.DAYS),
				vn.motcua.platform.Zones.VIETNAM).withSecond(0).withNano(0);
		leader.post("/dossiers/" + code + "/actions", token, "action=EXTEND&version=" + before.get("version").asInt()
				+ "&reason=" + vn.motcua.WebSession.encode(reason) + "&newDueAt="
				+ vn.motcua.WebSession.encode(promised.toString()));
		String shown = java.time.format.DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm").format(promised);
		String page = leader.get("/dossiers/" + code).body();
		assertThat(page.substring(page.indexOf("id=\"promised-at\""))).startsWith("id=\"promised-at\">" + shown);
		assertThat(page).contains("id=\"extended-from\"");
		String idNumber = before.get("applicant").get("idNumber").asString();
		assertThat(new vn.motcua.WebSession(port).get("/track?code=" + code + "&idNumber=" + idNumber).body())
			.as("public tracking shows the promised date").contains(shown);
	}

	@Test
	void theLeaderAssignsFromTheUnitsSpecialistsSeeingWhatEachHolds() {
		String code = dossiers.in("PROCESSING");
		dossiers.ok("leader", code, "ASSIGN", Map.of("assignee", "specialist"));
		String other = dossiers.in("PROCESSING");
		vn.motcua.WebSession leader = new vn.motcua.WebSession(port);
		leader.signIn("leader", "leader");
		String page = leader.get("/dossiers/" + other).body();
		String form = page.substring(page.indexOf("id=\"ASSIGN-assignee\""));
		String before = page.substring(0, page.indexOf("id=\"ASSIGN-assignee\""));
		assertThat(before.substring(before.lastIndexOf('<'))).as("picked from a list, not typed").startsWith("<select");
		long held = jdbc.sql("select count(*) from dossier where assignee = 'specialist' and status in"
				+ " ('RECEIVED', 'PROCESSING', 'SUPPLEMENT_REQUESTED', 'PAYMENT_REQUESTED')").query(Long.class).single();
		assertThat(form.substring(0, form.indexOf("</select>"))).contains("value=\"specialist\"",
				"đang giữ " + held + " hồ sơ");
		// the rare actions wait behind "other actions", each with what it does to be ticked first
		assertThat(page.indexOf("id=\"do-STOP\"")).isGreaterThan(page.indexOf("id=\"rare-actions\""));
		assertThat(page.indexOf("id=\"do-ASSIGN\"")).isLessThan(page.indexOf("id=\"rare-actions\""));
		assertThat(page).containsPattern("type=\"checkbox\" required id=\"confirm-STOP\"");
	}

	@Test
	void aResultIsNotHandedOverWhileAFeeIsOwedUnlessExempted() {
		String code = dossiers.in("FINISHED");
		jdbc.sql("update dossier set fee_vnd = 150000, paid_vnd = 0 where code = ?").param(code).update();
		Api.Response owed = dossiers.act("officer", code, "RETURN_RESULT", Map.of());
		assertThat(owed.status()).isEqualTo(409);
		assertThat(owed.json().get("detail").asString()).as("the sum as Vietnamese write it").contains("150.000 đồng");
		assertThat(dossiers.current(code).get("status").asString()).isEqualTo("FINISHED");
		jdbc.sql("update dossier set fee_exemption = 'Hộ nghèo' where code = ?").param(code).update();
		assertThat(dossiers.ok("officer", code, "RETURN_RESULT", Map.of()).get("status").asString()).isEqualTo("RETURNED");
	}

	@Test
	void actionFieldsHaveBounds() {
		String code = dossiers.in("PROCESSING");
		Instant due = ApiTime.parseInstant(dossiers.current(code).get("dueAt").asString(), "dueAt");
		assertThat(dossiers.act("leader", code, "EXTEND", Map.of("reason", "x", "newDueAt", "99999-01-01T00:00:00+07:00"))
			.status()).as("year 99999").isEqualTo(400);
		assertThat(dossiers.act("leader", code, "EXTEND", Map.of("reason", "x", "newDueAt",
				ApiTime.format(due.plus(400, ChronoUnit.DAYS)))).status()).as("more than a year").isEqualTo(400);
		List<String> many = java.util.stream.IntStream.range(0, 51).mapToObj(i -> "Giấy tờ " + i).toList();
		assertThat(dossiers.act("specialist", code, "REQUEST_SUPPLEMENT", Map.of("reason", "x", "items", many)).status())
			.as("51 items").isEqualTo(400);
		assertThat(dossiers.act("specialist", code, "REQUEST_SUPPLEMENT", Map.of("reason", "x", "items",
				List.of("y".repeat(4001)))).status()).as("an item of 4,001 characters").isEqualTo(400);
		assertThat(dossiers.act("specialist", code, "REQUEST_SUPPLEMENT", Map.of("reason", "r".repeat(4001), "items",
				List.of("Bản vẽ"))).status()).as("a reason of 4,001 characters").isEqualTo(400);
		assertThat(dossiers.current(code).get("status").asString()).isEqualTo("PROCESSING");
		assertThat(dossiers.ok("specialist", code, "REQUEST_SUPPLEMENT", Map.of("reason", "r".repeat(4000), "items",
				java.util.stream.IntStream.range(0, 50).mapToObj(i -> "Giấy tờ " + i).toList())).get("status").asString())
			.isEqualTo("SUPPLEMENT_REQUESTED");
	}

	@Test
	void assignNamesASpecialistOfTheDecidingUnit() {
		String code = dossiers.in("PROCESSING");
		assertThat(dossiers.act("leader", code, "ASSIGN", Map.of("assignee", "specialist.stp")).status()).isEqualTo(400);
		assertThat(dossiers.ok("leader", code, "ASSIGN", Map.of("assignee", "specialist")).get("assignee").asString())
			.isEqualTo("specialist");
	}

	@Test
	void unknownActionsAndStaleVersionsAreRefused() {
		String code = dossiers.in("RECEIVED");
		assertThat(dossiers.act("officer", code, "LAUNCH", Map.of()).status()).isEqualTo(400);
		assertThat(dossiers.act("officer", code, "FORWARD", Map.of("version", 99)).status()).isEqualTo(409);
		Api.Response noVersion = api.postJson("/api/v1/dossiers/" + code + "/actions", Map.of("action", "FORWARD"),
				api.token("officer"));
		assertThat(noVersion.status()).isEqualTo(400);
		assertThat(api.postJson("/api/v1/dossiers/NOPE-000000-0001/actions", Map.of("action", "FORWARD", "version", 0),
				api.token("officer")).status()).isEqualTo(404);
	}

	@Test
	void twoOfficersActingAtOnceOneWinsTheOtherIsTold() throws Exception {
		String code = dossiers.in("RECEIVED");
		int version = dossiers.current(code).get("version").asInt();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Callable<Integer> forward = () -> dossiers.act("officer", code, "FORWARD", Map.of("version", version)).status();
			List<Future<Integer>> results = pool.invokeAll(List.of(forward, forward));
			List<Integer> statuses = List.of(results.get(0).get(), results.get(1).get());
			assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		}
		finally {
			pool.shutdown();
		}
		assertThat(history(code).stream().filter(h -> h.get("action").asString().equals("FORWARD"))).hasSize(1);
	}

	@Test
	void manyFilingsAtOnceGetDistinctGapFreeNumbers() throws Exception {
		api.token("officer");
		ExecutorService pool = Executors.newFixedThreadPool(12);
		try {
			List<Callable<String>> filings = IntStream.range(0, 36)
				.<Callable<String>>mapToObj(i -> () -> dossiers.fileAtCounter(DossierTestSupport.PROCEDURE, 500 + i)
					.get("code")
					.asString())
				.toList();
			List<Integer> numbers = pool.invokeAll(filings)
				.stream()
				.map(f -> {
					try {
						return Integer.parseInt(f.get().substring(f.get().lastIndexOf('-') + 1));
					}
					catch (Exception e) {
						throw new IllegalStateException(e);
					}
				})
				.sorted()
				.toList();
			assertThat(numbers).doesNotHaveDuplicates();
			assertThat(numbers.get(numbers.size() - 1) - numbers.get(0)).isEqualTo(numbers.size() - 1);
		}
		finally {
			pool.shutdown();
		}
	}

	private List<JsonNode> history(String code) {
		return api.get("/api/v1/dossiers/" + code + "/history", api.token("admin")).json().valueStream().toList();
	}

	private Map<String, Object> fieldsFor(String action, String code) {
		return switch (action) {
			case "ASSIGN" -> Map.of("assignee", "specialist");
			case "REQUEST_SUPPLEMENT" -> Map.of("reason", "Thiếu giấy tờ", "items", List.of("Bản sao sổ đỏ"));
			case "SUPPLEMENT", "APPROVE", "FINISH" -> Map.of("note", "Ghi chú");
			case "REQUEST_PAYMENT" -> Map.of("amountVnd", 100000, "reason", "Phí thẩm định");
			case "EXTEND" -> {
				JsonNode due = dossiers.current(code).get("dueAt");
				Instant base = due.isNull() ? Instant.now() : ApiTime.parseInstant(due.asString(), "dueAt");
				yield Map.of("reason", "Cần thêm thời gian", "newDueAt", ApiTime.format(base.plus(3, ChronoUnit.DAYS)));
			}
			case "STOP", "WITHDRAW", "REFUSE" -> Map.of("reason", "Lý do");
			default -> Map.of();
		};
	}

	private static List<String> dossiers_requiredFields(String action) {
		return DossierAction.valueOf(action).requiredFields();
	}
}
