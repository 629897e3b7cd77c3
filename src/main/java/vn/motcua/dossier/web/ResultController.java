package vn.motcua.dossier.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
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

import vn.motcua.document.Downloads;
import vn.motcua.dossier.DossierDocuments;
import vn.motcua.dossier.DossierResults;
import vn.motcua.identity.Callers;
import vn.motcua.platform.ApiTime;
import vn.motcua.platform.NotFound;

/** Results of a dossier and their public verification (docs/api.md, "Results and electronic signatures"). */
@RestController
class ResultController {

	private final DossierResults results;
	private final Callers callers;

	ResultController(DossierResults results, Callers callers) {
		this.results = results;
		this.callers = callers;
	}

	@org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.CREATED) // what the document says; the answer sets it
	@PostMapping(value = "/api/v1/dossiers/{code}/results", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Map<String, @Nullable Object>> draft(@PathVariable String code, @RequestParam("file") MultipartFile file,
			@RequestParam(required = false) @Nullable String title, Authentication caller) throws IOException {
		try (InputStream in = file.getInputStream()) {
			return ResponseEntity.status(HttpStatus.CREATED)
				.body(json(results.draft(code, title, String.valueOf(file.getOriginalFilename()), in, callers.of(caller))));
		}
	}

	/** A draft made from the case's result template, filled with the dossier's data. */
	@org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.CREATED) // what the document says; the answer sets it
	@PostMapping("/api/v1/dossiers/{code}/results:generate")
	ResponseEntity<Map<String, @Nullable Object>> generate(@PathVariable String code, Authentication caller) {
		return ResponseEntity.status(HttpStatus.CREATED).body(json(results.generate(code, callers.of(caller))));
	}

	@GetMapping("/api/v1/dossiers/{code}/results")
	List<Map<String, @Nullable Object>> list(@PathVariable String code, Authentication caller) {
		return results.list(code, callers.of(caller)).stream().map(ResultController::json).toList();
	}

	@GetMapping({ "/api/v1/dossiers/{code}/results/{id}/content", "/dossiers/{code}/results/{id}/content" })
	ResponseEntity<InputStreamResource> content(@PathVariable String code, @PathVariable UUID id, Authentication caller) {
		DossierDocuments.Download d = results.content(code, id, callers.of(caller));
		return Downloads.attachment(d.document(), d.content());
	}

	/** Public: whether a result MotCua issued is intact, and whose; nothing about the applicant. */
	@GetMapping("/api/v1/results/{id}/verification")
	Map<String, @Nullable Object> verification(@PathVariable UUID id) {
		DossierResults.Verified v = results.verification(id).orElseThrow(() -> new NotFound("Không có kết quả này."));
		Map<String, @Nullable Object> m = new LinkedHashMap<>();
		m.put("valid", v.signature().valid());
		m.put("reason", v.signature().reason());
		m.put("resultId", v.result().id().toString());
		m.put("title", v.result().title());
		m.put("signer", v.result().signer());
		m.put("signedAt", ApiTime.format(v.result().signedAt()));
		// PAdES B-T: the time a time-stamp authority vouched for, when the signature carries one
		m.put("timestampedAt", ApiTime.format(v.signature().timestampedAt()));
		m.put("sha256", v.result().sha256());
		m.put("dossierCode", v.result().dossierCode());
		m.put("procedureName", v.procedureName());
		m.put("agencyName", v.agencyName());
		return m;
	}

	/** Public: a file someone holds, checked against the signature and the results MotCua issued. */
	@PostMapping(value = "/api/v1/results:verify", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	Map<String, @Nullable Object> verify(@RequestParam("file") MultipartFile file) throws IOException {
		try (InputStream in = file.getInputStream()) {
			DossierResults.FileCheck c = results.verifyFile(in);
			Map<String, @Nullable Object> m = new LinkedHashMap<>();
			m.put("valid", c.valid());
			m.put("resultId", c.resultId() == null ? null : c.resultId().toString());
			m.put("signer", c.signer());
			m.put("signedAt", ApiTime.format(c.signedAt()));
			m.put("reason", c.reason());
			return m;
		}
	}

	static Map<String, @Nullable Object> json(DossierResults.Result r) {
		Map<String, @Nullable Object> m = new LinkedHashMap<>();
		m.put("id", r.id().toString());
		m.put("title", r.title());
		m.put("status", r.status());
		m.put("signedAt", ApiTime.format(r.signedAt()));
		m.put("signer", r.signer());
		m.put("sha256", r.sha256());
		m.put("verifyUrl", r.verifyUrl());
		m.put("fileName", r.fileName());
		return m;
	}
}
