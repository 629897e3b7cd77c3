package vn.motcua.programme.web;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;
import vn.motcua.identity.Caller;
import vn.motcua.identity.Callers;
import vn.motcua.platform.ApiTime;
import vn.motcua.platform.InvalidFields;
import vn.motcua.platform.PageRequestParams;
import vn.motcua.platform.Texts;
import vn.motcua.programme.Indicators;
import vn.motcua.programme.Leadership;
import vn.motcua.programme.ProgrammeReports;
import vn.motcua.programme.ProgrammeTask;
import vn.motcua.programme.Programmes;
import vn.motcua.programme.TaskImport;
import vn.motcua.programme.TaskStatus;

/** The programme tracker's API (docs/api.md, Programme tracker): tasks, reports, evidence, figures, imports. */
@RestController
class ProgrammeController {

	private final Programmes programmes;
	private final TaskImport imports;
	private final Leadership leadership;
	private final Indicators indicators;
	private final ProgrammeReports reports;
	private final Callers callers;

	ProgrammeController(Programmes programmes, TaskImport imports, Leadership leadership, Indicators indicators,
			ProgrammeReports reports, Callers callers) {
		this.programmes = programmes;
		this.imports = imports;
		this.leadership = leadership;
		this.indicators = indicators;
		this.reports = reports;
		this.callers = callers;
	}

	@GetMapping("/api/v1/programme/programmes")
	List<Programmes.Programme> programmes(Authentication auth) {
		callers.of(auth);
		return programmes.programmes();
	}

	/** Defines a programme: {@code {"name","description","groups":[{"code","name"}]}} (administrators, province leaders). */
	@org.springframework.web.bind.annotation.PutMapping("/api/v1/programme/programmes/{code}")
	Programmes.Programme define(@PathVariable String code, @RequestBody JsonNode body, Authentication auth) {
		List<Programmes.Programme.Group> groups = new ArrayList<>();
		JsonNode g = body.get("groups");
		if (g != null && g.isArray()) {
			g.forEach(e -> groups.add(new Programmes.Programme.Group(java.util.Objects.toString(Texts.field(e, "code"), ""),
					java.util.Objects.toString(Texts.field(e, "name"), ""))));
		}
		return programmes.define(code, Texts.field(body, "name"), Texts.field(body, "description"), groups, callers.of(auth));
	}

	@PostMapping("/api/v1/programme/tasks")
	ResponseEntity<Map<String, @Nullable Object>> create(@RequestBody JsonNode body, Authentication auth) {
		InvalidFields.Collector errors = new InvalidFields.Collector();
		Programmes.NewTask t = new Programmes.NewTask(Texts.field(body, "programme"), Texts.field(body, "code"),
				Texts.field(body, "group"), Texts.field(body, "title"), Texts.field(body, "ownerUsername"),
				Texts.field(body, "unitCode"), texts(body, "partnerUnitCodes", errors), date(body, "startDate", errors),
				date(body, "deadline", errors), Texts.field(body, "expectedResult"), number(body, "targetValue", errors),
				Texts.field(body, "targetUnit"));
		errors.throwIfAny();
		return ResponseEntity.status(HttpStatus.CREATED).body(json(programmes.create(t, callers.of(auth))));
	}

	@GetMapping("/api/v1/programme/tasks")
	Map<String, Object> list(@RequestParam(required = false) @Nullable String programme,
			@RequestParam(required = false) @Nullable String unit, @RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String owner, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, Authentication auth) {
		PageRequestParams.check(page, size);
		Programmes.Page p = programmes.list(new Programmes.TaskQuery(Texts.strippedOrNull(programme),
				Texts.strippedOrNull(unit),
				status(status), Texts.strippedOrNull(owner), page, size), callers.of(auth));
		return Map.of("items", p.items().stream().map(ProgrammeController::json).toList(), "total", p.total());
	}

	@GetMapping("/api/v1/programme/tasks/{id}")
	Map<String, @Nullable Object> get(@PathVariable long id, Authentication auth) {
		Caller caller = callers.of(auth);
		Map<String, @Nullable Object> m = json(programmes.get(id, caller));
		m.put("reports", programmes.reports(id, caller).stream().map(ProgrammeController::json).toList());
		m.put("evidence", programmes.evidence(id, caller).stream()
			.map(d -> Map.of("id", d.id().toString(), "fileName", d.fileName(), "size", d.sizeBytes()))
			.toList());
		return m;
	}

	@PostMapping(value = "/api/v1/programme/tasks/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Map<String, Object>> evidence(@PathVariable long id, @RequestParam("file") MultipartFile file,
			Authentication auth) throws IOException {
		try (InputStream in = file.getInputStream()) {
			var d = programmes.addEvidence(id, String.valueOf(file.getOriginalFilename()), in, callers.of(auth));
			return ResponseEntity.status(HttpStatus.CREATED)
				.body(Map.of("id", d.id().toString(), "fileName", d.fileName(), "size", d.sizeBytes()));
		}
	}

	@PostMapping("/api/v1/programme/tasks/{id}/reports")
	ResponseEntity<Map<String, @Nullable Object>> report(@PathVariable long id, @RequestBody JsonNode body,
			Authentication auth) {
		InvalidFields.Collector errors = new InvalidFields.Collector();
		Integer percent = null;
		JsonNode p = body.get("progressPercent");
		if (p != null && !p.isNull()) {
			if (p.isIntegralNumber() && p.canConvertToInt()) {
				percent = p.asInt();
			}
			else {
				errors.add("progressPercent", "programme.error.percent");
			}
		}
		List<UUID> evidence = new ArrayList<>();
		JsonNode ids = body.get("evidenceDocumentIds");
		if (ids != null && !ids.isNull()) {
			if (!ids.isArray()) {
				errors.add("evidenceDocumentIds", "programme.error.list");
			}
			else {
				for (JsonNode e : ids) {
					try {
						evidence.add(UUID.fromString(e.asString()));
					}
					catch (IllegalArgumentException | UnsupportedOperationException notAnId) {
						errors.add("evidenceDocumentIds", "programme.error.unknown-evidence", e.toString());
					}
				}
			}
		}
		JsonNode done = body.get("done");
		if (done != null && !done.isNull() && !done.isBoolean()) {
			errors.add("done", "programme.error.boolean");
		}
		BigDecimal value = number(body, "value", errors);
		errors.throwIfAny();
		ProgrammeTask.Report r = programmes.report(id, new Programmes.NewReport(percent, value, Texts.field(body, "note"),
				evidence, done != null && done.asBoolean(false)), callers.of(auth));
		return ResponseEntity.status(HttpStatus.CREATED).body(json(r));
	}

	@GetMapping("/api/v1/programme/summary")
	Programmes.Summary summary(@RequestParam(required = false) @Nullable String programme,
			@RequestParam(required = false) @Nullable String unit, Authentication auth) {
		return programmes.summary(Texts.strippedOrNull(programme), Texts.strippedOrNull(unit), callers.of(auth));
	}

	@GetMapping("/api/v1/programme/trend")
	List<Map<String, Object>> trend(@RequestParam(required = false) @Nullable String programme,
			@RequestParam(required = false) @Nullable String unit, Authentication auth) {
		return programmes.trend(Texts.strippedOrNull(programme), Texts.strippedOrNull(unit), callers.of(auth)).stream()
			.map(m -> Map.<String, Object>of("month", m.month().toString().substring(0, 7), "due", m.due(), "doneOnTime",
					m.doneOnTime(), "doneLate", m.doneLate()))
			.toList();
	}

	/** The plan's spreadsheet (CSV or XLSX), all lines or none: 200 {@code {"imported"}}, else 400 per bad line. */
	@PostMapping(value = "/api/v1/programme/tasks:import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	TaskImport.Imported importTasks(@RequestParam(required = false) @Nullable String programme,
			@RequestParam("file") MultipartFile file, Authentication auth) throws IOException {
		try (InputStream in = file.getInputStream()) {
			return imports.run(Texts.strippedOrNull(programme), String.valueOf(file.getOriginalFilename()), in,
					callers.of(auth));
		}
	}

	/** The periodic report: {@code format=xlsx} (default) or {@code pdf}. */
	@GetMapping("/api/v1/programme/report")
	void report(@RequestParam(required = false) @Nullable String programme,
			@RequestParam(required = false) @Nullable String unit, @RequestParam(defaultValue = "xlsx") String format,
			Authentication auth, HttpServletResponse response) throws IOException {
		reports.send(Texts.strippedOrNull(programme), Texts.strippedOrNull(unit), format, callers.of(auth), response);
	}

	@GetMapping("/api/v1/programme/leadership/shares")
	List<Leadership.Share> shares(Authentication auth) {
		return leadership.shares(callers.of(auth));
	}

	@GetMapping("/api/v1/programme/leadership/roster")
	List<Leadership.Leader> roster(Authentication auth) {
		return leadership.roster(callers.of(auth));
	}

	@PostMapping(value = "/api/v1/programme/leadership/roster:import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	Map<String, Object> importRoster(@RequestParam("file") MultipartFile file, Authentication auth) throws IOException {
		try (InputStream in = file.getInputStream()) {
			return Map.of("leaders",
					leadership.importRoster(String.valueOf(file.getOriginalFilename()), in, callers.of(auth)));
		}
	}

	@GetMapping("/api/v1/programme/indicators")
	List<Indicators.Indicator> indicators(@RequestParam(required = false) @Nullable String programme,
			Authentication auth) {
		return indicators.list(Texts.strippedOrNull(programme), callers.of(auth));
	}

	/** A month's value: {@code {"period":"2026-11-01","unitCode":null,"value":86.5}}. */
	@PostMapping("/api/v1/programme/indicators/{code}/values")
	ResponseEntity<Void> record(@PathVariable String code, @RequestBody JsonNode body, Authentication auth) {
		InvalidFields.Collector errors = new InvalidFields.Collector();
		LocalDate period = date(body, "period", errors);
		BigDecimal value = number(body, "value", errors);
		errors.throwIfAny();
		indicators.record(code, period, Texts.field(body, "unitCode"), value, callers.of(auth));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/programme/initiatives")
	List<Indicators.Initiative> initiatives(@RequestParam(required = false) @Nullable String programme,
			Authentication auth) {
		return indicators.initiatives(Texts.strippedOrNull(programme), callers.of(auth));
	}

	@PostMapping("/api/v1/programme/initiatives")
	ResponseEntity<Indicators.Initiative> addInitiative(@RequestBody JsonNode body, Authentication auth) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(indicators.addInitiative(Texts.field(body, "programme"), Texts.field(body, "name"),
					Texts.field(body, "ownerUsername"), Texts.field(body, "unitCode"), Texts.field(body, "description"),
					Texts.field(body, "indicators"), callers.of(auth)));
	}

	@PostMapping(value = "/api/v1/programme/initiatives/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Map<String, Object>> initiativeEvidence(@PathVariable long id, @RequestParam("file") MultipartFile file,
			Authentication auth) throws IOException {
		try (InputStream in = file.getInputStream()) {
			var d = indicators.addInitiativeEvidence(id, String.valueOf(file.getOriginalFilename()), in, callers.of(auth));
			return ResponseEntity.status(HttpStatus.CREATED)
				.body(Map.of("id", d.id().toString(), "fileName", d.fileName(), "size", d.sizeBytes()));
		}
	}

	@GetMapping("/api/v1/programme/training")
	List<Leadership.Course> courses(Authentication auth) {
		return leadership.courses(callers.of(auth));
	}

	/** A course: {@code {"title","organiser","startsOn","endsOn","attendees":[{"fullName","unitCode","completed"}]}}. */
	@PostMapping("/api/v1/programme/training")
	ResponseEntity<Map<String, Object>> addCourse(@RequestBody JsonNode body, Authentication auth) {
		InvalidFields.Collector errors = new InvalidFields.Collector();
		LocalDate starts = date(body, "startsOn", errors);
		LocalDate ends = date(body, "endsOn", errors);
		List<Leadership.Course.Attendee> attendees = new ArrayList<>();
		JsonNode who = body.get("attendees");
		if (who != null && who.isArray()) {
			for (JsonNode a : who) {
				attendees.add(new Leadership.Course.Attendee(Texts.field(a, "fullName"), Texts.field(a, "unitCode"),
						a.path("completed").asBoolean(false)));
			}
		}
		errors.throwIfAny();
		long id = leadership.addCourse(Texts.field(body, "title"), Texts.field(body, "organiser"), starts, ends, attendees,
				callers.of(auth));
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
	}

	static Map<String, @Nullable Object> json(ProgrammeTask t) {
		Map<String, @Nullable Object> m = new LinkedHashMap<>();
		m.put("id", t.id());
		m.put("programme", t.programme());
		m.put("code", t.code());
		m.put("group", t.group());
		m.put("title", t.title());
		m.put("ownerUsername", t.ownerUsername());
		m.put("unitCode", t.unitCode());
		m.put("partnerUnitCodes", t.partnerUnitCodes());
		m.put("startDate", t.startDate() == null ? null : t.startDate().toString());
		m.put("deadline", t.deadline().toString());
		m.put("expectedResult", t.expectedResult());
		m.put("targetValue", t.targetValue());
		m.put("targetUnit", t.targetUnit());
		m.put("progressPercent", t.progressPercent());
		m.put("currentValue", t.currentValue());
		m.put("status", t.status().name());
		m.put("doneAt", t.doneAt() == null ? null : t.doneAt().toString());
		m.put("lastReportAt", ApiTime.format(t.lastReportAt()));
		m.put("deadlineOnDayOff", t.dayOff() != null);
		m.put("demo", t.demo());
		return m;
	}

	static Map<String, @Nullable Object> json(ProgrammeTask.Report r) {
		Map<String, @Nullable Object> m = new LinkedHashMap<>();
		m.put("id", r.id());
		m.put("at", ApiTime.format(r.at()));
		m.put("reportedBy", r.reportedBy());
		m.put("progressPercent", r.progressPercent());
		m.put("value", r.value());
		m.put("note", r.note());
		m.put("done", r.done());
		m.put("evidenceDocumentIds", r.evidence().stream().map(UUID::toString).toList());
		return m;
	}

	private static @Nullable TaskStatus status(@Nullable String s) {
		if (s == null || s.isBlank()) {
			return null;
		}
		try {
			return TaskStatus.valueOf(s.strip());
		}
		catch (IllegalArgumentException e) {
			throw new vn.motcua.platform.InvalidParameter("status", "status phải là một trong "
					+ java.util.Arrays.toString(TaskStatus.values()) + ": \"" + s + "\"");
		}
	}



	private static @Nullable List<String> texts(JsonNode body, String field, InvalidFields.Collector errors) {
		JsonNode v = body.get(field);
		if (v == null || v.isNull()) {
			return List.of();
		}
		if (!v.isArray()) {
			errors.add(field, "programme.error.list");
			return List.of();
		}
		List<String> out = new ArrayList<>();
		v.forEach(e -> out.add(e.isString() ? e.asString() : e.toString()));
		return out;
	}

	private static @Nullable LocalDate date(JsonNode body, String field, InvalidFields.Collector errors) {
		String v = Texts.field(body, field);
		if (v == null || v.isBlank()) {
			return null;
		}
		try {
			LocalDate d = LocalDate.parse(v.strip());
			if (!vn.motcua.platform.TextRules.inRange(d)) {
				errors.add(field, "programme.error.date-range");
				return null;
			}
			return d;
		}
		catch (DateTimeParseException e) {
			errors.add(field, "programme.error.date", v);
			return null;
		}
	}

	private static @Nullable BigDecimal number(JsonNode body, String field, InvalidFields.Collector errors) {
		JsonNode v = body.get(field);
		if (v == null || v.isNull()) {
			return null;
		}
		if (v.isNumber()) {
			return v.decimalValue();
		}
		errors.add(field, "programme.error.number");
		return null;
	}
}
