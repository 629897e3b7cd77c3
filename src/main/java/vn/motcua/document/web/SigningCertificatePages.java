package vn.motcua.document.web;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.motcua.document.SigningKeys;

/** The agencies' signing certificates, soonest to expire first, flagged weeks before they do. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class SigningCertificatePages {

	/** How long before expiry a certificate is flagged for renewal. */
	static final Duration WARN_BEFORE = Duration.ofDays(60);

	private final SigningKeys keys;
	private final Clock clock;

	SigningCertificatePages(SigningKeys keys, Clock clock) {
		this.keys = keys;
		this.clock = clock;
	}

	/** One certificate as the page shows it. */
	record Row(String subject, String issuer, Instant notAfter, long daysLeft, boolean renewSoon) {
	}

	@GetMapping("/admin/signing")
	String certificates(Model model) {
		Instant now = clock.instant();
		List<Row> rows = keys.certificates().stream().map((X509Certificate c) -> {
			Instant end = c.getNotAfter().toInstant();
			long days = Duration.between(now, end).toDays();
			return new Row(c.getSubjectX500Principal().getName(), c.getIssuerX500Principal().getName(), end, days,
					Duration.between(now, end).compareTo(WARN_BEFORE) < 0);
		}).sorted(Comparator.comparing(Row::notAfter)).toList();
		model.addAttribute("rows", rows);
		model.addAttribute("warnDays", WARN_BEFORE.toDays());
		return "document/signing";
	}
}
