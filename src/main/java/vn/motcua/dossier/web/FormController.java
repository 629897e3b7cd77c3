package vn.motcua.dossier.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.motcua.identity.Caller;
import vn.motcua.identity.Callers;
import vn.motcua.dossier.LegalForms;
import vn.motcua.platform.ApiTime;
import vn.motcua.platform.InvalidParameter;

/**
 * The legal forms as PDF: per dossier (Mẫu 01–06, visible to whoever may see the dossier) and the register
 * of a unit (Mẫu 07, staff). Served on the API and, with the same paths under the pages, to browsers.
 */
@RestController
class FormController {

	private final LegalForms forms;
	private final Callers callers;

	FormController(LegalForms forms, Callers callers) {
		this.forms = forms;
		this.callers = callers;
	}

	@GetMapping({ "/api/v1/dossiers/{code}/forms/{number}", "/dossiers/{code}/forms/{number}" })
	ResponseEntity<byte[]> form(@PathVariable String code, @PathVariable String number, Authentication caller) {
		LegalForms.Form form = LegalForms.Form.ofNumber(number);
		return pdf(forms.render(code, form, callers.of(caller)), "mau-" + form.number() + "-" + code + ".pdf");
	}

	@GetMapping({ "/api/v1/registers", "/staff/registers" })
	ResponseEntity<byte[]> register(@RequestParam String unit, @RequestParam String from, @RequestParam String to,
			Authentication auth) {
		Caller caller = callers.of(auth);
		if (caller.citizen()) {
			throw new vn.motcua.platform.NotFound("Không tìm thấy tài nguyên được yêu cầu.");
		}
		var first = ApiTime.parseDate(from, "from");
		var last = ApiTime.parseDate(to, "to");
		if (last.isBefore(first)) {
			throw new InvalidParameter("to", "Ngày kết thúc trước ngày bắt đầu");
		}
		return pdf(forms.register(unit, first, last, caller), "mau-07-" + unit + "-" + first + "-" + last + ".pdf");
	}

	private static ResponseEntity<byte[]> pdf(byte[] body, String name) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name).build().toString())
			.body(body);
	}
}
