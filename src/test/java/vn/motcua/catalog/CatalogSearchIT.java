package vn.motcua.catalog;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import vn.motcua.Api;
import vn.motcua.MotCuaIntegrationTest;
import vn.motcua.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog search through the API and the page (docs/adr/0013): a procedure published or abolished is found or
 * gone at once; administrators' synonyms take effect on the next search; the online-level and agency filters;
 * "did you mean" for a mistyped query.
 */
@MotCuaIntegrationTest
class CatalogSearchIT {

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void api() {
		api = new Api(port);
	}

	private JsonNode search(String query) {
		Api.Response r = api.get("/api/v1/procedures?" + query);
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json();
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	private static List<String> codes(JsonNode result) {
		return result.get("items").valueStream().map(i -> i.get("code").asString()).toList();
	}

	@Test
	void aPublishedProcedureIsFoundAtOnceAndAnAbolishedOneIsGone() {
		String csv = CatalogApiIT.HEADER + "9.930001,Cấp giấy phép nuôi chim yến trong nhà kiểm thử,Kiểm thử,SXD,PROVINCE,5,0,FULL,false\n";
		Api.Response imported = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/admin/procedures:import"))
			.header("Content-Type", "text/csv").header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)), api.token("admin"));
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(codes(search("q=" + enc("nuoi chim yen")))).first().isEqualTo("9.930001");

		Api.Response abolished = api.postJson("/api/v1/admin/procedures/9.930001:abolish",
				Map.of("decisionNumber", "99/QĐ-UBND", "decisionDate", "2026-12-01"), api.token("admin"));
		assertThat(abolished.status()).as(abolished.body()).isEqualTo(200);
		assertThat(codes(search("q=" + enc("nuoi chim yen")))).doesNotContain("9.930001");
	}

	@Test
	void administratorsSynonymsTakeEffectOnTheNextSearch() {
		assertThat(codes(search("q=" + enc("cccd")))).as("a default synonym").first().isEqualTo("2.001235");
		assertThat(api.putJson("/api/v1/admin/search-synonyms/" + enc("giay to tuy than"),
				Map.of("replacements", "thẻ căn cước"), api.token("officer")).status()).isEqualTo(403);
		Api.Response put = api.putJson("/api/v1/admin/search-synonyms/" + enc("Giấy tờ tùy thân"),
				Map.of("replacements", "thẻ căn cước|định danh điện tử"), api.token("admin"));
		assertThat(put.status()).as(put.body()).isEqualTo(200);
		assertThat(put.json().get("phrase").asString()).as("stored folded").isEqualTo("giay to tuy than");
		try {
			assertThat(codes(search("q=" + enc("giấy tờ tùy thân"))).subList(0, 2)).contains("2.001235");
			assertThat(api.get("/api/v1/admin/search-synonyms", api.token("admin")).body()).contains("giay to tuy than");
			assertThat(api.putJson("/api/v1/admin/search-synonyms/x", Map.of("replacements", " | "), api.token("admin"))
				.status()).isEqualTo(400);
		}
		finally {
			Api.Response removed = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/admin/search-synonyms/"
					+ enc("giay to tuy than"))).DELETE(), api.token("admin"));
			assertThat(removed.status()).isEqualTo(204);
		}
		WebSession admin = new WebSession(port);
		admin.signIn("admin", "admin");
		assertThat(admin.get("/admin/catalog/synonyms").body()).contains("id=\"synonym-list\"", "cccd");
	}

	@Test
	void theOnlineLevelAndAgencyFiltersNarrowTheSearch() {
		JsonNode full = search("q=" + enc("giấy phép") + "&onlineLevel=FULL&size=50");
		assertThat(full.get("total").asLong()).isPositive();
		assertThat(full.get("items").valueStream().map(i -> i.get("onlineLevel").asString()).distinct().toList())
			.containsOnly("FULL");
		JsonNode all = search("q=" + enc("giấy phép") + "&size=1");
		assertThat(all.get("total").asLong()).isGreaterThan(full.get("total").asLong());
		JsonNode none = search("onlineLevel=NONE&size=50");
		assertThat(none.get("items").valueStream().map(i -> i.get("onlineLevel").asString()).distinct().toList())
			.containsOnly("NONE");
		assertThat(api.get("/api/v1/procedures?onlineLevel=SOMETIMES").status()).isEqualTo(400);
		JsonNode sxd = search("q=" + enc("giấy phép") + "&agency=SXD&size=50");
		assertThat(sxd.get("items").valueStream().map(i -> i.get("agencyCode").asString()).distinct().toList())
			.containsOnly("SXD");
		String page = new WebSession(port).get("/procedures?q=" + enc("giấy phép") + "&agency=SXD&online=PARTIAL").body();
		assertThat(page).contains("id=\"agency\"", "id=\"online\"", "Cấp giấy phép xây dựng");
	}

	@Test
	void aMistypedQueryIsAnsweredWithWhatItProbablyMeant() {
		JsonNode r = search("q=" + enc("giay phep xay dumg"));
		assertThat(r.get("suggestion").asString()).isEqualTo("giay phep xay dung");
		assertThat(r.get("items").get(0).get("name").asString()).containsIgnoringCase("giấy phép xây dựng");
		assertThat(search("q=" + enc("giay phep xay dung")).has("suggestion")).isFalse();
		assertThat(new WebSession(port).get("/procedures?q=" + enc("khai snh")).body()).contains("id=\"did-you-mean\"",
				"khai sinh");
	}
}
