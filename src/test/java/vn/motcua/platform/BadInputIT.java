package vn.motcua.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import vn.motcua.Api;
import vn.motcua.MotCuaIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input across every endpoint family (docs/api.md, "Bad input, everywhere"), driven by the OpenAPI
 * document so that a new endpoint is covered without touching this test: each operation gets hostile path
 * variables, query parameters and JSON bodies (NUL characters, dates of year ±999999999, integers past 64 bits,
 * lists and texts past their bounds, bidirectional overrides) as an administrator, an officer and anonymously.
 * None may answer 5xx, every refusal is problem+json, and nothing is written.
 */
@MotCuaIntegrationTest
class BadInputIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
	/** Field names the JSON bodies of the API use, for operations whose schema is a free object. */
	private static final List<String> FIELDS = List.of("action", "version", "reason", "items", "newDueAt", "note",
			"procedureCode", "caseCode", "channel", "applicant", "fullName", "idNumber", "dateOfBirth", "amountVnd",
			"assignee", "rating", "comment", "decisionNumber", "decisionDate", "username", "password", "otp", "from",
			"to", "name", "code", "steps", "mode", "method", "minAssuranceLevel", "soDinhDanh", "hoVaTen", "ngaySinh",
			"mucDich", "date", "title", "phone", "email", "address", "taxCode", "businessName", "baselineDays",
			"targetDays", "feeVnd", "receivedAt", "nationalStatus", "timeShare", "unitCode", "role");
	private static final String LONG_TEXT = "x".repeat(TextRules.FREE_TEXT + 1);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	/** One hostile request and what came back. */
	record Sent(String method, String path, String body, String caller, int status, String contentType) {
	}

	@Test
	void noOperationAnswers5xxToHostileInputAndNothingIsWritten() throws Exception {
		Api api = new Api(port);
		Map<String, String> callers = new LinkedHashMap<>();
		callers.put("admin", api.token("admin"));
		callers.put("officer", api.token("officer"));
		callers.put("anonymous", null);
		JsonNode docs = api.get("/v3/api-docs").json();
		long dossiersBefore = count("dossier");
		long historyBefore = count("dossier_history");
		long proceduresBefore = count("procedure");
		long plansBefore = count("simplification_plan");

		List<Operation> all = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : docs.get("paths").properties()) {
			for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
				String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
				if (List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
					all.add(new Operation(method, path.getKey(), op.getValue(), docs));
				}
			}
		}
		int operations = all.size();
		List<Sent> sent = new ArrayList<>();
		for (Operation operation : all) {
			for (Map.Entry<String, String> caller : callers.entrySet()) {
				for (String url : operation.hostileUrls()) {
					sent.add(send(operation.method, url, operation.acceptsJson() ? "{}" : null, caller));
				}
				for (String body : operation.hostileBodies()) {
					sent.add(send(operation.method, operation.plainUrl(), body, caller));
				}
				if (operation.acceptsMultipart()) {
					sent.add(sendMultipart(operation.method, operation.plainUrl(), caller));
				}
			}
		}
		// the long run (-Dmotcua.fuzz.requests=N): random combinations of the same ingredients
		Random random = new Random(20261204);
		int extra = Integer.getInteger("motcua.fuzz.requests", 0);
		List<Map.Entry<String, String>> who = new ArrayList<>(callers.entrySet());
		for (int i = 0; i < extra; i++) {
			Operation o = all.get(random.nextInt(all.size()));
			Map.Entry<String, String> caller = who.get(random.nextInt(who.size()));
			List<String> urls = o.hostileUrls();
			List<String> bodies = o.hostileBodies();
			String url = urls.get(random.nextInt(urls.size()));
			String body = bodies.isEmpty() ? null : bodies.get(random.nextInt(bodies.size()));
			sent.add(send(o.method, random.nextBoolean() ? url : o.plainUrl(), body, caller));
		}

		List<Sent> failures = sent.stream().filter(s -> s.status() >= 500).toList();
		assertThat(failures).as("5xx answers").isEmpty();
		List<Sent> notProblems = sent.stream()
			.filter(s -> s.status() >= 400 && (s.contentType() == null || !s.contentType().startsWith("application/problem+json")))
			.toList();
		assertThat(notProblems).as("refusals that are not problem+json").isEmpty();
		assertThat(operations).as("operations in the OpenAPI document").isGreaterThan(40);
		assertThat(sent.size()).isGreaterThan(operations * 3 * 8);
		assertThat(sent.stream().filter(s -> s.status() == 400).count()).as("refused as bad input")
			.isGreaterThan(sent.size() / 4);
		assertThat(count("dossier")).isEqualTo(dossiersBefore);
		assertThat(count("dossier_history")).isEqualTo(historyBefore);
		assertThat(count("procedure")).isEqualTo(proceduresBefore);
		assertThat(count("simplification_plan")).isEqualTo(plansBefore);
		Map<Integer, Long> byStatus = new TreeMap<>();
		sent.forEach(s -> byStatus.merge(s.status(), 1L, Long::sum));
		System.out.printf("bad-input sweep: %d operations, %d requests, answers by status %s%n", operations, sent.size(),
				byStatus);
	}

	@Test
	void theCasesOfTheReportEachAnswer400() {
		Api api = new Api(port);
		String officer = api.token("officer");
		String admin = api.token("admin");
		assertBadRequest(api.get("/api/v1/procedures?q=%00"));
		assertBadRequest(api.get("/api/v1/kpi?from=2026-01-01&to=%2B999999999-12-31", api.token("province")));
		assertBadRequest(api.get("/api/v1/procedures/a%2Fb"));
		assertBadRequest(api.get("/api/v1/procedures/a%00b"));
		assertBadRequest(api.get("/api/v1/procedures?q=" + "a".repeat(9000)));
		assertBadRequest(api.post("/api/v1/dossiers", "{\"procedureCode\":\"1.0\\u0000\",\"channel\":\"COUNTER\"}", officer));
		assertBadRequest(api.post("/api/v1/dossiers/XYZ-1/actions", "{\"action\":\"EXTEND\",\"version\":10000000000}", officer));
		Api.Response csv = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/admin/procedures:import"))
			.header("Content-Type", "text/csv")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("code,name,field,agencyCode,level,durationWorkingDays,feeVnd,"
					+ "onlineLevel,internal\n9.800001,Thủ tục\u0000 có NUL,Tư pháp,STP,PROVINCE,5,0,FULL,false\n")), admin);
		assertBadRequest(csv);
		assertThat(csv.body()).contains("NUL");
		// 405 and 415 say what was sent, not a placeholder
		Api.Response wrongMethod = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/procedures"))
			.header("Accept", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.noBody()), officer);
		assertThat(wrongMethod.status()).isEqualTo(405);
		assertThat(wrongMethod.json().get("detail").asString()).contains("PATCH").doesNotContain("{0}");
		Api.Response wrongType = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/dossiers"))
			.header("Content-Type", "text/plain")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("x")), officer);
		assertThat(wrongType.status()).isEqualTo(415);
		assertThat(wrongType.json().get("detail").asString()).contains("text/plain").doesNotContain("{0}");
	}

	@Test
	void theOpenApiDocumentListsTheStatusesOperationsReallyAnswer() {
		JsonNode paths = new Api(port).get("/v3/api-docs").json().get("paths");
		JsonNode filing = paths.get("/api/v1/dossiers").get("post").get("responses");
		assertThat(filing.propertyNames()).contains("201", "400", "401", "403", "409", "415", "429", "503")
			.doesNotContain("200", "404");
		assertThat(filing.get("400").get("content").has("application/problem+json")).isTrue();
		JsonNode read = paths.get("/api/v1/dossiers/{code}").get("get").get("responses");
		assertThat(read.propertyNames()).contains("200", "400", "401", "403", "404", "429", "503")
			.doesNotContain("409", "415");
		JsonNode upload = paths.get("/api/v1/dossiers/{code}/documents").get("post").get("responses");
		assertThat(upload.propertyNames()).contains("201", "404", "409", "413", "415");
		JsonNode token = paths.get("/api/v1/auth/token").get("post").get("responses");
		assertThat(token.propertyNames()).contains("200", "400", "401", "429").doesNotContain("403", "409");
	}

	private static void assertBadRequest(Api.Response r) {
		assertThat(r.status()).as(r.body()).isEqualTo(400);
		assertThat(r.contentType()).startsWith("application/problem+json");
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private Sent send(String method, String url, String body, Map.Entry<String, String> caller) {
		HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + url))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "application/json, application/problem+json");
		if (body != null) {
			r.header("Content-Type", "application/json");
		}
		r.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		return exchange(method, url, body, caller, r);
	}

	private Sent sendMultipart(String method, String url, Map.Entry<String, String> caller) {
		String boundary = "----hostile" + System.nanoTime();
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nti\u0000tle\r\n--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"component\"\r\n\r\n\u0000\r\n--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\u0000\u202Efdp.exe\"\r\n"
				+ "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n%\u00e2\u00e3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\r\n--" + boundary
				+ "--\r\n";
		HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + url))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "application/json, application/problem+json")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		return exchange(method, url, "(multipart)", caller, r);
	}

	private Sent exchange(String method, String url, String body, Map.Entry<String, String> caller,
			HttpRequest.Builder r) {
		if (caller.getValue() != null) {
			r.header("Authorization", "Bearer " + caller.getValue());
		}
		try {
			HttpResponse<String> response = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
			return new Sent(method, url, body == null ? null : body.substring(0, Math.min(120, body.length())),
					caller.getKey(), response.statusCode(), response.headers().firstValue("Content-Type").orElse(null));
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(method + " " + url, e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** One operation of the OpenAPI document and the hostile requests made of it. */
	static final class Operation {

		private static final List<String> HOSTILE_SEGMENTS = List.of("%00", "a%00b", "99999999999999999999",
				"%2B999999999-12-31", "-1", "%E2%80%AEevil");
		private static final List<String> HOSTILE_QUERY = List.of("%00", "x%00y", "%2B999999999-12-31",
				"-999999999-01-01T00:00:00Z", "99999999999999999999", "-5", "x".repeat(5000));

		final String method;
		final String template;
		final JsonNode operation;
		final JsonNode docs;

		Operation(String method, String template, JsonNode operation, JsonNode docs) {
			this.method = method;
			this.template = template;
			this.operation = operation;
			this.docs = docs;
		}

		List<String> parameters(String in) {
			List<String> names = new ArrayList<>();
			for (JsonNode p : operation.path("parameters")) {
				if (in.equals(p.path("in").asString(""))) {
					names.add(p.path("name").asString());
				}
			}
			return names;
		}

		String plainUrl() {
			String url = template;
			for (String name : parameters("path")) {
				url = url.replace("{" + name + "}", "X-0");
			}
			return url;
		}

		List<String> hostileUrls() {
			List<String> urls = new ArrayList<>();
			List<String> pathParams = parameters("path");
			for (String bad : HOSTILE_SEGMENTS) {
				if (pathParams.isEmpty()) {
					break;
				}
				String url = template;
				for (String name : pathParams) {
					url = url.replace("{" + name + "}", bad);
				}
				urls.add(url);
			}
			List<String> query = parameters("query");
			for (String bad : HOSTILE_QUERY) {
				if (query.isEmpty()) {
					urls.add(plainUrl() + "?q=" + bad);
					continue;
				}
				StringBuilder url = new StringBuilder(plainUrl()).append('?');
				for (Iterator<String> it = query.iterator(); it.hasNext();) {
					url.append(it.next()).append('=').append(bad);
					if (it.hasNext()) {
						url.append('&');
					}
				}
				urls.add(url.toString());
			}
			return urls;
		}

		boolean acceptsJson() {
			return operation.path("requestBody").path("content").has("application/json");
		}

		boolean acceptsMultipart() {
			return operation.path("requestBody").path("content").has("multipart/form-data");
		}

		/** The body's field names from its schema, or the API's usual names for a free object. */
		List<String> fields() {
			JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
			if (schema.has("$ref")) {
				String ref = schema.get("$ref").asString();
				schema = docs.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
			}
			List<String> names = new ArrayList<>();
			schema.path("properties").propertyNames().forEach(names::add);
			names.addAll(FIELDS);
			return names;
		}

		List<String> hostileBodies() {
			if (!acceptsJson()) {
				return List.of();
			}
			List<JsonNode> values = new ArrayList<>();
			values.add(NODES.stringNode("a\u0000b"));
			values.add(NODES.stringNode("+999999999-12-31T00:00:00Z"));
			values.add(NODES.stringNode("-999999999-01-01"));
			values.add(NODES.numberNode(new java.math.BigInteger("100000000000000000000")));
			values.add(NODES.numberNode(10_000_000_000L));
			values.add(NODES.stringNode(LONG_TEXT));
			ArrayNode many = NODES.arrayNode();
			for (int i = 0; i < TextRules.LIST + 10; i++) {
				many.add("giấy tờ " + i + "\u0000");
			}
			values.add(many);
			List<String> bodies = new ArrayList<>();
			for (JsonNode value : values) {
				ObjectNode body = NODES.objectNode();
				for (String field : fields()) {
					body.set(field, value);
				}
				ObjectNode applicant = NODES.objectNode();
				applicant.set("fullName", value);
				applicant.set("idNumber", value);
				applicant.set("dateOfBirth", value);
				body.set("applicant", applicant);
				body.put("action", "EXTEND");
				bodies.add(JSON.writeValueAsString(body));
			}
			bodies.add("{\"broken\": ");
			bodies.add("[\"\\u0000\"]");
			return bodies;
		}
	}
}
