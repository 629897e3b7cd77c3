package vn.motcua.document.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.motcua.document.PersonalDocuments;
import vn.motcua.identity.Callers;
import vn.motcua.platform.ApiTime;
import vn.motcua.platform.PageRequestParams;

/** The caller's document store (docs/api.md): upload, list, download. */
@RestController
class PersonalDocumentController {

	private final PersonalDocuments documents;
	private final Callers callers;

	PersonalDocumentController(PersonalDocuments documents, Callers callers) {
		this.documents = documents;
		this.callers = callers;
	}

	@org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.CREATED) // what the document says; the answer sets it
	@PostMapping(value = "/api/v1/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Map<String, @Nullable Object>> upload(@RequestParam("file") MultipartFile file,
			@RequestParam(required = false) @Nullable String title, Authentication caller) throws IOException {
		try (InputStream in = file.getInputStream()) {
			return ResponseEntity.status(HttpStatus.CREATED)
				.body(json(documents.upload(title, String.valueOf(file.getOriginalFilename()), in, callers.of(caller))));
		}
	}

	@GetMapping("/api/v1/documents")
	Map<String, Object> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
			Authentication caller) {
		PageRequestParams.check(page, size);
		PersonalDocuments.Page p = documents.list(callers.of(caller), page, size);
		return Map.of("items", p.items().stream().map(PersonalDocumentController::json).toList(), "total", p.total());
	}

	@GetMapping({ "/api/v1/documents/{id}/content", "/documents/{id}/content" })
	ResponseEntity<InputStreamResource> content(@PathVariable UUID id, Authentication caller) {
		PersonalDocuments.Download d = documents.open(id, callers.of(caller));
		return vn.motcua.document.Downloads.attachment(d.document(), d.content());
	}

	static Map<String, @Nullable Object> json(PersonalDocuments.PersonalDocument p) {
		Map<String, @Nullable Object> m = new LinkedHashMap<>();
		m.put("id", p.file().id().toString());
		m.put("title", p.title() == null ? p.file().fileName() : p.title());
		m.put("fileName", p.file().fileName());
		m.put("contentType", p.file().contentType());
		m.put("size", p.file().sizeBytes());
		m.put("sha256", p.file().sha256());
		m.put("kind", p.kind());
		m.put("dossierCode", p.dossierCode());
		m.put("uploadedAt", ApiTime.format(p.file().storedAt()));
		return m;
	}
}
