package vn.motcua.platform;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;

import vn.motcua.Api;
import vn.motcua.MotCuaIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 9457 everywhere in the API: unknown paths, bad JSON, missing auth, wrong methods, bad paging. */
@MotCuaIntegrationTest
class ProblemAnswersIT {

	Api api;

	@Test
	void unknownPathIs404ProblemForAnAuthenticatedCaller() {
		Api.Response r = api.get("/api/v1/no-such-thing", api.token("admin"));
		assertThat(r.status()).isEqualTo(404);
		assertThat(r.contentType()).startsWith("application/problem+json");
		assertThat(r.json().get("status").asInt()).isEqualTo(404);
		assertThat(r.json().get("title").asString()).isNotBlank();
	}

	@Test
	void anonymousCallerGets401ProblemWithBearerChallenge() {
		Api.Response r = api.get("/api/v1/me");
		assertThat(r.status()).isEqualTo(401);
		assertThat(r.contentType()).startsWith("application/problem+json");
		assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
		assertThat(r.json().get("type").asString()).endsWith("unauthenticated");
	}

	@Test
	void wrongMethodIs405Problem() {
		Api.Response r = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/me"))
			.DELETE(), api.token("admin"));
		assertThat(r.status()).isEqualTo(405);
		assertThat(r.contentType()).startsWith("application/problem+json");
	}

	@Test
	void wrongContentTypeIs415Problem() {
		Api.Response r = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/auth/token"))
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("admin")), null);
		assertThat(r.status()).isEqualTo(415);
		assertThat(r.contentType()).startsWith("application/problem+json");
	}

	@Test
	void pagingOutsideTheConventionIs400WithFieldErrors() {
		String admin = api.token("admin");
		Api.Response tooBig = api.get("/api/v1/admin/audit?size=101", admin);
		assertThat(tooBig.status()).isEqualTo(400);
		assertThat(tooBig.json().get("errors").get(0).get("field").asString()).isEqualTo("size");
		assertThat(api.get("/api/v1/admin/audit?size=0", admin).status()).isEqualTo(400);
		assertThat(api.get("/api/v1/admin/audit?page=-1", admin).status()).isEqualTo(400);
		Api.Response notANumber = api.get("/api/v1/admin/audit?page=x", admin);
		assertThat(notANumber.status()).isEqualTo(400);
		assertThat(notANumber.contentType()).startsWith("application/problem+json");
	}

	@Test
	void adminOnlyEndpointIs403ForOtherStaff() {
		Api.Response r = api.get("/api/v1/admin/audit", api.token("officer"));
		assertThat(r.status()).isEqualTo(403);
		assertThat(r.contentType()).startsWith("application/problem+json");
	}

	@Test
	void problemTitlesFollowTheCallersLanguage() {
		Api.Response vi = api.get("/api/v1/no-such-thing", api.token("admin"));
		Api.Response en = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/no-such-thing"))
			.header("Accept-Language", "en"), api.token("admin"));
		assertThat(vi.json().get("title").asString()).isEqualTo("Không tìm thấy");
		assertThat(en.json().get("title").asString()).isEqualTo("Not found");
	}
}
