package vn.motcua.sandbox.web;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.motcua.platform.ApiTime;
import vn.motcua.platform.DemoMode;
import vn.motcua.platform.InvalidParameter;
import vn.motcua.platform.Zones;
import vn.motcua.sandbox.SandboxMailboxes;

/**
 * The sandbox of the national public-service portal (Cổng DVCQG) as a province's system reaches it: a session from
 * {@code /auth} (its own user name and password), deliveries to {@code /service} ({@code DongBoHoSoMC},
 * {@code CapNhatTienDoHoSoMC}) recorded in arrival order with the national status they carry and their sequence,
 * a repeat of a dossier's sequence marked duplicate; {@code /received?code=} for testers, and an outage switch.
 * It also answers the catalog services ({@code LayDanhSachTTHC}, {@code LayThuTuc}) from a national catalog of its
 * own, seeded with a few records and changed by testers through {@code /procedures}.
 */
@RestController
@DemoMode
@RequestMapping("/sandbox/dvcqg")
class NationalPortalSandboxController {

	static final String USERNAME = "motcua-camau";
	static final String PASSWORD = "sandbox-password";

	private final JdbcClient jdbc;
	private final SandboxMailboxes outages;
	private final Clock clock;
	private final JsonMapper json = JsonMapper.builder().build();
	/** SLOW: every delivery answered after three seconds (this instance only). */
	private volatile boolean slow;

	NationalPortalSandboxController(JdbcClient jdbc, SandboxMailboxes outages, Clock clock) {
		this.jdbc = jdbc;
		this.outages = outages;
		this.clock = clock;
	}

	@PostMapping("/auth")
	ResponseEntity<Map<String, Object>> auth(@RequestBody Map<String, Object> body) {
		if (outages.down("DVCQG")) {
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("error_code", 503));
		}
		if (!USERNAME.equals(body.get("username")) || !PASSWORD.equals(body.get("password"))) {
			return ResponseEntity.ok(Map.of("error_code", 403, "message", "Sai tên đăng nhập hoặc mật khẩu"));
		}
		String token = UUID.randomUUID().toString();
		jdbc.sql("insert into sandbox_dvcqg_session (token, created_at) values (?, ?)")
			.params(token, Timestamp.from(clock.instant())).update();
		return ResponseEntity.ok(Map.of("session", token, "error_code", 0));
	}

	@PostMapping("/service")
	ResponseEntity<Map<String, Object>> service(@RequestBody JsonNode body) throws InterruptedException {
		if (slow) {
			Thread.sleep(3000); // a portal under load: answers come, late
		}
		if (outages.down("DVCQG")) {
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("error_code", 503));
		}
		boolean known = jdbc.sql("select exists (select 1 from sandbox_dvcqg_session where token = ?)")
			.param(body.path("session").asString("")).query(Boolean.class).single();
		if (!known) {
			return ResponseEntity.ok(Map.of("error_code", 401, "message", "Phiên làm việc không hợp lệ"));
		}
		String service = body.path("service").asString("");
		if (service.equals("LayDanhSachTTHC")) {
			return ResponseEntity.ok(Map.of("error_code", 0, "result", catalogList()));
		}
		if (service.equals("LayThuTuc")) {
			String wanted = body.path("maTTHC").asString("");
			List<JsonNode> record = jdbc.sql("select record from sandbox_dvcqg_procedure where code = ?").param(wanted)
				.query((rs, n) -> json.readTree(rs.getString(1))).list();
			return ResponseEntity.ok(record.isEmpty() ? Map.of("error_code", 404, "message", "Không có thủ tục " + wanted)
					: Map.of("error_code", 0, "result", record));
		}
		JsonNode data = body.path("data").path(0);
		String code = data.path("MaHoSo").asString("");
		if (!List.of("DongBoHoSoMC", "CapNhatTienDoHoSoMC").contains(service) || code.isBlank()) {
			return ResponseEntity.ok(Map.of("error_code", 400, "message", "Dịch vụ hoặc dữ liệu không hợp lệ"));
		}
		String invalid = invalid(service, data);
		if (invalid != null) {
			return ResponseEntity.ok(Map.of("error_code", 400, "message", invalid));
		}
		JsonNode status = data.has("TrangThaiHoSo") ? data.get("TrangThaiHoSo") : data.path("TrangThai");
		Integer national = status.isNumber() ? Integer.valueOf(status.asInt()) : status.asString("").matches("\\d+")
				? Integer.valueOf(status.asString()) : null;
		Integer sequence = data.path("sequence").isNumber() ? Integer.valueOf(data.path("sequence").asInt()) : null;
		// one at a time per dossier, so that "duplicate" is judged against what arrived before
		jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param(code).query((rs, n) -> 1).list();
		boolean duplicate = sequence != null && jdbc.sql(
				"select exists (select 1 from sandbox_dvcqg_received where code = ? and sequence = ?)")
			.params(code, sequence).query(Boolean.class).single();
		jdbc.sql("""
				insert into sandbox_dvcqg_received (code, service, national_status, sequence, duplicate, payload, received_at)
				values (?, ?, ?, ?, ?, cast(? as jsonb), ?)""")
			.params(code, service, national, sequence, duplicate, json.writeValueAsString(data), Timestamp.from(clock.instant()))
			.update();
		return ResponseEntity.ok(Map.of("error_code", 0, "message", duplicate ? "Đã nhận trước đó" : "Thành công"));
	}

	/** The portal's field rules, as far as the sandbox checks them: what is required, code lists, dates. */
	private static @Nullable String invalid(String service, JsonNode data) {
		List<String> required = service.equals("DongBoHoSoMC")
				? List.of("MaHoSo", "MaTTHC", "ChuHoSo", "LoaiDoiTuong", "NgayTiepNhan", "TrangThaiHoSo", "KenhThucHien")
				: List.of("MaHoSo", "NguoiXuLy", "ThoiDiemXuLy", "TrangThai");
		for (String field : required) {
			if (data.path(field).isMissingNode() || data.path(field).isNull() || data.path(field).asString("x").isBlank()) {
				return "Thiếu trường bắt buộc " + field;
			}
		}
		for (String field : List.of("NgayNopHoSo", "NgayTiepNhan", "NgayHenTra", "NgayTra", "NgayKetThucXuLy", "ThoiDiemXuLy",
				"NgayBatDau", "NgayKetThucTheoQuyDinh")) {
			JsonNode v = data.path(field);
			if (!v.isMissingNode() && !v.isNull() && !v.asString("").matches("\\d{14}")) {
				return "Trường " + field + " không đúng định dạng yyyyMMddHHmmss";
			}
		}
		if (service.equals("DongBoHoSoMC")) {
			if (!List.of("1", "2").contains(data.path("LoaiDoiTuong").asString(""))) {
				return "LoaiDoiTuong phải là 1 hoặc 2";
			}
			if (!List.of("1", "2", "3").contains(data.path("KenhThucHien").asString(""))) {
				return "KenhThucHien phải là 1, 2 hoặc 3";
			}
		}
		return null;
	}

	/** LayDanhSachTTHC's list: each national procedure with the mark of its last change (NGAYCAPNHAT). */
	private List<Map<String, Object>> catalogList() {
		return NationalPortalSandboxPages.catalog(jdbc, Integer.MAX_VALUE).stream()
			.map(p -> Map.<String, Object>of("MATTHC", p.code(), "TENTTHC", p.name(), "NGAYCAPNHAT", MARK.format(p.changedAt())))
			.toList();
	}

	private static final DateTimeFormatter MARK = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(Zones.VIETNAM);

	/** The bundled national records (sandbox/dvcqg-catalog.json), put in once; testers change them with PUT. */
	@EventListener(ApplicationReadyEvent.class)
	void seedCatalog() throws IOException {
		try (InputStream in = new ClassPathResource("sandbox/dvcqg-catalog.json").getInputStream()) {
			for (JsonNode record : json.readTree(in)) {
				jdbc.sql("""
						insert into sandbox_dvcqg_procedure (code, record, updated_at) values (?, cast(? as jsonb), ?)
						on conflict (code) do nothing""")
					.params(record.path("MATTHC").asString(), json.writeValueAsString(record), Timestamp.from(clock.instant()))
					.update();
			}
		}
	}

	/** The sandbox portal's national catalog: code, name, last change. */
	@GetMapping("/procedures")
	List<Map<String, Object>> procedures() {
		return catalogList();
	}

	/**
	 * Puts or changes a national record ({@code LayThuTuc} shape); its mark of change moves on by at least a second,
	 * so a pull sees the change even under a stopped test clock.
	 */
	@PutMapping("/procedures/{code}")
	Map<String, Object> putProcedure(@PathVariable String code, @RequestBody JsonNode record) {
		if (!code.matches("[0-9A-Za-z._-]{1,40}") || !record.isObject()) {
			throw new InvalidParameter("code", "Mã thủ tục hoặc bản ghi không hợp lệ");
		}
		ObjectNode r = (ObjectNode) record.deepCopy();
		r.put("MATTHC", code);
		jdbc.sql("""
				insert into sandbox_dvcqg_procedure (code, record, updated_at) values (?, cast(? as jsonb), ?)
				on conflict (code) do update set record = excluded.record,
				  updated_at = greatest(excluded.updated_at, sandbox_dvcqg_procedure.updated_at + interval '1 second')""")
			.params(code, json.writeValueAsString(r), Timestamp.from(clock.instant())).update();
		return catalogList().stream().filter(m -> m.get("MATTHC").equals(code)).findFirst().orElseThrow();
	}

	/** Empties the sandbox portal's catalog (a test starting from nothing). */
	@DeleteMapping("/procedures")
	Map<String, Object> clearProcedures() {
		return Map.of("removed", jdbc.sql("delete from sandbox_dvcqg_procedure").update());
	}

	@GetMapping("/received")
	List<Map<String, @Nullable Object>> received(@RequestParam String code) {
		return jdbc.sql("""
				select service, code, national_status, sequence, received_at, duplicate from sandbox_dvcqg_received
				where code = ? order by id""")
			.param(code)
			.query((rs, n) -> {
				Map<String, @Nullable Object> m = new LinkedHashMap<>();
				m.put("service", rs.getString("service"));
				m.put("MaHoSo", rs.getString("code"));
				m.put("TrangThaiHoSo", rs.getObject("national_status"));
				m.put("sequence", rs.getObject("sequence"));
				m.put("receivedAt", ApiTime.format(rs.getTimestamp("received_at").toInstant()));
				m.put("duplicate", rs.getBoolean("duplicate"));
				return m;
			})
			.list();
	}

	@PutMapping("/outage")
	Map<String, String> outage(@RequestBody Map<String, Object> body) {
		Object mode = body.get("mode");
		if (!"DOWN".equals(mode) && !"NONE".equals(mode) && !"SLOW".equals(mode)) {
			throw new InvalidParameter("mode", "mode phải là DOWN, SLOW hoặc NONE");
		}
		outages.outage("DVCQG", "DOWN".equals(mode));
		slow = "SLOW".equals(mode);
		return Map.of("mode", String.valueOf(mode));
	}
}
