package vn.motcua.dossier.web;

import java.io.IOException;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import vn.motcua.dossier.LegacyImport;

/** Migration of historical dossiers, streamed: a file of a million lines never sits in memory. */
@RestController
class LegacyImportController {

	private final LegacyImport legacy;

	LegacyImportController(LegacyImport legacy) {
		this.legacy = legacy;
	}

	@PostMapping(value = "/api/v1/admin/dossiers:import", consumes = "application/x-ndjson")
	@PreAuthorize("hasRole('ADMIN')")
	Map<String, Object> importDossiers(HttpServletRequest request, Authentication actor) throws IOException {
		return LegacyImport.json(legacy.importLines(request.getInputStream(), actor.getName()));
	}
}
