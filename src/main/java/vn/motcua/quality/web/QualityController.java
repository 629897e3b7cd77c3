package vn.motcua.quality.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;
import vn.motcua.identity.Callers;
import vn.motcua.platform.ApiTime;
import vn.motcua.platform.NotFound;
import vn.motcua.platform.PageRequestParams;
import vn.motcua.platform.Texts;
import vn.motcua.platform.Table;
import vn.motcua.platform.Text;
import vn.motcua.quality.DataQuality;
import vn.motcua.quality.QualityRuns;

/** Data quality (docs/api.md, Data quality): runs, scores, the issues and their resolution, the export. */
@RestController
class QualityController {

	private final QualityRuns runs;
	private final DataQuality quality;
	private final Callers callers;

	QualityController(QualityRuns runs, DataQuality quality, Callers callers) {
		this.runs = runs;
		this.quality = quality;
		this.callers = callers;
	}

	@PostMapping("/api/v1/admin/quality/runs")
	ResponseEntity<Map<String, Object>> run(Authentication auth) {
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", runs.request(callers.of(auth)).id()));
	}

	@GetMapping("/api/v1/admin/quality/runs/{id}")
	Map<String, @Nullable Object> run(@PathVariable long id, Authentication auth) {
		callers.of(auth).requireAdmin();
		QualityRuns.Run r = runs.find(id).orElseThrow(() -> new NotFound(new Text("problem.quality.run-not-found",
				Long.toString(id))));
		Map<String, @Nullable Object> m = new LinkedHashMap<>();
		m.put("id", r.id());
		m.put("status", r.status());
		m.put("startedAt", ApiTime.format(r.startedAt()));
		m.put("finishedAt", ApiTime.format(r.finishedAt()));
		return m;
	}

	@GetMapping("/api/v1/quality/summary")
	Map<String, @Nullable Object> summary(@RequestParam(defaultValue = "APPLICANTS") String dataset,
			@RequestParam(required = false) @Nullable String agency, Authentication auth) {
		DataQuality.Summary s = quality.summary(dataset, agency, callers.of(auth));
		Map<String, @Nullable Object> m = new LinkedHashMap<>();
		m.put("dataset", s.dataset());
		m.put("records", s.records());
		m.put("runAt", ApiTime.format(s.runAt()));
		m.put("dimensions", s.dimensions());
		return m;
	}

	@GetMapping("/api/v1/quality/trend")
	Object trend(@RequestParam(defaultValue = "APPLICANTS") String dataset,
			@RequestParam(required = false) @Nullable String agency, Authentication auth) {
		return quality.trend(dataset, agency, 30, callers.of(auth)).stream()
			.map(p -> Map.of("run", p.run(), "at", String.valueOf(ApiTime.format(p.at())), "rates", p.rates()))
			.toList();
	}

	@GetMapping("/api/v1/quality/issues")
	Map<String, Object> issues(@RequestParam(required = false) @Nullable String dataset,
			@RequestParam(required = false) @Nullable String dimension, @RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String agency, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, Authentication auth) {
		PageRequestParams.check(page, size);
		DataQuality.Page p = quality.issues(Texts.strippedOrNull(dataset), Texts.strippedOrNull(dimension),
				Texts.strippedOrNull(status), Texts.strippedOrNull(agency), page, size, callers.of(auth));
		return Map.of("items", p.items().stream().map(QualityController::json).toList(), "total", p.total());
	}

	@PostMapping("/api/v1/quality/issues/{id}/resolution")
	Map<String, @Nullable Object> resolve(@PathVariable long id, @RequestBody JsonNode body, Authentication auth) {
		return json(quality.resolve(id, Texts.field(body, "action"), Texts.field(body, "value"),
				Texts.field(body, "reason"), callers.of(auth)));
	}

	@GetMapping("/api/v1/quality/issues/export")
	void export(@RequestParam(required = false) @Nullable String dataset,
			@RequestParam(required = false) @Nullable String dimension, @RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String agency, @RequestParam(defaultValue = "xlsx") String format,
			Authentication auth, HttpServletResponse response) throws IOException {
		quality.export(Texts.strippedOrNull(dataset), Texts.strippedOrNull(dimension), Texts.strippedOrNull(status),
				Texts.strippedOrNull(agency), callers.of(auth))
			.send(Table.Format.of(format), "chat-luong-du-lieu", response);
	}

	static Map<String, @Nullable Object> json(DataQuality.Issue i) {
		Map<String, @Nullable Object> m = new LinkedHashMap<>();
		m.put("id", i.id());
		m.put("dataset", i.dataset());
		m.put("recordKey", i.recordKey());
		m.put("field", i.field());
		m.put("dimension", i.dimension());
		m.put("rule", i.rule());
		m.put("message", i.message());
		m.put("status", i.status());
		m.put("unitCode", i.unitCode());
		m.put("resolutionNote", i.resolutionNote());
		return m;
	}


}
