package vn.motcua.dossier.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

import vn.motcua.identity.Callers;
import vn.motcua.document.StoredDocument;
import vn.motcua.dossier.DossierDocuments;
import vn.motcua.platform.ApiTime;

/** Documents of a dossier: upload (multipart {@code file}, {@code component}), list, download. */
@RestController
class DocumentController {

	private final DossierDocuments documents;
	private final Callers callers;

	DocumentController(DossierDocuments documents, Callers callers) {
		this.documents = documents;
		this.callers = callers;
	}

	@org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.CREATED) // what the document says; the answer sets it
	@PostMapping(value = "/api/v1/dossiers/{code}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Map<String, Object>> upload(@PathVariable String code, @RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "") String component, Authentication caller) throws IOException {
		try (InputStream in = file.getInputStream()) {
			StoredDocument d = documents.attach(code, component, String.valueOf(file.getOriginalFilename()), in,
					callers.of(caller));
			return ResponseEntity.status(HttpStatus.CREATED).body(json(d));
		}
	}

	@GetMapping("/api/v1/dossiers/{code}/documents")
	List<Map<String, Object>> list(@PathVariable String code, Authentication caller) {
		return documents.list(code, callers.of(caller)).stream().map(DocumentController::json).toList();
	}

	@GetMapping({ "/api/v1/dossiers/{code}/documents/{id}", "/dossiers/{code}/documents/{id}" })
	ResponseEntity<InputStreamResource> download(@PathVariable String code, @PathVariable UUID id,
			Authentication caller) {
		DossierDocuments.Download d = documents.open(code, id, callers.of(caller));
		return vn.motcua.document.Downloads.attachment(d.document(), d.content());
	}

	static Map<String, Object> json(StoredDocument d) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", d.id().toString());
		m.put("component", d.component());
		m.put("fileName", d.fileName());
		m.put("contentType", d.contentType());
		m.put("sizeBytes", d.sizeBytes());
		m.put("sha256", d.sha256());
		m.put("storedAt", ApiTime.format(d.storedAt()));
		m.put("storedBy", d.storedBy());
		return m;
	}
}
