package vn.motcua.kpi.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.identity.Caller;
import vn.motcua.identity.Callers;
import vn.motcua.kpi.KpiFigures;
import vn.motcua.kpi.Kpis;
import vn.motcua.platform.InvalidParameter;
import vn.motcua.platform.Table;
import vn.motcua.platform.Texts;
import vn.motcua.platform.Zones;

/**
 * The leaders' dashboard: the year's headline rates against the province's targets, the trend by month and the
 * units' on-time rates (ECharts), the units ranked with drill-down to the units below, the figures by field and
 * procedure, and from a unit or procedure the list of its late dossiers; every table exports to CSV and XLSX.
 */
@Controller
class KpiDashboardPages {

	private static final int PAGE_LIMIT = 200;
	private static final int EXPORT_LIMIT = 100_000;

	private final Kpis kpis;
	private final Callers callers;
	private final Clock clock;
	private final Map<String, BigDecimal> targets;
	private final JsonMapper json = JsonMapper.builder().build();

	KpiDashboardPages(Kpis kpis, Callers callers, Clock clock,
			@Value("${motcua.kpi.target.online:90}") BigDecimal online,
			@Value("${motcua.kpi.target.on-time:98}") BigDecimal onTime,
			@Value("${motcua.kpi.target.online-payment:95}") BigDecimal payment,
			@Value("${motcua.kpi.target.sync:100}") BigDecimal sync) {
		this.kpis = kpis;
		this.callers = callers;
		this.clock = clock;
		this.targets = Map.of("online", online, "onTime", onTime, "payment", payment, "sync", sync);
	}

	@GetMapping("/staff/dashboard")
	String dashboard(@RequestParam(required = false) @Nullable Integer year,
			@RequestParam(required = false) @Nullable String agency, Authentication auth, Model model) {
		Caller caller = callers.of(auth);
		int y = year(year);
		String unit = Texts.strippedOrNull(agency);
		LocalDate from = LocalDate.of(y, 1, 1);
		LocalDate to = LocalDate.of(y, 12, 31);
		Kpis.Report report = kpis.report(from, to, unit, caller);
		List<Kpis.MonthFigures> months = kpis.byMonth(y, unit, caller);
		List<Kpis.UnitFigures> units = kpis.byUnit(from, to, unit, caller);
		model.addAttribute("year", y);
		model.addAttribute("agency", unit == null ? "" : unit);
		model.addAttribute("unitChoices", kpis.unitsFor(caller, LocalDate.now(clock)));
		model.addAttribute("report", report);
		model.addAttribute("targets", targets);
		model.addAttribute("units", units);
		model.addAttribute("months", months);
		List<Kpis.ProcedureFigures> procedures = kpis.byProcedure(from, to, unit, caller);
		model.addAttribute("procedures", procedures.size() > 50 ? procedures.subList(0, 50) : procedures);
		model.addAttribute("fields", Kpis.byField(procedures));
		model.addAttribute("trend", json.writeValueAsString(Map.of(
				"months", months.stream().map(m -> "%02d/%d".formatted(m.month().getMonthValue(), y)).toList(),
				"online", rates(months, KpiFigures::onlineRate), "onTime", rates(months, KpiFigures::onTimeRate),
				"payment", rates(months, KpiFigures::onlinePaymentRate),
				"labels", List.of("Nộp trực tuyến", "Đúng hạn", "Thanh toán trực tuyến"))));
		model.addAttribute("ranking", json.writeValueAsString(Map.of(
				"units", units.stream().map(Kpis.UnitFigures::name).toList(),
				"onTime", units.stream().map(u -> u.figures().onTimeRate()).toList(),
				"target", targets.get("onTime"), "label", "Đúng hạn")));
		return "kpi/dashboard";
	}

	private static List<@Nullable BigDecimal> rates(List<Kpis.MonthFigures> months,
			Function<KpiFigures, @Nullable BigDecimal> rate) {
		List<@Nullable BigDecimal> rates = new ArrayList<>();
		months.forEach(m -> rates.add(rate.apply(m.figures())));
		return rates;
	}

	/** The dossiers of the year late by its end (or now), for a unit subtree and, optionally, one procedure. */
	@GetMapping("/staff/dashboard/late")
	String late(@RequestParam(required = false) @Nullable Integer year,
			@RequestParam(required = false) @Nullable String agency,
			@RequestParam(required = false) @Nullable String procedure, Authentication auth, Model model) {
		int y = year(year);
		String unit = Texts.strippedOrNull(agency);
		String code = Texts.strippedOrNull(procedure);
		List<Kpis.LateDossier> late = kpis.late(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), unit, code,
				PAGE_LIMIT + 1, callers.of(auth));
		model.addAttribute("year", y);
		model.addAttribute("agency", unit == null ? "" : unit);
		model.addAttribute("procedure", code == null ? "" : code);
		model.addAttribute("more", late.size() > PAGE_LIMIT);
		model.addAttribute("late", late.size() > PAGE_LIMIT ? late.subList(0, PAGE_LIMIT) : late);
		return "kpi/late";
	}

	/** Every table of the dashboard, as on the page, in CSV or XLSX. */
	@GetMapping("/staff/dashboard/export")
	void export(@RequestParam String table, @RequestParam(defaultValue = "csv") String format,
			@RequestParam(required = false) @Nullable Integer year, @RequestParam(required = false) @Nullable String agency,
			@RequestParam(required = false) @Nullable String procedure, Authentication auth,
			HttpServletResponse response) throws IOException {
		Table.Format f = Table.Format.of(format);
		Caller caller = callers.of(auth);
		int y = year(year);
		String unit = Texts.strippedOrNull(agency);
		LocalDate from = LocalDate.of(y, 1, 1);
		LocalDate to = LocalDate.of(y, 12, 31);
		Table t = switch (table) {
			case "units" -> KpiTables.units(kpis.byUnit(from, to, unit, caller));
			case "fields" -> KpiTables.fields(Kpis.byField(kpis.byProcedure(from, to, unit, caller)));
			case "procedures" -> KpiTables.procedures(kpis.byProcedure(from, to, unit, caller));
			case "months" -> KpiTables.months(kpis.byMonth(y, unit, caller));
			case "late" -> KpiTables.late(kpis.late(from, to, unit, Texts.strippedOrNull(procedure), EXPORT_LIMIT, caller));
			default -> throw new InvalidParameter("table",
					"Bảng xuất chỉ có thể là units, fields, procedures, months hoặc late.");
		};
		t.send(f, "chi-so-766-" + table + "-" + y + (unit == null ? "" : "-" + unit), response);
	}

	private int year(@Nullable Integer year) {
		if (year == null) {
			return LocalDate.now(clock.withZone(Zones.VIETNAM)).getYear();
		}
		if (year < 2000 || year > 2100) {
			throw new InvalidParameter("year", "Năm phải từ 2000 đến 2100.");
		}
		return year;
	}
}
