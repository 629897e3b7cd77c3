package vn.motcua.programme;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import jakarta.servlet.http.HttpServletResponse;
import vn.motcua.identity.Caller;
import vn.motcua.identity.StaffAccounts;
import vn.motcua.organization.Agencies;
import vn.motcua.organization.Agency;
import vn.motcua.platform.InvalidParameter;
import vn.motcua.platform.PdfPage;
import vn.motcua.platform.Table;
import vn.motcua.platform.Text;
import vn.motcua.platform.VietnamNumbers;
import vn.motcua.platform.Zones;

/**
 * The periodic report leaders send up (báo cáo định kỳ), instead of the spreadsheet by e-mail: the counts by status
 * and the two rates, every task with its owner, unit, deadline and progress, the overdue ones, the indicators against
 * their targets, the share of leaders with S&T expertise and the models cited. As XLSX (one sheet of tasks) or as a
 * PDF in the legal forms' font.
 */
@Service
public class ProgrammeReports {

	private final Programmes programmes;
	private final Indicators indicators;
	private final Leadership leadership;
	private final Agencies agencies;
	private final StaffAccounts staff;
	private final String province;

	ProgrammeReports(Programmes programmes, Indicators indicators, Leadership leadership, Agencies agencies,
			StaffAccounts staff, @Value("${motcua.province-name:Cà Mau}") String province) {
		this.programmes = programmes;
		this.indicators = indicators;
		this.leadership = leadership;
		this.agencies = agencies;
		this.staff = staff;
		this.province = province;
	}

	public void send(@Nullable String programme, @Nullable String unit, String format, Caller caller,
			HttpServletResponse response) throws IOException {
		String f = format.toLowerCase(Locale.ROOT);
		if (!f.equals("xlsx") && !f.equals("pdf")) {
			throw new InvalidParameter("format", "Định dạng báo cáo chỉ có thể là xlsx hoặc pdf.");
		}
		List<ProgrammeTask> tasks = programmes.list(new Programmes.TaskQuery(programme, unit, null, null, 0, 5000),
				caller).items();
		String name = "bao-cao-" + (programme == null ? "nhiem-vu" : programme.toLowerCase(Locale.ROOT)) + "-"
				+ programmes.today();
		if (f.equals("xlsx")) {
			table(tasks).send(Table.Format.XLSX, name, response);
			return;
		}
		byte[] pdf = pdf(programme, unit, tasks, caller);
		response.setContentType("application/pdf");
		response.setHeader("Content-Disposition", "attachment; filename=\"" + name + ".pdf\"");
		response.setContentLength(pdf.length);
		response.getOutputStream().write(pdf);
	}

	Table table(List<ProgrammeTask> tasks) {
		List<List<@Nullable Object>> rows = new ArrayList<>();
		for (ProgrammeTask t : tasks) {
			List<@Nullable Object> row = new ArrayList<>();
			row.add(t.programme());
			row.add(t.code());
			row.add(t.group());
			row.add(t.title());
			row.add(unitName(t.unitCode()));
			row.add(String.join("; ", t.partnerUnitCodes().stream().map(this::unitName).toList()));
			row.add(person(t.ownerUsername()));
			row.add(t.startDate());
			row.add(t.deadline());
			row.add(t.expectedResult());
			row.add(t.targetValue());
			row.add(t.targetUnit());
			row.add((long) t.progressPercent());
			row.add(t.currentValue());
			row.add(label(t.status()));
			row.add(t.doneAt());
			rows.add(row);
		}
		return new Table("Nhiệm vụ", List.of("Chương trình", "Mã nhiệm vụ", "Nhóm", "Nhiệm vụ", "Đơn vị chủ trì",
				"Đơn vị phối hợp", "Người chủ trì", "Ngày bắt đầu", "Thời hạn", "Kết quả", "Chỉ tiêu", "Đơn vị tính",
				"Tiến độ (%)", "Giá trị đạt", "Tình trạng", "Ngày hoàn thành"), rows);
	}

	private byte[] pdf(@Nullable String programme, @Nullable String unit, List<ProgrammeTask> tasks, Caller caller) {
		Programmes.Summary s = Programmes.Summary.of(tasks);
		VietnamNumbers numbers = new VietnamNumbers();
		String title = programmes.programmes().stream().filter(p -> p.code().equals(programme)).findFirst()
			.map(Programmes.Programme::name).orElse("các chương trình");
		try (PdfPage pdf = new PdfPage(true)) {
			java.time.LocalDate today = programmes.today();
			pdf.header("UBND tỉnh " + province, unit == null ? "Tổ công tác chuyển đổi số" : unitName(unit),
					new Text("form.place-date", province, String.format("%02d", today.getDayOfMonth()),
							String.format("%02d", today.getMonthValue()), Integer.toString(today.getYear())).vietnamese());
			pdf.title("BÁO CÁO TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ " + title.toUpperCase(Locale.forLanguageTag("vi")));
			pdf.subtitle("Số liệu đến ngày " + Zones.DAY.format(today)
					+ (unit == null ? "" : " - " + unitName(unit) + " và các đơn vị trực thuộc"));
			pdf.field("Tổng số nhiệm vụ", Long.toString(s.total()));
			pdf.field("Hoàn thành đúng hạn / quá hạn", s.doneOnTime() + " / " + s.doneLate());
			pdf.field("Quá hạn chưa hoàn thành", Long.toString(s.overdue()));
			pdf.field("Sắp đến hạn / đang thực hiện / chưa thực hiện", s.dueSoon() + " / " + s.onTrack() + " / "
					+ s.notStarted());
			pdf.field("Tỷ lệ hoàn thành", percent(numbers, s.completionRate()));
			pdf.field("Tỷ lệ hoàn thành đúng hạn", percent(numbers, s.onTimeRate()));
			List<ProgrammeTask> overdue = tasks.stream().filter(t -> t.status() == TaskStatus.OVERDUE).toList();
			if (!overdue.isEmpty()) {
				pdf.paragraph("Nhiệm vụ quá hạn chưa hoàn thành:");
				pdf.table(List.of("Mã", "Nhiệm vụ", "Đơn vị chủ trì", "Người chủ trì", "Thời hạn", "Tiến độ"),
						new float[] { 0.07f, 0.43f, 0.17f, 0.17f, 0.08f, 0.08f },
						overdue.stream().map(t -> List.of(t.code(), t.title(), unitName(t.unitCode()),
								person(t.ownerUsername()), Zones.DAY.format(t.deadline()), t.progressPercent() + " %"))
							.toList());
			}
			pdf.paragraph("Danh sách nhiệm vụ:");
			pdf.table(List.of("Mã", "Nhiệm vụ", "Đơn vị chủ trì", "Người chủ trì", "Thời hạn", "Kết quả", "Tiến độ",
					"Tình trạng"), new float[] { 0.06f, 0.3f, 0.13f, 0.13f, 0.08f, 0.14f, 0.06f, 0.1f },
					tasks.stream().map(t -> List.of(t.code(), t.title(), unitName(t.unitCode()), person(t.ownerUsername()),
							Zones.DAY.format(t.deadline()), t.expectedResult(), t.progressPercent() + " %", label(t.status())))
						.toList());
			List<Indicators.Indicator> list = indicators.list(programme, caller);
			if (!list.isEmpty()) {
				pdf.paragraph("Chỉ tiêu:");
				pdf.table(List.of("Chỉ tiêu", "Mục tiêu", "Đạt được", "Đánh giá"), new float[] { 0.55f, 0.15f, 0.15f, 0.15f },
						list.stream().map(i -> List.of(i.name(), (i.direction().equals("AT_MOST") ? "≤ " : "≥ ")
								+ numbers.decimal(i.target()) + " " + i.measure(),
								i.latest() == null ? "" : numbers.decimal(i.latest()) + " " + i.measure(),
								i.meetsTarget() == null ? "" : i.meetsTarget() ? "Đạt" : "Chưa đạt")).toList());
			}
			Leadership.Share share = leadership.shares(caller).get(0);
			pdf.field("Lãnh đạo có chuyên môn khoa học, công nghệ", share.withExpertise() + "/" + share.leaders() + " ("
					+ percent(numbers, share.rate()) + "; mục tiêu ≥ " + numbers.decimal(Leadership.TARGET) + " %)");
			List<Indicators.Initiative> models = indicators.initiatives(programme, caller);
			if (!models.isEmpty()) {
				pdf.paragraph("Mô hình tiêu biểu:");
				pdf.table(List.of("Mô hình", "Đơn vị", "Kết quả, chỉ số"), new float[] { 0.3f, 0.25f, 0.45f },
						models.stream().map(m -> List.of(m.name(), unitName(m.unitCode()), String.valueOf(m.indicators())))
							.toList());
			}
			pdf.signatures("", "", "NGƯỜI LẬP BÁO CÁO", "(Ký và ghi rõ họ tên)");
			return pdf.bytes();
		}
	}

	private static String percent(VietnamNumbers numbers, @Nullable BigDecimal rate) {
		return rate == null ? "—" : numbers.percent(rate);
	}

	private String unitName(String code) {
		return agencies.find(code).map(Agency::name).orElse(code);
	}

	private String person(String username) {
		return staff.find(username).map(a -> a.fullName()).orElse(username);
	}

	static String label(TaskStatus s) {
		return new Text("programme.status." + s.name()).vietnamese();
	}
}
