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

	@GetMapping("/api/v1/dossiers/{code}/sync")
	Map<String, Object> of(@PathVariable String code, Authentication auth) {
		Synchronisation.State s = sync.of(code, callers.of(auth));
		return Map.of("state", s.state(), "deliveries", s.deliveries().stream().map(d -> {
			Map<String, @Nullable Object> m = new LinkedHashMap<>();
			m.put("sequence", d.sequence());
			m.put("service", d.service());
			m.put("nationalStatus", d.nationalStatus());
			m.put("status", d.status());
			m.put("attempts", d.attempts());
			m.put("deliveredAt", ApiTime.format(d.deliveredAt()));
			m.put("lastError", d.lastError());
			return m;
		}).toList());
	}
}
