package vn.motcua.audit.web;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.motcua.audit.AuditLog;
import vn.motcua.platform.PageRequestParams;
import vn.motcua.platform.ApiTime;

/** The audit log for administrators: read it, and check its chain. */
@RestController
@RequestMapping("/api/v1/admin/audit")
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

	private final AuditLog auditLog;

	AuditController(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@GetMapping
	Map<String, Object> list(@RequestParam(required = false) @Nullable String subjectType,
			@RequestParam(required = false) @Nullable String subjectId,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		PageRequestParams.check(page, size);
		List<Map<String, Object>> items = auditLog.page(subjectType, subjectId, page, size)
			.stream()
			.map(r -> Map.<String, Object>of("id", r.id(), "at", ApiTime.format(r.at()), "actor", r.actor(), "action", r.action(), "subjectType", r.subjectType(), "subjectId",
					r.subjectId(), "details", r.details(), "hash", r.hash()))
			.toList();
		return Map.of("items", items, "total", auditLog.count(subjectType, subjectId));
	}

	@PostMapping("/verification")
	Map<String, Object> verify() {
		AuditLog.ChainVerification v = auditLog.verify();
		return v.intact() ? Map.of("intact", true, "checked", v.checked())
				: Map.of("intact", false, "checked", v.checked(), "firstBrokenId", v.firstBrokenId(), "problem",
						String.valueOf(v.problem()));
	}
}
