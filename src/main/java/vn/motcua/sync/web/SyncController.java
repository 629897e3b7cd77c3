package vn.motcua.sync.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.motcua.identity.Callers;
import vn.motcua.platform.ApiTime;
import vn.motcua.platform.InvalidParameter;
import vn.motcua.sync.CatalogPull;
import vn.motcua.sync.CodeMappings;
import vn.motcua.sync.Synchronisation;

/** The national portal sync (docs/api.md): a dossier's deliveries, health and dead letters, code mappings, catalog pulls. */
@RestController
class SyncController {

	private final Synchronisation sync;
	private final CodeMappings mappings;
	private final CatalogPull pull;
	private final Callers callers;

	SyncController(Synchronisation sync, CodeMappings mappings, CatalogPull pull, Callers callers) {
		this.sync = sync;
		this.mappings = mappings;
		this.pull = pull;
		this.callers = callers;
	}

	/** The sync's health and its dead letters (administrators). */
	@GetMapping("/api/v1/admin/sync")
	Map<String, Object> health(Authentication auth) {
		var caller = callers.of(auth);
		Synchronisation.Health h = sync.health(caller);
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("pending", h.pending());
		m.put("oldestPendingAt", String.valueOf(ApiTime.format(h.oldestPending())));
		m.put("failed", h.failed());
		m.put("delivered", h.delivered());
		m.put("failureReasons", h.reasons());
		m.put("deadLetters", sync.deadLetters(caller).stream().map(SyncController::json).toList());
		return m;
	}

	@PostMapping("/api/v1/admin/sync/deliveries/{id}/resend")
	Map<String, @Nullable Object> resend(@PathVariable UUID id, Authentication auth) {
		return json(sync.resend(id, callers.of(auth)));
	}

	@GetMapping("/api/v1/dossiers/{code}/sync")
	Map<String, Object> of(@PathVariable String code, Authentication auth) {
		Synchronisation.State s = sync.of(code, callers.of(auth));
		return Map.of("state", s.state(), "deliveries", s.deliveries().stream().map(SyncController::json).toList());
	}

	/** The local ↔ national code mappings (administrators); {@code kind} PROCEDURE, FIELD or AGENCY, or all. */
	@GetMapping("/api/v1/admin/sync/mappings")
	List<Map<String, @Nullable Object>> mappings(@RequestParam(required = false) @Nullable String kind,
			Authentication auth) {
		return mappings.list(kind == null || kind.isBlank() ? null : kind(kind), callers.of(auth)).stream()
			.map(SyncController::json).toList();
	}

	/** Sets the national code of a local one: {@code {"nationalCode","nationalName"}}. */
	@PutMapping("/api/v1/admin/sync/mappings/{kind}/{localCode}")
	Map<String, @Nullable Object> map(@PathVariable String kind, @PathVariable String localCode,
			@RequestBody Map<String, @Nullable Object> body, Authentication auth) {
		Object national = body.get("nationalCode");
		Object name = body.get("nationalName");
		return json(mappings.put(kind(kind), localCode, national instanceof String s ? s : "",
				name instanceof String n && !n.isBlank() ? n.strip() : null, callers.of(auth)));
	}

	@DeleteMapping("/api/v1/admin/sync/mappings/{kind}/{localCode}")
	ResponseEntity<Void> unmap(@PathVariable String kind, @PathVariable String localCode, Authentication auth) {
		mappings.remove(kind(kind), localCode, callers.of(auth));
		return ResponseEntity.noContent().build();
	}

	/**
	 * Starts a pull of the national catalog, {@code {"scope":"CHANGED|ALL"}}; 202 with the run to follow, 409 while
	 * one runs.
	 */
	@PostMapping("/api/v1/admin/sync/catalog-pulls")
	ResponseEntity<Map<String, @Nullable Object>> pull(@RequestBody Map<String, @Nullable Object> body,
			Authentication auth) {
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(json(pull.start(scope(body.get("scope")), callers.of(auth))));
	}

	static CatalogPull.Scope scope(@Nullable Object scope) {
		if ("CHANGED".equals(scope) || "ALL".equals(scope)) {
			return CatalogPull.Scope.valueOf((String) scope);
		}
		throw new InvalidParameter("scope", "scope phải là CHANGED (thủ tục đã thay đổi) hoặc ALL (toàn bộ)");
	}

	@GetMapping("/api/v1/admin/sync/catalog-pulls")
	List<Map<String, @Nullable Object>> pulls(Authentication auth) {
		return pull.runs(callers.of(auth)).stream().map(SyncController::json).toList();
	}

	@GetMapping("/api/v1/admin/sync/catalog-pulls/{id}")
	Map<String, @Nullable Object> pull(@PathVariable UUID id, Authentication auth) {
		return json(pull.run(id, callers.of(auth)));
	}

	static CodeMappings.Kind kind(String kind) {
		try {
			return CodeMappings.Kind.valueOf(kind.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidParameter("kind", "kind phải là PROCEDURE, FIELD hoặc AGENCY");
		}
	}

	static Map<String, @Nullable Object> json(CodeMappings.Mapping m) {
		Map<String, @Nullable Object> out = new LinkedHashMap<>();
		out.put("kind", m.kind().name());
		out.put("localCode", m.localCode());
		out.put("nationalCode", m.nationalCode());
		out.put("nationalName", m.nationalName());
		out.put("source", m.source());
		out.put("updatedAt", ApiTime.format(m.updatedAt()));
		out.put("updatedBy", m.updatedBy());
		return out;
	}

	static Map<String, @Nullable Object> json(CatalogPull.Run r) {
		Map<String, @Nullable Object> out = new LinkedHashMap<>();
		out.put("id", r.id().toString());
		out.put("trigger", r.trigger());
		out.put("scope", r.scope().name());
		out.put("requestedBy", r.requestedBy());
		out.put("status", r.status());
		out.put("startedAt", ApiTime.format(r.startedAt()));
		out.put("finishedAt", ApiTime.format(r.finishedAt()));
		out.put("listed", r.listed());
		out.put("fetched", r.fetched());
		out.put("published", r.published());
		out.put("unchanged", r.unchanged());
		out.put("abolished", r.abolished());
		out.put("rejected", r.rejected());
		out.put("problems", r.problems());
		out.put("error", r.error());
		return out;
	}

	static Map<String, @Nullable Object> json(vn.motcua.sync.Delivery d) {
		Map<String, @Nullable Object> m = new LinkedHashMap<>();
		m.put("id", d.id().toString());
		m.put("dossierCode", d.dossierCode());
		m.put("sequence", d.sequence());
		m.put("service", d.service());
		m.put("nationalStatus", d.nationalStatus());
		m.put("status", d.status());
		m.put("attempts", d.attempts());
		m.put("deliveredAt", ApiTime.format(d.deliveredAt()));
		m.put("lastError", d.lastError());
		return m;
	}
}
