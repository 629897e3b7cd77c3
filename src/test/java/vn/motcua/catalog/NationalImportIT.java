package vn.motcua.catalog;

import java.net.URI;
import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import vn.motcua.Api;
import vn.motcua.MotCuaIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The national database's LayThuTuc records become versions; an abolished procedure leaves the public catalog. */
@MotCuaIntegrationTest
class NationalImportIT {

	static final String RECORD = """
			{"MATTHC":"7.000101","TENTTHC":"Cấp giấy phép hoạt động thử nghiệm quốc gia","TRANGTHAI":1,
			 "QUYETDINHCONGBO":"%s","NGAYQUYETDINH":"15/03/2026",
			 "LINHVUCTHUCHIEN":[{"MALINHVUC":"G09-TP","TENLINHVUC":"Lĩnh vực thử nghiệm quốc gia"}],
			 "COQUANTHUCHIEN":[{"MADONVI":"000.00.05.H12","TENDONVI":"Sở Tư pháp"}],
			 "TRINHTUTHUCHIEN":[{"TRUONGHOP":"","TRINHTU":[{"TENTRINHTU":"Nộp hồ sơ"},{"TENTRINHTU":"Thẩm định"}]}],
			 "CACHTHUCTHUCHIEN":[
			   {"KENH":1,"THOIGIAN":[{"THOIGIANGIAIQUYET":%d,"DONVITINH":"Ngày làm việc","PHILEPHI":[{"SOTIEN":100000}]}]},
			   {"KENH":2,"THOIGIAN":[{"THOIGIANGIAIQUYET":%d,"DONVITINH":"Ngày làm việc","PHILEPHI":[{"SOTIEN":50000}]}]}],
			 "YEUCAU":"Không","MOTADOITUONGTHUCHIEN":"Công dân Việt Nam; Tổ chức",
			 "KETQUATHUCHIEN":[{"MAKETQUA":"KQ1","TENKETQUA":"Giấy phép"}],
			 "THANHPHANHOSO":[{"TRUONGHOP":"Cấp mới","GIAYTO":[{"MAGIAYTO":"1","TENGIAYTO":"Đơn đề nghị","TENMAUDON":"Mẫu 01","URL":"https://example.invalid/mau01.docx"},
			   {"MAGIAYTO":"1","TENGIAYTO":"Bản vẽ","SOBANCHINH":0,"SOBANSAO":"2","BATBUOC":false,"URL":"javascript:alert(1)"}]}],
			 "CANCUPHAPLY":[{"SOVANBAN":"Luật 01/2025/QH15","TENVANBAN":"Luật thử nghiệm"}]}""";

	Api api;

	@Test
	void recordsBecomeVersionsAndAbolitionKeepsThemReadable() {
		String admin = api.token("admin");
		Api.Response first = importJson("[" + RECORD.formatted("123/QĐ-UBND", 10, 10) + "]", admin);
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(first.json().get("published").asInt()).isEqualTo(1);
		JsonNode v1 = api.get("/api/v1/procedures/7.000101").json();
		assertThat(v1.get("version").asInt()).isEqualTo(1);
		assertThat(v1.get("onlineLevel").asString()).isEqualTo("PARTIAL");
		assertThat(v1.get("agencyCode").asString()).isEqualTo("STP");
		assertThat(v1.get("publication").get("decisionNumber").asString()).isEqualTo("123/QĐ-UBND");
		assertThat(v1.get("publication").get("type").asString()).isEqualTo("NEW");
		JsonNode c = v1.get("cases").get(0);
		assertThat(c.get("durationWorkingDays").asInt()).isEqualTo(10);
		assertThat(c.get("feesVnd").get("COUNTER").asLong()).isEqualTo(100000);
		assertThat(c.get("feesVnd").get("ONLINE").asLong()).isEqualTo(50000);
		assertThat(c.get("documents").get(0).get("template").asString()).isEqualTo("Mẫu 01");
		// components keep the national code where it is usable, else their place; counts and "required" as given
		assertThat(c.get("documents").valueStream().map(d -> d.get("code").asString()).toList())
			.containsExactly("1", "TP02");
		assertThat(c.get("documents").get(1).get("copies").asInt()).isEqualTo(2);
		assertThat(c.get("documents").get(1).get("originals").asInt()).isZero();
		assertThat(c.get("documents").get(1).get("required").asBoolean()).isFalse();
		assertThat(c.get("documents").get(1).get("templateUrl").isNull()).as("not a web link").isTrue();
		assertThat(v1.get("audience").asString()).as("citizens and organisations").isEqualTo("BOTH");
		assertThat(v1.get("steps").asString()).isEqualTo("Nộp hồ sơ\nThẩm định");

		// the same record again changes nothing
		Api.Response same = importJson("{\"result\":[" + RECORD.formatted("123/QĐ-UBND", 10, 10) + "]}", admin);
		assertThat(same.json().get("unchanged").asInt()).isEqualTo(1);

		// an amendment with a 30% shorter time becomes version 2
		Api.Response amended = importJson(RECORD.formatted("456/QĐ-UBND", 7, 7), admin);
		assertThat(amended.json().get("published").asInt()).isEqualTo(1);
		JsonNode v2 = api.get("/api/v1/procedures/7.000101").json();
		assertThat(v2.get("version").asInt()).isEqualTo(2);
		assertThat(v2.get("durationWorkingDays").asInt()).isEqualTo(7);
		assertThat(v2.get("publication").get("type").asString()).isEqualTo("AMENDED");

		// abolished: gone from the public catalog, its versions still readable by staff
		Api.Response abolished = importJson(RECORD.formatted("789/QĐ-UBND", 7, 7).replace("\"TRANGTHAI\":1",
				"\"TRANGTHAI\":3"), admin);
		assertThat(abolished.json().get("abolished").asInt()).isEqualTo(1);
		assertThat(api.get("/api/v1/procedures/7.000101").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/procedures?q=7.000101").json().get("total").asLong()).isZero();
		Api.Response old = api.get("/api/v1/procedures/7.000101/versions/1", api.token("officer"));
		assertThat(old.status()).isEqualTo(200);
		assertThat(old.json().get("cases").get(0).get("durationWorkingDays").asInt()).isEqualTo(10);
		assertThat(api.get("/api/v1/procedures/7.000101/versions/1").status()).isEqualTo(401);
	}

	@Test
	void badRecordsImportNothing() {
		Api.Response r = importJson("[" + RECORD.formatted("1/QĐ", 5, 5).replace("7.000101", "7.000102") + ","
				+ "{\"TENTTHC\":\"Không mã\"},"
				+ RECORD.formatted("1/QĐ", 5, 5).replace("7.000101", "7.000103").replace("000.00.05.H12", "999") + "]",
				api.token("admin"));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.json().get("errors").valueStream().map(e -> e.get("record").asInt()).toList()).containsExactly(1, 2);
		assertThat(api.get("/api/v1/procedures/7.000102").status()).isEqualTo(404);
	}

	@Test
	void onlyAdministratorsImport() {
		assertThat(importJson("[]", api.token("officer")).status()).isEqualTo(403);
		assertThat(importJson("[]", null).status()).isEqualTo(401);
	}

	private Api.Response importJson(String body, String token) {
		return api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/admin/procedures:import-national"))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json, application/problem+json")
			.POST(HttpRequest.BodyPublishers.ofString(body)), token);
	}
}
