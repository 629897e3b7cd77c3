package vn.motcua.catalog.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import vn.motcua.catalog.SearchSynonyms;
import vn.motcua.identity.Callers;
import vn.motcua.platform.ApiTime;

/** The search's synonym list (docs/api.md, docs/adr/0013): administrators read and change it. */
@RestController
class SearchSynonymController {

	private final SearchSynonyms synonyms;
	private final Callers callers;

	SearchSynonymController(SearchSynonyms synonyms, Callers callers) {
		this.synonyms = synonyms;
		this.callers = callers;
	}

	@GetMapping("/api/v1/admin/search-synonyms")
	List<Map<String, Object>> list(Authentication auth) {
		return synonyms.list(callers.of(auth)).stream().map(SearchSynonymController::json).toList();
	}

	/** {@code {"replacements":"căn cước|thẻ căn cước"}}: what the phrase stands for in the catalog. */
	@PutMapping("/api/v1/admin/search-synonyms/{phrase}")
	Map<String, Object> put(@PathVariable String phrase, @RequestBody Map<String, @Nullable Object> body,
			Authentication auth) {
		Object r = body.get("replacements");
		return json(synonyms.put(phrase, r instanceof String s ? s : null, callers.of(auth)));
	}

	@DeleteMapping("/api/v1/admin/search-synonyms/{phrase}")
	ResponseEntity<Void> remove(@PathVariable String phrase, Authentication auth) {
		synonyms.remove(phrase, callers.of(auth));
		return ResponseEntity.noContent().build();
	}

	static Map<String, Object> json(SearchSynonyms.Synonym s) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("phrase", s.phrase());
		m.put("replacements", s.replacements());
		m.put("updatedAt", ApiTime.format(s.updatedAt()));
		m.put("updatedBy", s.updatedBy());
		return m;
	}
}
