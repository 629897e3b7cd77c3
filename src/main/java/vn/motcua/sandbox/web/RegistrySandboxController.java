package vn.motcua.sandbox.web;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.motcua.identifiers.Sex;
import vn.motcua.platform.DemoMode;
import vn.motcua.platform.InvalidParameter;
import vn.motcua.sandbox.SyntheticPopulation;
import vn.motcua.sandbox.SyntheticPopulation.Person;

/**
 * The sandbox of the National Population Database (CSDL quốc gia về dân cư) as MotCua's registry adapter
 * reaches it through the provincial data-sharing platform: {@code POST .../v1/cong-dan/tra-cuu} with an API
 * key, answering the citizen's record with the field names of the national data dictionary. Testers can
 * switch it into an outage to see the degraded mode.
 */
@RestController
@DemoMode
@RequestMapping("/sandbox/registry")
class RegistrySandboxController {

	static final DateTimeFormatter NATIONAL_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

	private final String apiKey;
	private final AtomicReference<Outage> outage = new AtomicReference<>(Outage.NONE);

	RegistrySandboxController(@Value("${motcua.sandbox.registry-api-key:sandbox-registry-key}") String apiKey) {
		this.apiKey = apiKey;
	}

	/** Living people of the population, for testers (docs/api.md); a fixed sample for a given n. */
	@GetMapping("/sample")
	List<Map<String, String>> sample(@RequestParam(defaultValue = "10") int n) {
		if (n < 1 || n > 100) {
			throw new InvalidParameter("n", "1–100");
		}
		SplittableRandom r = new SplittableRandom(n);
		List<Map<String, String>> people = new ArrayList<>();
		while (people.size() < n) {
			Person p = SyntheticPopulation.person(r.nextInt(SyntheticPopulation.SIZE));
			if (p.alive() && p.dateOfBirth().getYear() <= 2006) {
				people.add(Map.of("idNumber", p.idNumber(), "fullName", p.fullName(), "dateOfBirth",
						p.dateOfBirth().toString()));
			}
		}
		return people;
	}

	@PostMapping("/v1/cong-dan/tra-cuu")
	ResponseEntity<Map<String, Object>> lookUp(@RequestHeader(name = "X-Api-Key", required = false) @Nullable String key,
			@RequestBody Map<String, Object> request) throws InterruptedException {
		if (!apiKey.equals(key)) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
				.body(Map.of("maKetQua", "401", "moTa", "Khóa truy cập không hợp lệ"));
		}
		switch (outage.get()) {
			case DOWN -> {
				return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
					.body(Map.of("maKetQua", "503", "moTa", "Hệ thống đang bảo trì"));
			}
			case SLOW -> Thread.sleep(10_000);
			case NONE -> {
			}
		}
		Object number = request.get("soDinhDanh");
		if (!(number instanceof String idNumber) || request.get("mucDich") == null) {
			return ResponseEntity.badRequest().body(Map.of("maKetQua", "400", "moTa", "Thiếu soDinhDanh hoặc mucDich"));
		}
		return SyntheticPopulation.byIdNumber(idNumber)
			.map(p -> ResponseEntity.ok(Map.<String, Object>of("maKetQua", "00", "thongTin", record(p))))
			.orElseGet(() -> ResponseEntity.ok(Map.of("maKetQua", "01", "moTa", "Không tìm thấy công dân")));
	}

	/** Switches the sandbox into an outage: {@code NONE}, {@code DOWN} (503) or {@code SLOW} (10 s). */
	@PutMapping("/outage")
	Map<String, String> outage(@RequestBody Map<String, String> body) {
		try {
			outage.set(Outage.valueOf(String.valueOf(body.get("mode"))));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidParameter("mode", "NONE | DOWN | SLOW");
		}
		return Map.of("mode", outage.get().name());
	}

	private static Map<String, Object> record(Person p) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("soDinhDanh", p.idNumber());
		m.put("hoVaTen", p.fullName());
		m.put("ngayThangNamSinh", NATIONAL_DATE.format(p.dateOfBirth()));
		m.put("gioiTinh", p.sex() == Sex.MALE ? 1 : 2);
		m.put("noiDangKyKhaiSinh", p.birthProvince());
		m.put("thuongTru", p.permanentAddress());
		m.put("noiOHienNay", p.currentAddress());
		m.put("chuHo", Map.of("hoVaTen", p.householdHead(), "quanHe", p.isHouseholdHead() ? "Chủ hộ" : "Thành viên"));
		m.put("trangThai", p.alive() ? "CON_SONG" : "DA_MAT");
		m.put("ngayMat", p.diedOn() == null ? null : NATIONAL_DATE.format(p.diedOn()));
		return m;
	}

	enum Outage {
		NONE, DOWN, SLOW
	}
}
