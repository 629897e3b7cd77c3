package vn.motcua.document;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A stored file as an HTTP answer: its own type and length, as an attachment never sniffed into something else. */
public final class Downloads {

	private Downloads() {
	}

	public static ResponseEntity<InputStreamResource> attachment(StoredDocument document, InputStream content) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(document.contentType()))
			.contentLength(document.sizeBytes())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(document.fileName(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(new InputStreamResource(content));
	}
}
