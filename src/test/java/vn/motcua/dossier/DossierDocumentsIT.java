package vn.motcua.dossier;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.Api;
import vn.motcua.MotCuaIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Documents of a dossier: checked by content and size, stored with a SHA-256, recorded in the history. */
@MotCuaIntegrationTest
class DossierDocumentsIT {

	private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@Autowired
	JdbcClient jdbc;

	Api api;

	DossierTestSupport dossiers;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void anOfficerAttachesAScanAndEveryoneWhoSeesTheDossierCanFetchItIntact() throws Exception {
		String code = dossiers.in("RECEIVED");
		HttpResponse<String> r = upload(code, "officer", "../Đơn đề nghị.pdf", "application/pdf", PDF, "Đơn đề nghị");
		assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
		JsonNode doc = JsonMapper.builder().build().readTree(r.body());
		assertThat(doc.get("fileName").asString()).isEqualTo("Đơn đề nghị.pdf");
		assertThat(doc.get("sha256").asString()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF)));
		assertThat(doc.get("contentType").asString()).isEqualTo("application/pdf");

		HttpResponse<byte[]> file = http.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/dossiers/" + code
				+ "/documents/" + doc.get("id").asString())).header("Authorization", "Bearer " + api.token("specialist")).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.body()).isEqualTo(PDF);
		assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
		assertThat(api.get("/api/v1/dossiers/" + code + "/documents", api.token("leader")).json()).hasSize(1);
		assertThat(api.get("/api/v1/dossiers/" + code + "/documents", api.token("specialist.stp")).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/dossiers/" + code + "/history", api.token("officer")).json().valueStream()
			.map(h -> h.get("action").asString())).contains("DOCUMENT_ADDED");
	}

	@Test
	void filesThatAreNotDocumentsOrTooLargeAreRefusedAndNothingIsKept() throws Exception {
		String code = dossiers.in("RECEIVED");
		long before = jdbc.sql("select count(*) from document").query(Long.class).single();
		HttpResponse<String> exe = upload(code, "officer", "giay-to.pdf", "application/pdf",
				"MZ this is a program".getBytes(StandardCharsets.US_ASCII), "");
		assertThat(exe.statusCode()).isEqualTo(400);
		assertThat(exe.body()).contains("PDF, JPEG hoặc PNG");
		byte[] big = new byte[11 * 1024 * 1024];
		System.arraycopy(PDF, 0, big, 0, PDF.length);
		assertThat(upload(code, "officer", "big.pdf", "application/pdf", big, "").statusCode()).isEqualTo(413);
		assertThat(upload(code, "officer", "empty.pdf", "application/pdf", new byte[0], "").statusCode()).isEqualTo(400);
		assertThat(jdbc.sql("select count(*) from document").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void whoMayAttachDependsOnTheStatus() throws Exception {
		String received = dossiers.in("RECEIVED");
		assertThat(upload(received, "leader", "a.pdf", "application/pdf", PDF, "").statusCode()).isEqualTo(403);
		assertThat(upload(received, "specialist", "a.pdf", "application/pdf", PDF, "").statusCode()).as("not yet forwarded")
			.isEqualTo(409);
		String processing = dossiers.in("PROCESSING");
		assertThat(upload(processing, "specialist", "bien-ban.pdf", "application/pdf", PDF, "").statusCode()).isEqualTo(201);
		assertThat(upload(processing, "officer", "a.pdf", "application/pdf", PDF, "").statusCode()).isEqualTo(409);
		String finished = dossiers.in("FINISHED");
		assertThat(upload(finished, "specialist", "a.pdf", "application/pdf", PDF, "").statusCode()).isEqualTo(409);
	}

	private HttpResponse<String> upload(String code, String user, String name, String type, byte[] content,
			String component) throws IOException, InterruptedException {
		String boundary = "----motcua" + System.nanoTime();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"component\"\r\n\r\n" + component
				+ "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
				+ "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return http.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/dossiers/" + code + "/documents"))
			.header("Authorization", "Bearer " + api.token(user))
			.header("Accept", "application/json, application/problem+json")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
