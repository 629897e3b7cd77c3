package vn.motcua.registry.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditLog;
import vn.motcua.platform.Csv;
import vn.motcua.platform.Zones;
import vn.motcua.registry.RegistryLookups;
import vn.motcua.registry.RegistryLookups.LoggedLookup;

/**
 * The lookup log for administrators: the latest exchanges, filtered by ID number, and an export of a period
 * as CSV (UTF-8 with BOM, so spreadsheets read the Vietnamese); the export itself is audited, since it
 * carries personal data.
 */
@Controller
class RegistryAdminPages {

	private final RegistryLookups lookups;
	private final AuditLog audit;
	private final TransactionTemplate tx;
	private final Clock clock;

	RegistryAdminPages(RegistryLookups lookups, AuditLog audit, TransactionTemplate tx, Clock clock) {
		this.lookups = lookups;
		this.audit = audit;
		this.tx = tx;
		this.clock = clock;
	}

	@GetMapping("/admin/registry")
	String page(@RequestParam(required = false) @Nullable String idNumber, Model model) {
		String person = idNumber == null || idNumber.isBlank() ? null : idNumber.strip();
		model.addAttribute("idNumber", person);
		model.addAttribute("total", lookups.count(person));
		model.addAttribute("rows", lookups.log(person, 0, 100)
			.stream()
			.map(l -> new Row(l, OffsetDateTime.ofInstant(l.at(), Zones.VIETNAM)))
			.toList());
		LocalDate today = Zones.today(clock);
		model.addAttribute("from", Zones.DAY.format(today.withDayOfMonth(1)));
		model.addAttribute("to", Zones.DAY.format(today));
		return "registry/admin";
	}

	@GetMapping("/admin/registry/export")
	void export(@RequestParam String from, @RequestParam String to, Authentication actor,
			HttpServletResponse response) throws IOException {
		LocalDate first;
		LocalDate last;
		try {
			first = LocalDate.parse(from.strip(), Zones.DAY);
			last = LocalDate.parse(to.strip(), Zones.DAY);
		}
		catch (DateTimeParseException e) {
			response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Ngày phải theo dạng dd/MM/yyyy");
			return;
		}
		if (last.isBefore(first)) {
			response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Ngày kết thúc trước ngày bắt đầu");
			return;
		}
		tx.executeWithoutResult(s -> audit.record(new AuditEntry(actor.getName(), "registry.log-exported",
				"registry-log", first + ".." + last, Map.of("from", first.toString(), "to", last.toString()))));
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader("Content-Disposition",
				"attachment; filename=\"nhat-ky-tra-cuu-dan-cu-" + first + "-" + last + ".csv\"");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		out.write('\uFEFF');
		out.write("id,thoi_gian,nguoi_tra_cuu,muc_dich,ma_ho_so,so_dinh_danh,loai,ket_qua,bam_phan_hoi\r\n");
		lookups.export(first.atStartOfDay(Zones.VIETNAM).toInstant(),
				last.plusDays(1).atStartOfDay(Zones.VIETNAM).toInstant(), l -> write(out, l));
		out.flush();
	}

	private static void write(Writer out, LoggedLookup l) {
		try {
			out.write(String.join(",", l.id().toString(),
					OffsetDateTime.ofInstant(l.at(), Zones.VIETNAM).toString(), Csv.cell(l.actor()), Csv.cell(l.purpose()),
					Csv.cell(l.dossierCode()), l.idNumber(), l.kind(), l.result().name(),
					l.responseHash() == null ? "" : l.responseHash()));
			out.write("\r\n");
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	record Row(LoggedLookup lookup, OffsetDateTime at) {
	}
}
