package vn.motcua.dossier.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import vn.motcua.dossier.InternalProcess;
import vn.motcua.dossier.InternalProcesses;
import vn.motcua.identity.Role;
import vn.motcua.platform.ApiTime;
import vn.motcua.platform.InvalidFields;

/**
 * The administrators' API for internal processes:
 * {@code /api/v1/admin/procedures/{code}/cases/{case}/process} read, replaced (PUT) and removed (DELETE).
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class ProcessController {

	private final InternalProcesses processes;

	ProcessController(InternalProcesses processes) {
		this.processes = processes;
	}

	@GetMapping("/api/v1/admin/procedures/{code}/cases/{caseCode}/process")
	Map<String, Object> get(@PathVariable String code, @PathVariable String caseCode) {
		return processes.find(code, caseCode).map(ProcessController::json).orElseGet(() -> {
			Map<String, Object> none = new LinkedHashMap<>();
			none.put("procedureCode", code);
			none.put("caseCode", caseCode);
			none.put("configured", false);
			none.put("steps", List.of());
			return none;
		});
	}

	/** Body {@code {"steps":[{"name","unitCode","role","timeShare","consultUnitCode"}]}}. */
	@PutMapping("/api/v1/admin/procedures/{code}/cases/{caseCode}/process")
	Map<String, Object> put(@PathVariable String code, @PathVariable String caseCode, @RequestBody JsonNode body,
			Authentication actor) {
		return json(processes.save(code, caseCode, steps(body.path("steps")), actor.getName()));
	}

	@DeleteMapping("/api/v1/admin/procedures/{code}/cases/{caseCode}/process")
	ResponseEntity<Void> delete(@PathVariable String code, @PathVariable String caseCode, Authentication actor) {
		return processes.remove(code, caseCode, actor.getName()) ? ResponseEntity.noContent().build()
				: ResponseEntity.notFound().build();
	}

	/** What is not a step role or a whole number goes on as invalid, so every row's errors come back at once. */
	private static List<InternalProcess.Step> steps(JsonNode array) {
		if (!array.isArray()) {
			new InvalidFields.Collector().add("steps", "problem.required").throwIfAny();
		}
		List<InternalProcess.Step> steps = new ArrayList<>();
		for (JsonNode s : array) {
			Role role = ProcessPages.role(text(s, "role"));
			JsonNode share = s.path("timeShare");
			String name = text(s, "name");
			steps.add(new InternalProcess.Step(name == null ? "" : name, text(s, "unitCode"),
					role == null ? Role.ADMIN : role, share.isInt() ? share.asInt() : 0, text(s, "consultUnitCode")));
		}
		return steps;
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode v = node.path(field);
		return v.isString() && !v.asString().isBlank() ? v.asString().strip() : null;
	}

	static Map<String, Object> json(InternalProcess p) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("procedureCode", p.procedureCode());
		out.put("caseCode", p.caseCode());
		out.put("configured", true);
		out.put("steps", p.steps().stream().map(s -> {
			Map<String, Object> step = new LinkedHashMap<>();
			step.put("name", s.name());
			step.put("unitCode", s.unitCode());
			step.put("role", s.role().name().toUpperCase(Locale.ROOT));
			step.put("timeShare", s.timeShare());
			step.put("consultUnitCode", s.consultUnitCode());
			return step;
		}).toList());
		out.put("updatedAt", p.updatedAt() == null ? null : ApiTime.format(p.updatedAt()));
		out.put("updatedBy", p.updatedBy());
		return out;
	}
}
