package vn.motcua.sync;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import vn.motcua.Api;
import vn.motcua.MotCuaIntegrationTest;
import vn.motcua.TestProcedures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The national catalog pull and the local ↔ national code mappings (docs/adr/0012), against the sandbox portal's own
 * catalog: new and changed records published, unchanged ones not fetched again, a record naming an unknown agency
 * refused with its reason until that agency is mapped, abolition; and payloads written with the national codes.
 */
@MotCuaIntegrationTest
class NationalCatalogPullIT {

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

	private Api api;

	private final List<String> created = new ArrayList<>();

	private Api api() {
		if (api == null) {
			api = new Api(port);
		}
		return api;
	}

	/** A national record in the LayThuTuc shape. */
	private static Map<String, Object> record(String code, String name, String agency, long fee) {
		Map<String, Object> r = new LinkedHashMap<>();
		r.put("TENTTHC", name);
		r.put("TRANGTHAI", "1");
		r.put("LINHVUCTHUCHIEN", List.of(Map.of("MALINHVUC", "QG-KT-" + code, "TENLINHVUC", "Kiểm thử danh mục " + code)));
		r.put("CACHTHUCTHUCHIEN", List.of(Map.of("KENH", "1", "THOIGIAN", List.of(Map.of("THOIGIANGIAIQUYET", 7,
				"DONVITINH", "Ngày làm việc", "PHILEPHI", List.of(Map.of("MAPHILEPHI", "LP", "SOTIEN", fee)))))));
		r.put("MOTADOITUONGTHUCHIEN", "Công dân Việt Nam");
		r.put("THANHPHANHOSO", List.of(Map.of("TRUONGHOP", "Trường hợp chung", "GIAYTO",
				List.of(Map.of("MAGIAYTO", "KT-DON", "TENGIAYTO", "Đơn đề nghị", "SOBANCHINH", 1)))));
		r.put("COQUANTHUCHIEN", List.of(Map.of("MADONVI", agency, "TENDONVI", "Cơ quan")));
		return r;
	}

	private void put(String code, Map<String, Object> record) {
		Api.Response r = api().putJson("/sandbox/dvcqg/procedures/" + code, record, null);
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		if (!created.contains(code)) {
			created.add(code);
		}
	}

	private JsonNode pull() throws InterruptedException {
		return pull("CHANGED");
	}

	private JsonNode pull(String scope) throws InterruptedException {
		Api.Response started = api().postJson("/api/v1/admin/sync/catalog-pulls", Map.of("scope", scope),
				api().token("admin"));
		assertThat(started.status()).as(started.body()).isEqualTo(202);
		String id = started.json().get("id").asString();
		JsonNode run = started.json();
		for (int i = 0; i < 200 && run.get("status").asString().equals("RUNNING"); i++) {
			Thread.sleep(100);
			run = api().get("/api/v1/admin/sync/catalog-pulls/" + id, api().token("admin")).json();
		}
		assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("DONE");
		return run;
	}

	private JsonNode procedure(String code) {
		Api.Response r = api().get("/api/v1/procedures/" + code);
		assertThat(r.status()).as(code + ": " + r.body()).isEqualTo(200);
		return r.json();
	}

	/** The records this test put are abolished on the portal and pulled, so the shared catalog is as it was. */
	@AfterEach
	void abolishWhatWasPut() throws InterruptedException {
		if (created.isEmpty()) {
			return;
		}
		for (String code : created) {
			Map<String, Object> gone = record(code, "Bãi bỏ", "000.00.06.H12", 0);
			gone.put("TRANGTHAI", "2");
			put(code, gone);
		}
		pull();
		api().send(HttpRequest.newBuilder(URI.create(api().base() + "/api/v1/admin/sync/mappings/AGENCY/SXD")).DELETE(),
				api().token("admin"));
	}

	@Test
	void newChangedAndRefusedRecordsAreReadIntoTheCatalogWithTheirLocalCodes() throws Exception {
		api().send(HttpRequest.newBuilder(URI.create(api().base() + "/sandbox/dvcqg/procedures")).DELETE(), null);
		put("8.810001", record("8.810001", "Thủ tục quốc gia kiểm thử một", "000.00.06.H12", 50000));
		put("8.810002", record("8.810002", "Thủ tục quốc gia kiểm thử hai", "G12.SXD", 0)); // an agency code unknown here

		JsonNode first = pull();
		assertThat(first.get("listed").asInt()).isEqualTo(2);
		assertThat(first.get("fetched").asInt()).isEqualTo(2);
		assertThat(first.get("published").asInt()).isEqualTo(1);
		assertThat(first.get("rejected").asInt()).isEqualTo(1);
		assertThat(first.get("problems").toString()).contains("8.810002", "G12.SXD");
		JsonNode one = procedure("8.810001");
		assertThat(one.toString()).contains("Thủ tục quốc gia kiểm thử một", "SXD");
		assertThat(api().get("/api/v1/procedures/8.810002").status()).isEqualTo(404);
		// the field's national code was learnt from the record
		JsonNode fields = api().get("/api/v1/admin/sync/mappings?kind=FIELD", api().token("admin")).json();
		assertThat(fields.toString()).contains("Kiểm thử danh mục 8.810001", "QG-KT-8.810001", "CATALOG_PULL");

		// an administrator maps the portal's agency code; the refused record comes in, the other is not fetched again
		assertThat(api().putJson("/api/v1/admin/sync/mappings/AGENCY/SXD", Map.of("nationalCode", "G12.SXD"),
				api().token("officer")).status()).isEqualTo(403);
		Api.Response mapped = api().putJson("/api/v1/admin/sync/mappings/AGENCY/SXD",
				Map.of("nationalCode", "G12.SXD", "nationalName", "Sở Xây dựng tỉnh Cà Mau"), api().token("admin"));
		assertThat(mapped.status()).as(mapped.body()).isEqualTo(200);
		assertThat(mapped.json().get("source").asString()).isEqualTo("ADMIN");
		assertThat(api().putJson("/api/v1/admin/sync/mappings/AGENCY/STP", Map.of("nationalCode", "G12.SXD"),
				api().token("admin")).status()).as("one national code, one local code").isEqualTo(409);
		assertThat(api().putJson("/api/v1/admin/sync/mappings/UNIT/SXD", Map.of("nationalCode", "X"),
				api().token("admin")).status()).isEqualTo(400);
		JsonNode second = pull();
		assertThat(second.get("fetched").asInt()).as(second.toString()).isEqualTo(1);
		assertThat(second.get("published").asInt()).isEqualTo(1);
		assertThat(second.get("unchanged").asInt()).isEqualTo(1);
		assertThat(second.get("rejected").asInt()).isZero();
		assertThat(procedure("8.810002").toString()).contains("SXD");

		// the portal changes a fee: a new version
		put("8.810001", record("8.810001", "Thủ tục quốc gia kiểm thử một", "000.00.06.H12", 80000));
		JsonNode third = pull();
		assertThat(third.get("fetched").asInt()).isEqualTo(1);
		assertThat(third.get("published").asInt()).isEqualTo(1);
		assertThat(procedure("8.810001").toString()).contains("80000");

		// everything again, as after a mapping was fixed: both fetched, neither changed
		JsonNode full = pull("ALL");
		assertThat(full.get("fetched").asInt()).isEqualTo(2);
		assertThat(full.get("unchanged").asInt()).isEqualTo(2);
		assertThat(full.get("scope").asString()).isEqualTo("ALL");
		assertThat(api().postJson("/api/v1/admin/sync/catalog-pulls", Map.of(), api().token("admin")).status())
			.as("the scope is said").isEqualTo(400);

		JsonNode runs = api().get("/api/v1/admin/sync/catalog-pulls", api().token("admin")).json();
		assertThat(runs.size()).isGreaterThanOrEqualTo(3);
		assertThat(api().get("/api/v1/admin/sync/catalog-pulls", api().token("officer")).status()).isEqualTo(403);
		vn.motcua.WebSession admin = new vn.motcua.WebSession(port);
		admin.signIn("admin", "admin");
		assertThat(admin.get("/admin/sync").body()).contains("id=\"pulls\"", "8.810002", "id=\"mapping-table\"", "G12.SXD");
	}

	@Test
	void payloadsCarryTheNationalCodesOfTheProcedureFieldAndUnits() throws Exception {
		String code = "9.900191";
		TestProcedures.ensure(api(), code, "Thủ tục kiểm thử mã quốc gia", "SXD", 5, 0);
		Api.Response mapped = api().putJson("/api/v1/admin/sync/mappings/PROCEDURE/" + code,
				Map.of("nationalCode", "1.999191"), api().token("admin"));
		assertThat(mapped.status()).as(mapped.body()).isEqualTo(200);
		try {
			Api.Response filed = api().postJson("/api/v1/dossiers", Map.of("procedureCode", code, "channel", "COUNTER",
					"applicant", Map.of("type", "CITIZEN", "idNumber", "096091009191", "fullName", "Trần Mã Quốc",
							"dateOfBirth", "1991-03-04")), api().token("officer"));
			assertThat(filed.status()).as(filed.body()).isEqualTo(201);
			String dossier = filed.json().get("code").asString();
			JsonNode arrived = null;
			for (int i = 0; i < 100; i++) {
				Api.Response r = api().get("/sandbox/dvcqg/received?code=" + dossier);
				if (r.json().size() > 0) {
					arrived = r.json().get(0);
					break;
				}
				Thread.sleep(100);
			}
			assertThat(arrived).as("delivered").isNotNull();
			JsonNode stored = new tools.jackson.databind.json.JsonMapper().readTree(jdbcPayload(dossier));
			assertThat(stored.get("MaTTHC").asString()).isEqualTo("1.999191");
			assertThat(stored.get("DonViXuLy").asString()).as("the unit's electronic identifier").isEqualTo("000.00.06.H12");
			assertThat(stored.get("TenLinhVuc").asString()).isEqualTo("Kiểm thử");
		}
		finally {
			api().send(HttpRequest.newBuilder(URI.create(api().base() + "/api/v1/admin/sync/mappings/PROCEDURE/" + code))
				.DELETE(), api().token("admin"));
		}
	}

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	/** What the sandbox portal accepted for the dossier, as it arrived. */
	private String jdbcPayload(String dossier) {
		return jdbc.sql("select payload::text from sandbox_dvcqg_received where code = ? and sequence = 1").param(dossier)
			.query(String.class).single();
	}
}
