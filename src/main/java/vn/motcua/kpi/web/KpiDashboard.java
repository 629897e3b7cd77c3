package vn.motcua.kpi.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.Caller;
import vn.motcua.dossier.Callers;
import vn.motcua.kpi.KpiFigures;
import vn.motcua.kpi.Kpis;
import vn.motcua.platform.Csv;
import vn.motcua.platform.Texts;
import vn.motcua.platform.Zones;

/**
 * The leaders' dashboard: the year's headline rates against the province's targets, the trend by month
 * (ECharts), and the units ranked by on-time rate with drill-down to the units below; the ranking exports to
 * CSV (UTF-8 with BOM, formulas neutralised).
 */
@Controller
class KpiDashboard {

	private final Kpis kpis;
	private final Callers callers;
	private final Clock clock;
	private final Map<String, BigDecimal> targets;
	private final JsonMapper json = JsonMapper.builder().build();

	KpiDashboard(Kpis kpis, Callers callers, Clock clock,
			@Value("${motcua.kpi.target.online:90}") BigDecimal online,
			@Value("${motcua.kpi.target.on-time:98}") BigDecimal onTime,
			@Value("${motcua.kpi.target.online-payment:95}") BigDecimal payment) {
		this.kpis = kpis;
		this.callers = callers;
		this.clock = clock;
		this.targets = Map.of("online", online, "onTime", onTime, "payment", payment);
	}

	@GetMapping("/staff/dashboard")
	String dashboard(@RequestParam(required = false) @Nullable Integer year,
			@RequestParam(required = false) @Nullable String agency, Authentication auth, Model model) {
		Caller caller = callers.of(auth);
		LocalDate today = LocalDate.now(clock.withZone(Zones.VIETNAM));
		int y = year == null ? today.getYear() : year;
		String unit = Texts.strippedOrNull(agency);
		LocalDate from = LocalDate.of(y, 1, 1);
		LocalDate to = LocalDate.of(y, 12, 31);
		Kpis.Report report = kpis.report(from, to, unit, caller);
		List<String> months = new ArrayList<>();
		List<@Nullable BigDecimal> online = new ArrayList<>();
		List<@Nullable BigDecimal> onTime = new ArrayList<>();
		List<@Nullable BigDecimal> payment = new ArrayList<>();
		for (int m = 1; m <= 12; m++) {
			LocalDate first = LocalDate.of(y, m, 1);
			if (first.isAfter(today)) {
				break;
			}
			KpiFigures f = kpis.report(first, first.plusMonths(1).minusDays(1), unit, caller).figures();
			months.add(String.format("%02d/%d", m, y));
			online.add(f.onlineRate());
			onTime.add(f.onTimeRate());
			payment.add(f.onlinePaymentRate());
		}
		model.addAttribute("year", y);
		model.addAttribute("agency", unit == null ? "" : unit);
		model.addAttribute("report", report);
		model.addAttribute("targets", targets);
		model.addAttribute("units", kpis.byUnit(from, to, unit, caller));
		List<Kpis.ProcedureFigures> procedures = kpis.byProcedure(from, to, unit, caller);
		model.addAttribute("procedures", procedures.size() > 50 ? procedures.subList(0, 50) : procedures);
		model.addAttribute("fields", Kpis.byField(procedures));
		model.addAttribute("trend", json.writeValueAsString(Map.of("months", months, "online", online, "onTime", onTime,
				"payment", payment, "labels", List.of("Nộp trực tuyến", "Đúng hạn", "Thanh toán trực tuyến"))));
		return "kpi/dashboard";
	}

	@GetMapping("/staff/dashboard.csv")
	void csv(@RequestParam(required = false) @Nullable Integer year, @RequestParam(required = false) @Nullable String agency,
			Authentication auth, HttpServletResponse response) throws IOException {
		Caller caller = callers.of(auth);
		int y = year == null ? LocalDate.now(clock.withZone(Zones.VIETNAM)).getYear() : year;
		List<Kpis.UnitFigures> units = kpis.byUnit(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31),
				Texts.strippedOrNull(agency), caller);
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"chi-so-766-" + y + ".csv\"");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		out.write('\uFEFF');
		out.write("ma_don_vi,ten_don_vi,tiep_nhan,truc_tuyen,ty_le_truc_tuyen,dung_han,ty_le_dung_han,"
				+ "phai_nop_phi,thanh_toan_truc_tuyen,ty_le_thanh_toan_truc_tuyen\r\n");
		for (Kpis.UnitFigures u : units) {
			KpiFigures f = u.figures();
			out.write(String.join(",", Csv.cell(u.code()), Csv.cell(u.name()), Long.toString(f.received()),
					Long.toString(f.receivedOnline()), text(f.onlineRate()), Long.toString(f.onTime()),
					text(f.onTimeRate()), Long.toString(f.feeDossiers()), Long.toString(f.paidOnline()),
					text(f.onlinePaymentRate())) + "\r\n");
		}
		out.flush();
	}

	private static String text(@Nullable BigDecimal rate) {
		return rate == null ? "" : rate.toPlainString();
	}
}
