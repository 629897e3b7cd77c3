package vn.motcua.sandbox.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.motcua.platform.DemoMode;
import vn.motcua.sandbox.SandboxMailboxes;

/** The sandbox portal's record as a page: what it accepted, newest first, for one dossier or all. */
@Controller
@DemoMode
class NationalPortalSandboxPages {

	/** One accepted delivery as the page shows it. */
	record Arrival(String code, String service, @Nullable Integer nationalStatus, @Nullable Integer sequence,
			boolean duplicate, java.time.Instant at) {
	}

	/** A record of the sandbox portal's own national catalog, as LayDanhSachTTHC lists it. */
	record NationalProcedure(String code, String name, java.time.Instant changedAt) {
	}

	/** The sandbox portal's catalog, by code; at most {@code limit} records. */
	static List<NationalProcedure> catalog(JdbcClient jdbc, int limit) {
		return jdbc.sql("select code, record ->> 'TENTTHC', updated_at from sandbox_dvcqg_procedure order by code limit ?")
			.param(limit)
			.query((rs, n) -> new NationalProcedure(rs.getString(1), String.valueOf(rs.getString(2)),
					rs.getTimestamp(3).toInstant()))
			.list();
	}

	private final JdbcClient jdbc;
	private final SandboxMailboxes outages;

	NationalPortalSandboxPages(JdbcClient jdbc, SandboxMailboxes outages) {
		this.jdbc = jdbc;
		this.outages = outages;
	}

	@GetMapping("/sandbox/dvcqg")
	String page(@RequestParam(required = false) @Nullable String code, Model model) {
		String c = code == null || code.isBlank() ? null : code.strip();
		model.addAttribute("code", c);
		model.addAttribute("down", outages.down("DVCQG"));
		model.addAttribute("arrivals", jdbc.sql("""
				select code, service, national_status, sequence, duplicate, received_at from sandbox_dvcqg_received
				where cast(:code as text) is null or code = cast(:code as text) order by id desc limit 200""")
			.param("code", c)
			.query((rs, n) -> new Arrival(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3),
					(Integer) rs.getObject(4), rs.getBoolean(5), rs.getTimestamp(6).toInstant()))
			.list());
		model.addAttribute("catalog", catalog(jdbc, 500));
		return "sandbox/dvcqg";
	}
}
