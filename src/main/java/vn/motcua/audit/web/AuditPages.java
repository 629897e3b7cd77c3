package vn.motcua.audit.web;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import vn.motcua.audit.AuditLog;
import vn.motcua.platform.NavigationItem;
import vn.motcua.platform.Zones;

/** The audit log page for administrators, with an integrity check of the chain. */
@Controller
class AuditPages {

	private static final int PAGE_SIZE = 50;

	private final AuditLog auditLog;

	AuditPages(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@GetMapping("/admin/audit")
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		int p = Math.max(0, page);
		List<Row> rows = auditLog.page(null, null, p, PAGE_SIZE)
			.stream()
			.map(r -> new Row(r, OffsetDateTime.ofInstant(r.at(), Zones.VIETNAM)))
			.toList();
		long total = auditLog.count(null, null);
		model.addAttribute("rows", rows);
		model.addAttribute("page", p);
		model.addAttribute("hasNext", (long) (p + 1) * PAGE_SIZE < total);
		return "audit/log";
	}

	/** htmx swaps in the result; without JavaScript the whole page comes back with it. */
	@PostMapping("/admin/audit/verification")
	String verify(@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		model.addAttribute("result", auditLog.verify());
		return htmx != null ? "audit/log :: verification" : list(0, model);
	}

	record Row(AuditLog.AuditRecord record, OffsetDateTime at) {
	}

	@Configuration(proxyBeanMethods = false)
	static class Navigation {

		@Bean
		NavigationItem auditLogPage() {
			return new NavigationItem("nav.audit", "/admin/audit", java.util.Set.of("ADMIN"), 850,
					NavigationItem.Group.MONITOR);
		}
	}
}
