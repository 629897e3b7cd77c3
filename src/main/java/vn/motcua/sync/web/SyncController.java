package vn.motcua.sync.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import vn.motcua.identity.Callers;
import vn.motcua.platform.ApiTime;
import vn.motcua.sync.Synchronisation;

/** A dossier's national portal sync (docs/api.md). */
@RestController
class SyncController {

	private final Synchronisation sync;
	private final Callers callers;

	SyncController(Synchronisation sync, Callers callers) {
		this.sync = sync;
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

	@org.springframework.web.bind.annotation.PostMapping("/api/v1/admin/sync/deliveries/{id}/resend")
	Map<String, @Nullable Object> resend(@PathVariable java.util.UUID id, Authentication auth) {
		return json(sync.resend(id, callers.of(auth)));
	}

	@GetMapping("/api/v1/dossiers/{code}/sync")
	Map<String, Object> of(@PathVariable String code, Authentication auth) {
		Synchronisation.State s = sync.of(code, callers.of(auth));
		return Map.of("state", s.state(), "deliveries", s.deliveries().stream().map(SyncController::json).toList());
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
