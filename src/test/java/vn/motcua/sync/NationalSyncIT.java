package vn.motcua.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import vn.motcua.Api;
import vn.motcua.MotCuaIntegrationTest;
import vn.motcua.TestClock;
import vn.motcua.TestProcedures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sync with the national portal (docs/adr/0012) through the sandbox portal: the dossier once, then each national
 * status in order; an outage delays without loss or reordering; a dead letter holds back only its own dossier.
 */
@MotCuaIntegrationTest
class NationalSyncIT {

	private static final String PROCEDURE = "9.900190";

	@Autowired
	TestClock clock;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

	Api api;

	private static int serial;

	private synchronized String file() {
		TestProcedures.ensure(api, PROCEDURE, "Thủ tục kiểm thử đồng bộ", "SXD", 5, 0);
		serial++;
		Map<String, Object> a = new HashMap<>(Map.of("type", "CITIZEN", "idNumber", String.format("096091%06d", 7000 + serial),
				"fullName", "Nguyễn Đồng Bộ", "dateOfBirth", "1991-01-02"));
		Api.Response r = api.postJson("/api/v1/dossiers", Map.of("procedureCode", PROCEDURE, "channel", "COUNTER",
				"applicant", a), api.token("officer"));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("code").asString();
	}

	private void act(String code, String user, String action) {
		int version = api.get("/api/v1/dossiers/" + code, api.token("admin")).json().get("version").asInt();
		Api.Response r = api.postJson("/api/v1/dossiers/" + code + "/actions", Map.of("action", action, "version", version,
				"note", "đồng bộ"), api.token(user));
		assertThat(r.status()).as(action + ": " + r.body()).isEqualTo(200);
	}

	private JsonNode sync(String code) {
		Api.Response r = api.get("/api/v1/dossiers/" + code + "/sync", api.token("officer"));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json();
	}

	private List<JsonNode> received(String code) {
		List<JsonNode> out = new ArrayList<>();
		api.get("/sandbox/dvcqg/received?code=" + code).json().forEach(out::add);
		return out;
	}

	private static <T> T await(Supplier<T> probe, Predicate<T> done) throws InterruptedException {
		T v = probe.get();
		for (int i = 0; i < 100 && !done.test(v); i++) {
			Thread.sleep(100);
			v = probe.get();
		}
		assertThat(done.test(v)).as("awaited: " + v).isTrue();
		return v;
	}

	/** Waits until every delivery of the dossier was tried at least once and each failure recorded. */
	private void awaitTried(String code) throws InterruptedException {
		await(() -> sync(code), s -> s.get("deliveries").valueStream().anyMatch(d -> d.get("attempts").asInt() >= 1
				&& !d.get("lastError").isNull()));
	}

	@Test
	void theDossierThenEachNationalStatusArriveInOrderThroughAnOutage() throws Exception {
		String code = file();
		JsonNode first = await(() -> sync(code), s -> s.get("state").asString().equals("SYNCED")).get("deliveries").get(0);
		assertThat(first.get("service").asString()).isEqualTo("DongBoHoSoMC");
		assertThat(first.get("sequence").asInt()).isEqualTo(1);
		assertThat(first.get("nationalStatus").asInt()).isEqualTo(2);
		assertThat(api.get("/api/v1/dossiers/" + code + "/sync", api.token("specialist.stp")).status()).isEqualTo(404);
		act(code, "officer", "FORWARD");
		await(() -> sync(code), s -> s.get("state").asString().equals("SYNCED") && s.get("deliveries").size() == 2);

		api.putJson("/sandbox/dvcqg/outage", Map.of("mode", "DOWN"), null);
		try {
			act(code, "specialist", "APPROVE"); // no change of national status: nothing to send
			act(code, "leader", "FINISH");
			act(code, "officer", "RETURN_RESULT");
			awaitTried(code);
			JsonNode pending = sync(code);
			assertThat(pending.get("state").asString()).isEqualTo("PENDING");
			assertThat(pending.get("deliveries").size()).isEqualTo(4);
			assertThat(received(code)).hasSize(2);
		}
		finally {
			api.putJson("/sandbox/dvcqg/outage", Map.of("mode", "NONE"), null);
		}
		clock.advance(Duration.ofSeconds(30));
		await(() -> sync(code), s -> s.get("state").asString().equals("SYNCED"));
		List<JsonNode> series = await(() -> received(code), r -> r.size() >= 4);
		assertThat(series.stream().map(e -> e.get("service").asString() + ":" + e.get("TrangThaiHoSo").asInt() + ":"
				+ e.get("sequence").asInt()).toList()).containsExactly("DongBoHoSoMC:2:1", "CapNhatTienDoHoSoMC:4:2",
						"CapNhatTienDoHoSoMC:9:3", "CapNhatTienDoHoSoMC:10:4");
		assertThat(series).allSatisfy(e -> assertThat(e.get("duplicate").asBoolean()).isFalse());
		// and a tester sees it on the sandbox portal's page
		assertThat(new vn.motcua.WebSession(port).get("/sandbox/dvcqg?code=" + code).body()).contains("id=\"arrivals\"", code,
				"CapNhatTienDoHoSoMC");
	}

	@Test
	void aDeadLetterHoldsBackOnlyItsOwnDossier() throws Exception {
		api.putJson("/sandbox/dvcqg/outage", Map.of("mode", "DOWN"), null);
		String stuck;
		try {
			stuck = file();
			awaitTried(stuck);
			clock.advance(Duration.ofHours(25));
			api = new Api(port); // tokens of a day ago have expired
			await(() -> sync(stuck), s -> s.get("state").asString().equals("FAILED"));
		}
		finally {
			api.putJson("/sandbox/dvcqg/outage", Map.of("mode", "NONE"), null);
		}
		act(stuck, "officer", "FORWARD");
		String other = file();
		await(() -> sync(other), s -> s.get("state").asString().equals("SYNCED"));
		Thread.sleep(1500);
		JsonNode held = sync(stuck);
		assertThat(held.get("state").asString()).isEqualTo("FAILED");
		assertThat(held.get("deliveries").get(1).get("status").asString()).as("the later one waits behind the dead letter")
			.isEqualTo("PENDING");
		assertThat(held.get("deliveries").get(1).get("attempts").asInt()).isZero();
		assertThat(received(stuck)).isEmpty();
	}

	@Test
	void aPayloadThePortalRejectsIsADeadLetterAtOnceWithItsReasonForAnAdministratorToResend() throws Exception {
		String code = file();
		await(() -> sync(code), s -> s.get("state").asString().equals("SYNCED"));
		// a step without the processing time the portal requires, as a wrong mapping would make it
		jdbc.sql("""
				insert into sync_delivery (id, dossier_code, sequence, service, national_status, payload, status,
				  next_attempt_at, retry_since, created_at)
				values (gen_random_uuid(), ?, 2, 'CapNhatTienDoHoSoMC', 4, cast(? as jsonb), 'PENDING', ?, ?, ?)""")
			// the application's time is the test clock's, not the database's
			.params(code, "{\"MaHoSo\":\"" + code + "\",\"NguoiXuLy\":\"officer\",\"TrangThai\":4,\"sequence\":2}",
					java.sql.Timestamp.from(clock.instant()), java.sql.Timestamp.from(clock.instant()),
					java.sql.Timestamp.from(clock.instant()))
			.update();
		JsonNode failed = await(() -> sync(code), s -> s.get("state").asString().equals("FAILED")).get("deliveries").get(1);
		assertThat(failed.get("attempts").asInt()).as("rejected: not tried again").isEqualTo(1);
		assertThat(failed.get("lastError").asString()).contains("ThoiDiemXuLy");
		JsonNode health = api.get("/api/v1/admin/sync", api.token("admin")).json();
		assertThat(health.get("failed").asLong()).isPositive();
		assertThat(health.get("deadLetters").toString()).contains(code);
		assertThat(api.get("/api/v1/admin/sync", api.token("officer")).status()).isEqualTo(403);
		String id = failed.get("id").asString();
		assertThat(api.postJson("/api/v1/admin/sync/deliveries/" + id + "/resend", Map.of(), api.token("officer")).status())
			.isEqualTo(403);
		Api.Response resent = api.postJson("/api/v1/admin/sync/deliveries/" + id + "/resend", Map.of(), api.token("admin"));
		assertThat(resent.status()).as(resent.body()).isEqualTo(200);
		await(() -> sync(code), s -> s.get("deliveries").get(1).get("attempts").asInt() == 2
				&& s.get("state").asString().equals("FAILED"));
		assertThat(api.postJson("/api/v1/admin/sync/deliveries/" + sync(code).get("deliveries").get(0).get("id").asString()
				+ "/resend", Map.of(), api.token("admin")).status()).as("a delivered one is not resent").isEqualTo(409);
		vn.motcua.WebSession admin = new vn.motcua.WebSession(port);
		admin.signIn("admin", "admin");
		assertThat(admin.get("/admin/sync").body()).contains("dead-letters", code, "ThoiDiemXuLy", "status-map");
	}

	@Test
	void concurrentActionsOnOneDossierAreDeliveredInTheOrderTheyCommitted() throws Exception {
		String code = file();
		await(() -> sync(code), s -> s.get("state").asString().equals("SYNCED"));
		Map<String, String> tokens = Map.of("officer", api.token("officer"), "specialist", api.token("specialist"),
				"leader", api.token("leader"));
		List<String[]> script = List.of(new String[] { "officer", "FORWARD" }, new String[] { "specialist", "APPROVE" },
				new String[] { "leader", "FINISH" }, new String[] { "officer", "RETURN_RESULT" });
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		try {
			for (String[] step : script) {
				int version = api.get("/api/v1/dossiers/" + code, api.token("admin")).json().get("version").asInt();
				java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
				List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
				for (int t = 0; t < 4; t++) {
					answers.add(pool.submit(() -> {
						go.await();
						return api.postJson("/api/v1/dossiers/" + code + "/actions", Map.of("action", step[1], "version",
								version, "note", "cùng lúc"), tokens.get(step[0])).status();
					}));
				}
				go.countDown();
				List<Integer> statuses = new ArrayList<>();
				for (var f : answers) {
					statuses.add(f.get(30, java.util.concurrent.TimeUnit.SECONDS));
				}
				assertThat(statuses).as(step[1] + " four times at once: one wins, the others are told it changed")
					.containsOnly(200, 409).containsOnlyOnce(200);
			}
		}
		finally {
			pool.shutdownNow();
		}
		await(() -> sync(code), s -> s.get("state").asString().equals("SYNCED") && s.get("deliveries").size() == 4);
		List<JsonNode> series = await(() -> received(code), r -> r.size() >= 4);
		assertThat(series.stream().map(e -> e.get("TrangThaiHoSo").asInt() + ":" + e.get("sequence").asInt()).toList())
			.containsExactly("2:1", "4:2", "9:3", "10:4");
		assertThat(series).allSatisfy(e -> assertThat(e.get("duplicate").asBoolean()).isFalse());
	}

	/**
	 * Received SXD dossiers of the day up to now by hand: those this system must send, and those that reached the
	 * portal. (A period ending now holds what was received before now; the test clock stands still.)
	 */
	private long[] handCount(java.time.LocalDate day) {
		return jdbc.sql("""
				select count(*) filter (where d.imported_hash is null),
				       count(*) filter (where exists (select 1 from sync_delivery s where s.dossier_code = d.code
				         and s.sequence = 1 and s.status = 'DELIVERED'))
				from dossier d
				where d.agency_code in ('SXD', 'SXD_QLXD') and d.received_at >= ? and d.received_at < ?
				  and d.received_at < ?""")
			.params(java.sql.Timestamp.from(day.atStartOfDay(vn.motcua.platform.Zones.VIETNAM).toInstant()),
					java.sql.Timestamp.from(day.plusDays(1).atStartOfDay(vn.motcua.platform.Zones.VIETNAM).toInstant()),
					java.sql.Timestamp.from(clock.instant()))
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
	}

	private JsonNode indicator14(JsonNode kpi) {
		for (JsonNode g : kpi.get("score").get("groups")) {
			for (JsonNode i : g.get("indicators")) {
				if (i.get("code").asString().equals("1.4")) {
					return i;
				}
			}
		}
		throw new AssertionError("no indicator 1.4 in " + kpi);
	}

	/**
	 * The KPI API's 1.4 figures for SXD on the day, once they agree with a hand count read at the same moment
	 * (deliveries of other tests' dossiers may land between two reads).
	 */
	private JsonNode agreed(String path, java.time.LocalDate day) throws InterruptedException {
		long[][] hand = new long[1][];
		JsonNode kpi = await(() -> {
			hand[0] = handCount(day);
			return api.get(path, api.token("admin")).json();
		}, k -> k.get("syncDue").asLong() == hand[0][0] && k.get("synced").asLong() == hand[0][1]);
		JsonNode i = indicator14(kpi);
		assertThat(i.get("numerator").asLong()).isEqualTo(kpi.get("synced").asLong());
		assertThat(i.get("denominator").asLong()).isEqualTo(kpi.get("syncDue").asLong());
		assertThat(i.get("score").decimalValue()).isEqualByComparingTo(java.math.BigDecimal
			.valueOf(6.0 * kpi.get("synced").asLong() / kpi.get("syncDue").asLong()).setScale(2, java.math.RoundingMode.HALF_UP));
		assertThat(kpi.get("syncRate").decimalValue()).isEqualByComparingTo(java.math.BigDecimal
			.valueOf(100.0 * kpi.get("synced").asLong() / kpi.get("syncDue").asLong())
			.setScale(2, java.math.RoundingMode.HALF_UP));
		return kpi;
	}

	@Test
	void indicator14CountsTheReceivedDossiersThatReachedThePortal() throws Exception {
		String first = file();
		await(() -> sync(first), s -> s.get("state").asString().equals("SYNCED"));
		clock.advance(Duration.ofSeconds(1));
		java.time.LocalDate day = java.time.LocalDate.ofInstant(clock.instant(), vn.motcua.platform.Zones.VIETNAM);
		String path = "/api/v1/kpi?from=" + day + "&to=" + day + "&agency=SXD";
		JsonNode before = agreed(path, day);
		assertThat(before.get("synced").asLong()).isPositive();

		api.putJson("/sandbox/dvcqg/outage", Map.of("mode", "DOWN"), null);
		String held;
		JsonNode during;
		try {
			held = file();
			awaitTried(held);
			clock.advance(Duration.ofSeconds(1));
			during = agreed(path, day);
			assertThat(during.get("syncDue").asLong() - during.get("synced").asLong())
				.as("the held dossier is received, not yet on the portal").isPositive();
		}
		finally {
			api.putJson("/sandbox/dvcqg/outage", Map.of("mode", "NONE"), null);
		}
		clock.advance(Duration.ofSeconds(30));
		await(() -> sync(held), s -> s.get("state").asString().equals("SYNCED"));
		JsonNode after = agreed(path, day);
		assertThat(after.get("synced").asLong()).as("the held dossier counted once it arrived")
			.isGreaterThan(during.get("synced").asLong());
	}

	private void act(String code, String user, String action, Map<String, Object> fields) {
		Map<String, Object> body = new HashMap<>(fields);
		body.put("action", action);
		body.put("version", api.get("/api/v1/dossiers/" + code, api.token("admin")).json().get("version").asInt());
		Api.Response r = api.postJson("/api/v1/dossiers/" + code + "/actions", body, api.token(user));
		assertThat(r.status()).as(action + ": " + r.body()).isEqualTo(200);
	}

	/** What the sandbox portal accepted for the dossier, payloads in arrival order. */
	private List<JsonNode> payloads(String code) {
		tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
		return jdbc.sql("select payload::text from sandbox_dvcqg_received where code = ? order by id").param(code)
			.query(String.class).list().stream().map(json::readTree).toList();
	}

	@Test
	void eachNationalStatusGoesOutWithWhatItMadeKnown() throws Exception {
		String code = file();
		act(code, "officer", "FORWARD", Map.of());
		act(code, "specialist", "REQUEST_SUPPLEMENT", Map.of("reason", "Thiếu bản vẽ", "items", List.of("Bản vẽ mặt bằng")));
		act(code, "officer", "SUPPLEMENT", Map.of("note", "Đã nộp bản vẽ"));
		act(code, "specialist", "REQUEST_PAYMENT", Map.of("amountVnd", 75000, "reason", "Lệ phí cấp phép"));
		act(code, "leader", "STOP", Map.of("reason", "Công trình không phù hợp quy hoạch"));
		String withdrawn = file();
		act(withdrawn, "officer", "WITHDRAW", Map.of("reason", "Người nộp xin rút"));
		List<JsonNode> steps = await(() -> payloads(code), p -> p.size() >= 6);
		assertThat(steps.stream().map(p -> p.path("TrangThaiHoSo").isMissingNode() ? p.get("TrangThai").asInt()
				: p.get("TrangThaiHoSo").asInt()).toList()).containsExactly(2, 4, 5, 4, 6, 8);
		JsonNode dossier = steps.get(0);
		for (String field : List.of("MaHoSo", "MaTTHC", "TenTTHC", "MaLinhVuc", "ChuHoSo", "LoaiDoiTuong", "MaDoiTuong",
				"NgayNopHoSo", "NgayTiepNhan", "NgayHenTra", "DonViXuLy", "NoiNopHoSo", "KenhThucHien",
				"HoSoCoThanhPhanSoHoa", "TaiKhoanDuocXacThucVoiVNeID", "DuocThanhToanTrucTuyen", "LoaiDinhDanh",
				"SoDinhDanh")) {
			assertThat(dossier.hasNonNull(field)).as(field + " in " + dossier).isTrue();
		}
		assertThat(dossier.get("KenhThucHien").asString()).isEqualTo("1");
		assertThat(dossier.get("NgayTiepNhan").asString()).matches("\\d{14}");
		for (JsonNode step : steps.subList(1, steps.size())) {
			assertThat(step.get("MaHoSo").asString()).isEqualTo(code);
			assertThat(step.get("ThoiDiemXuLy").asString()).matches("\\d{14}");
			assertThat(step.get("NgayKetThucTheoQuyDinh").asString()).matches("\\d{14}");
			assertThat(step.get("PhongBanXuLy").asString()).isEqualTo("000.00.06.H12");
		}
		assertThat(steps.get(1).get("NoiDungXuLy").asString()).isEqualTo("FORWARD");
		JsonNode asked = steps.get(2);
		assertThat(asked.get("NguoiXuLy").asString()).isEqualTo("specialist");
		assertThat(asked.get("DanhSachHoSoBoSung").get(0).get("NoiDungBoSung").asString()).isEqualTo("Thiếu bản vẽ");
		assertThat(asked.get("DanhSachHoSoBoSung").get(0).get("TrangThaiBoSung").asString()).isEqualTo("0");
		JsonNode answered = steps.get(3);
		assertThat(answered.get("NoiDungXuLy").asString()).isEqualTo("SUPPLEMENT");
		assertThat(answered.get("DanhSachHoSoBoSung").get(0).get("TrangThaiBoSung").asString()).isEqualTo("1");
		assertThat(answered.get("DanhSachHoSoBoSung").get(0).get("NgayTiepNhanBoSung").asString()).matches("\\d{14}");
		assertThat(steps.get(4).get("DanhSachLePhi").get(0).get("Gia").asLong()).isEqualTo(75000);
		assertThat(steps.get(5).get("NoiDungXuLy").asString()).isEqualTo("STOP");
		List<JsonNode> gone = await(() -> payloads(withdrawn), p -> p.size() >= 2);
		assertThat(gone.get(1).get("TrangThai").asInt()).isEqualTo(7);
		assertThat(gone.get(1).get("NoiDungXuLy").asString()).isEqualTo("WITHDRAW");
	}
}
