package vn.motcua.catalog;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import vn.motcua.Api;
import vn.motcua.MotCuaIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@MotCuaIntegrationTest
class CatalogApiIT {

	static final String HEADER = "code,name,field,agencyCode,level,durationWorkingDays,feeVnd,onlineLevel,internal\n";

	@Autowired
	JdbcClient jdbc;

	Api api;

	@Test
	void theDemoCatalogHasEnoughProceduresFieldsAndBothLevels() {
		Api.Response all = api.get("/api/v1/procedures?size=100");
		assertThat(all.json().get("total").asLong()).isGreaterThanOrEqualTo(150);
		assertThat(jdbc.sql("select count(distinct field_id) from procedure where demo").query(Long.class).single())
			.isGreaterThanOrEqualTo(12);
		assertThat(api.get("/api/v1/procedures?level=COMMUNE").json().get("total").asLong()).isPositive();
		assertThat(api.get("/api/v1/procedures?level=PROVINCE").json().get("total").asLong()).isPositive();
		List<String> codes = all.json().get("items").valueStream().map(i -> i.get("code").asString()).toList();
		assertThat(codes).isSorted();
		JsonNode first = all.json().get("items").get(0);
		assertThat(first.has("name") && first.has("field") && first.has("agencyCode") && first.has("level")
				&& first.has("durationWorkingDays") && first.has("feeVnd") && first.has("onlineLevel")).isTrue();
	}

	@Test
	void citizensFindTheConstructionPermitWithoutDiacriticsAndWithATypo() {
		for (String q : List.of("giay phep xay dung", "giay phep xay dng", "GIẤY PHÉP XÂY DỰNG", "giấy phép xây dựng")) {
			Api.Response r = api.get("/api/v1/procedures?q=" + enc(q));
			assertThat(r.status()).isEqualTo(200);
			assertThat(r.json().get("total").asLong()).as(q).isPositive();
			List<String> top = r.json().get("items").valueStream().limit(10).map(i -> i.get("name").asString()).toList();
			assertThat(top.get(0).toLowerCase()).as(q).contains("giấy phép xây dựng");
			assertThat(top).as(q).anyMatch(n -> n.startsWith("Cấp giấy phép xây dựng"));
		}
	}

	@Test
	void closestNamesComeFirst() {
		Api.Response r = api.get("/api/v1/procedures?q=" + enc("dang ky khai sinh"));
		assertThat(r.json().get("items").get(0).get("name").asString()).isEqualTo("Đăng ký khai sinh");
		Api.Response typo = api.get("/api/v1/procedures?q=" + enc("khai snh"));
		assertThat(typo.json().get("items").valueStream().map(i -> i.get("name").asString()).toList())
			.contains("Đăng ký khai sinh");
	}

	@Test
	void anExactCodeFindsItsProcedure() {
		String code = api.get("/api/v1/procedures?size=1").json().get("items").get(0).get("code").asString();
		Api.Response r = api.get("/api/v1/procedures?q=" + enc(code));
		assertThat(r.json().get("items").get(0).get("code").asString()).isEqualTo(code);
	}

	@Test
	void filtersByFieldAgencyAndLevelAndPages() {
		Api.Response hoTich = api.get("/api/v1/procedures?field=" + enc("Hộ tịch") + "&size=5");
		assertThat(hoTich.json().get("total").asLong()).isGreaterThan(5);
		assertThat(hoTich.json().get("items").size()).isEqualTo(5);
		assertThat(hoTich.json().get("items").valueStream().map(i -> i.get("field").asString()).distinct().toList())
			.containsExactly("Hộ tịch");
		Api.Response page1 = api.get("/api/v1/procedures?field=" + enc("Hộ tịch") + "&size=5&page=1");
		assertThat(page1.json().get("items").get(0).get("code").asString())
			.isNotEqualTo(hoTich.json().get("items").get(0).get("code").asString());
		Api.Response sxd = api.get("/api/v1/procedures?agency=SXD");
		assertThat(sxd.json().get("items").valueStream().map(i -> i.get("agencyCode").asString()).distinct().toList())
			.containsExactly("SXD");
		assertThat(api.get("/api/v1/procedures?level=DISTRICT").status()).isEqualTo(400);
		assertThat(api.get("/api/v1/procedures?size=101").status()).isEqualTo(400);
		assertThat(api.get("/api/v1/procedures?page=-1").status()).isEqualTo(400);
	}

	@Test
	void internalProceduresAreForStaffOnly() {
		String internal = jdbc.sql("select code from procedure where internal limit 1").query(String.class).single();
		assertThat(api.get("/api/v1/procedures/" + internal).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/procedures/" + internal, api.token("specialist")).status()).isEqualTo(200);
		long publicTotal = api.get("/api/v1/procedures").json().get("total").asLong();
		long staffTotal = api.get("/api/v1/procedures", api.token("officer")).json().get("total").asLong();
		assertThat(staffTotal).isGreaterThan(publicTotal);
	}

	@Test
	void theWholeRecordOfAProcedure() {
		String code = jdbc.sql("select code from procedure where name = 'Đăng ký khai sinh'").query(String.class).single();
		Api.Response r = api.get("/api/v1/procedures/" + code);
		assertThat(r.status()).isEqualTo(200);
		JsonNode c = r.json().get("cases").get(0);
		assertThat(c.get("code").asString()).isEqualTo(code + "-01");
		assertThat(c.get("durationWorkingDays").asInt()).isEqualTo(1);
		assertThat(c.get("cutoffTime").asString()).isEqualTo("15:00");
		assertThat(c.get("feesVnd").get("ONLINE").asLong()).isZero();
		// the birth registration's template: its published components, with codes, and its own e-form
		assertThat(c.get("documents").valueStream().map(d -> d.get("code").asString()).toList())
			.containsExactly("TK", "GCS", "GTTT", "GCNKH", "UQ");
		assertThat(c.get("documents").valueStream().filter(d -> d.get("replacedByData").asBoolean())
			.map(d -> d.get("code").asString()).toList()).containsExactly("GTTT", "GCNKH");
		assertThat(c.get("form").get("fields").valueStream().map(f -> f.get("name").asString()).toList())
			.contains("hoTenTre", "ngaySinh", "gioiTinh", "hoTenMe")
			.doesNotContain("taxCode");
		assertThat(r.json().get("audience").asString()).isEqualTo("CITIZEN");
		assertThat(r.json().get("legalBasis").asString()).contains("Luật Hộ tịch");
		assertThat(api.get("/api/v1/procedures/9.999999").status()).isEqualTo(404);
	}

	@Test
	void aCleanCsvImportsAndCorrectsAndIsAudited() {
		String csv = "\uFEFF" + HEADER.replace("\n", "\r\n")
				+ "9.000001,Thủ tục thử nghiệm nhập CSV,Lĩnh vực thử nghiệm,STP,PROVINCE,7,50000,FULL,false\r\n"
				+ "9.000002,\"Thủ tục có dấu phẩy, trong tên\",Lĩnh vực thử nghiệm,P_ANXUYEN,COMMUNE,3,0,NONE,false\r\n";
		Api.Response first = importCsv(csv, api.token("admin"));
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(first.json().get("imported").asInt()).isEqualTo(2);
		assertThat(api.get("/api/v1/procedures/9.000002").json().get("name").asString())
			.isEqualTo("Thủ tục có dấu phẩy, trong tên");
		assertThat(api.get("/api/v1/procedures?q=" + enc("thu tuc thu nghiem nhap")).json().get("items").get(0)
			.get("code").asString()).isEqualTo("9.000001");

		Api.Response second = importCsv(HEADER
				+ "9.000001,Thủ tục thử nghiệm nhập CSV (sửa),Lĩnh vực thử nghiệm,STP,PROVINCE,5,50000,FULL,false\n"
				+ "9.000002,\"Thủ tục có dấu phẩy, trong tên\",Lĩnh vực thử nghiệm,P_ANXUYEN,COMMUNE,3,0,NONE,false\n",
				api.token("admin"));
		assertThat(second.json().get("imported").asInt()).isZero();
		assertThat(second.json().get("updated").asInt()).isEqualTo(1);
		assertThat(api.get("/api/v1/procedures/9.000001").json().get("durationWorkingDays").asInt()).isEqualTo(5);
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'catalog.procedure-corrected' and subject_id = '9.000001'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aFileWithBadLinesImportsNothingAndNamesEveryOne() {
		String csv = HEADER + "9.100001,Thủ tục tốt,Lĩnh vực thử nghiệm,STP,PROVINCE,7,0,FULL,false\n"
				+ "9.100002,Cơ quan lạ,Lĩnh vực thử nghiệm,KHONG_CO,PROVINCE,7,0,FULL,false\n"
				+ "9.100003,Thời hạn sai,Lĩnh vực thử nghiệm,STP,PROVINCE,0,0,FULL,false\n"
				+ "9.100001,Mã lặp,Lĩnh vực thử nghiệm,STP,PROVINCE,7,0,FULL,false\n"
				+ "9.100004,Thiếu cột,Lĩnh vực thử nghiệm,STP\n"
				+ "9.100005,Cấp sai,Lĩnh vực thử nghiệm,STP,DISTRICT,7,-5,MAYBE,yes\n";
		Api.Response r = importCsv(csv, api.token("admin"));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.contentType()).startsWith("application/problem+json");
		assertThat(r.json().get("errors").valueStream().map(e -> e.get("line").asInt()).toList())
			.containsExactly(3, 4, 5, 6, 7);
		assertThat(api.get("/api/v1/procedures/9.100001").status()).isEqualTo(404);
	}

	@Test
	void theHeaderMustBeExact() {
		Api.Response r = importCsv("code,name\n1,x\n", api.token("admin"));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.json().get("errors").get(0).get("line").asInt()).isEqualTo(1);
	}

	@Test
	void importIsForAdministratorsAndLimitedInSize() {
		assertThat(importCsv(HEADER, null).status()).isEqualTo(401);
		assertThat(importCsv(HEADER, api.token("officer")).status()).isEqualTo(403);
		String big = HEADER + "x".repeat(10 * 1024 * 1024);
		assertThat(importCsv(big, api.token("admin")).status()).isEqualTo(413);
	}

	private Api.Response importCsv(String csv, String token) {
		return api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/admin/procedures:import"))
			.header("Content-Type", "text/csv")
			.header("Accept", "application/json, application/problem+json")
			.POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)), token);
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}
}
