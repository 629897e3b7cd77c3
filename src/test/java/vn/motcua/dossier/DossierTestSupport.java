package vn.motcua.dossier;

import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import vn.motcua.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files dossiers and walks them through the process over the API, for the dossier tests and for the tests of
 * modules that react to dossiers.
 */
public final class DossierTestSupport {

	/** A test procedure decided by the Department of Construction (SXD): 3 working days, fee-free, online. */
	static final String PROCEDURE = "9.900001";
	/** The same, decided by the Department of Justice (STP). */
	static final String OTHER_UNIT_PROCEDURE = "9.900002";

	private final Api api;

	/** A helper on {@code api}, with the test procedures imported (idempotent). */
	DossierTestSupport(Api api) {
		this.api = api;
		importProcedures(api);
	}

	static void importProcedures(Api api) {
		vn.motcua.TestProcedures.ensure(api, PROCEDURE, "Thủ tục kiểm thử của Sở Xây dựng", "SXD", 3, 0);
		vn.motcua.TestProcedures.ensure(api, OTHER_UNIT_PROCEDURE, "Thủ tục kiểm thử của Sở Tư pháp", "STP", 3, 0);
	}

	static Map<String, Object> applicant(int i) {
		Map<String, Object> a = new HashMap<>();
		a.put("type", "CITIZEN");
		a.put("idNumber", String.format("096090%06d", 100000 + i));
		a.put("fullName", "Trần Văn Thử " + i);
		a.put("dateOfBirth", "1990-03-15");
		a.put("phone", "0912345678");
		return a;
	}

	/** A counter filing by the officer of TTPVHCC: received at once. */
	public JsonNode fileAtCounter(String procedure, int applicant) {
		Api.Response r = api.postJson("/api/v1/dossiers", Map.of("procedureCode", procedure, "channel", "COUNTER",
				"applicant", applicant(applicant)), api.token("officer"));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json();
	}

	public Api.Response act(String user, String code, String action, Map<String, Object> fields) {
		Map<String, Object> body = new HashMap<>(fields);
		body.put("action", action);
		body.putIfAbsent("version", current(code).get("version").asInt());
		return api.postJson("/api/v1/dossiers/" + code + "/actions", body, api.token(user));
	}

	public JsonNode ok(String user, String code, String action, Map<String, Object> fields) {
		Api.Response r = act(user, code, action, fields);
		assertThat(r.status()).as(action + " by " + user + ": " + r.body()).isEqualTo(200);
		return r.json();
	}

	public JsonNode current(String code) {
		return api.get("/api/v1/dossiers/" + code, api.token("admin")).json();
	}

	/** A fresh dossier of the SXD procedure brought to {@code state} along the default process. */
	public String in(String state) {
		String code = fileAtCounter(PROCEDURE, (int) (System.nanoTime() % 900000)).get("code").asString();
		if (state.equals("RECEIVED")) {
			return code;
		}
		ok("officer", code, "FORWARD", Map.of());
		switch (state) {
			case "PROCESSING" -> {
			}
			case "APPROVED" -> ok("specialist", code, "APPROVE", Map.of("note", "Đủ điều kiện"));
			case "SUPPLEMENT_REQUESTED" -> ok("specialist", code, "REQUEST_SUPPLEMENT",
					Map.of("reason", "Thiếu giấy tờ", "items", java.util.List.of("Bản sao CCCD")));
			case "PAYMENT_REQUESTED" -> ok("specialist", code, "REQUEST_PAYMENT",
					Map.of("amountVnd", 50000, "reason", "Lệ phí"));
			case "FINISHED" -> {
				ok("specialist", code, "APPROVE", Map.of("note", "Đủ điều kiện"));
				ok("leader", code, "FINISH", Map.of("note", "Đồng ý"));
			}
			default -> throw new IllegalArgumentException(state);
		}
		return code;
	}
}
