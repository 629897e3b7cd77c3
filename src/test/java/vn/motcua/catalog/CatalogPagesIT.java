package vn.motcua.catalog;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.motcua.MotCuaIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The citizens' catalog pages: search (whole page and htmx fragment) and a procedure page. */
@MotCuaIntegrationTest
class CatalogPagesIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void searchPageFindsWithoutDiacritics() throws Exception {
		HttpResponse<String> page = get("/procedures?q=" + URLEncoder.encode("giay phep xay dng", StandardCharsets.UTF_8),
				false);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<html").contains("Cấp giấy phép xây dựng").contains("id=\"search-form\"");
	}

	@Test
	void htmxGetsOnlyTheResults() throws Exception {
		HttpResponse<String> fragment = get("/procedures?q=khai+sinh", true);
		assertThat(fragment.statusCode()).isEqualTo(200);
		assertThat(fragment.body()).doesNotContain("<html").contains("id=\"results\"").contains("Đăng ký khai sinh");
	}

	@Test
	void procedurePageSaysWhatToBringHowLongHowMuchAndWhere() throws Exception {
		String code = jdbc.sql("select code from procedure where name = 'Đăng ký khai sinh'").query(String.class).single();
		HttpResponse<String> page = get("/procedures/" + code, false);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Hồ sơ cần chuẩn bị")
			.contains("Tờ khai đăng ký khai sinh")
			.contains("1 ngày làm việc")
			.contains("Miễn phí")
			.contains("Bộ phận một cửa UBND xã, phường")
			.contains("Trực tuyến toàn trình")
			.contains("id=\"submit-online\"");
	}

	@Test
	void internalProceduresHaveNoPublicPage() throws Exception {
		String code = jdbc.sql("select code from procedure where internal limit 1").query(String.class).single();
		assertThat(get("/procedures/" + code, false).statusCode()).isEqualTo(404);
		assertThat(get("/procedures?q=" + URLEncoder.encode("vị trí việc làm", StandardCharsets.UTF_8), false).body())
			.doesNotContain("vị trí việc làm của cơ quan");
	}

	private HttpResponse<String> get(String path, boolean htmx) throws Exception {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", "text/html");
		if (htmx) {
			b.header("HX-Request", "true");
		}
		return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
	}
}
