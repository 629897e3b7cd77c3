package vn.motcua.kpi.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import vn.motcua.kpi.KpiFigures;
import vn.motcua.kpi.Kpis;
import vn.motcua.platform.Table;
import vn.motcua.platform.Zones;

/** The dashboard's tables as they are exported: the same rows as the page, every figure in its own column. */
final class KpiTables {

	private static final List<String> FIGURES = List.of("Tiếp nhận", "Nộp trực tuyến", "Tỷ lệ nộp trực tuyến (%)",
			"Đúng hạn", "Tỷ lệ đúng hạn (%)", "Phải nộp phí", "Thanh toán trực tuyến", "Tỷ lệ thanh toán trực tuyến (%)",
			"Tỷ lệ số hóa (%)", "Tỷ lệ kết quả điện tử (%)", "Tỷ lệ đồng bộ Cổng DVCQG (%)");

	private KpiTables() {
	}

	static Table units(List<Kpis.UnitFigures> units) {
		return table("Đơn vị", List.of("Hạng", "Mã đơn vị", "Tên đơn vị"), units, (u, i) -> List.of(i + 1, u.code(), u.name()),
				Kpis.UnitFigures::figures);
	}

	static Table fields(Map<String, KpiFigures> fields) {
		return table("Lĩnh vực", List.of("Lĩnh vực"), List.copyOf(fields.entrySet()), (e, i) -> List.of(e.getKey()),
				Map.Entry::getValue);
	}

	static Table procedures(List<Kpis.ProcedureFigures> procedures) {
		return table("Thủ tục", List.of("Mã thủ tục", "Tên thủ tục", "Lĩnh vực"), procedures,
				(p, i) -> List.of(p.code(), p.name(), p.field()), Kpis.ProcedureFigures::figures);
	}

	static Table months(List<Kpis.MonthFigures> months) {
		return table("Theo tháng", List.of("Tháng"), months,
				(m, i) -> List.of("%02d/%d".formatted(m.month().getMonthValue(), m.month().getYear())),
				Kpis.MonthFigures::figures);
	}

	static Table late(List<Kpis.LateDossier> dossiers) {
		List<List<@Nullable Object>> rows = new ArrayList<>();
		for (Kpis.LateDossier d : dossiers) {
			rows.add(java.util.Arrays.asList(d.code(), d.procedureCode(), d.agencyCode(), local(d.receivedAt()),
					local(d.dueAt()), local(d.lateFrom()), local(d.endedAt()), d.status()));
		}
		return new Table("Hồ sơ trễ hạn", List.of("Mã hồ sơ", "Mã thủ tục", "Đơn vị giải quyết", "Tiếp nhận lúc",
				"Hạn giải quyết", "Trễ hạn từ", "Kết thúc lúc", "Trạng thái"), rows);
	}

	private static @Nullable LocalDateTime local(@Nullable Instant t) {
		return t == null ? null : LocalDateTime.ofInstant(t, Zones.VIETNAM);
	}

	private interface Leading<T> {
		List<Object> cells(T row, int index);
	}

	private static <T> Table table(String title, List<String> leading, List<T> items, Leading<T> cells,
			java.util.function.Function<T, KpiFigures> figures) {
		List<String> headers = new ArrayList<>(leading);
		headers.addAll(FIGURES);
		List<List<@Nullable Object>> rows = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			T item = items.get(i);
			KpiFigures f = figures.apply(item);
			List<@Nullable Object> row = new ArrayList<>(cells.cells(item, i));
			row.addAll(java.util.Arrays.asList(f.received(), f.receivedOnline(), f.onlineRate(), f.onTime(),
					f.onTimeRate(), f.feeDossiers(), f.paidOnline(), f.onlinePaymentRate(), f.digitizedRate(),
					f.electronicResultRate(), f.syncRate()));
			rows.add(row);
		}
		return new Table(title, headers, rows);
	}
}
