package vn.motcua.programme;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.document.DocumentStore;
import vn.motcua.platform.DemoSeed;
import vn.motcua.platform.PdfPage;

/**
 * Demo mode's programmes, made up and marked demo: Đề án 06 with 56 tasks across Cà Mau's units and the five groups
 * of utilities (some done on time, some late, some overdue, some open), Nghị quyết 57's 11 key tasks of this year,
 * the indicators with a year of values, a leadership roster whose S&T share sits just under 25%, two courses and
 * three of the province's models. Dates are relative to today, so the statuses stay meaningful.
 */
@Component
@Order(600)
class DemoProgrammes implements DemoSeed {

	private static final String[][] GROUPS = {
			{ "G1", "Nhóm 1: Phục vụ giải quyết thủ tục hành chính và cung cấp dịch vụ công trực tuyến" },
			{ "G2", "Nhóm 2: Phục vụ phát triển kinh tế, xã hội" },
			{ "G3", "Nhóm 3: Phục vụ phát triển công dân số" },
			{ "G4", "Nhóm 4: Hoàn thiện hệ sinh thái phục vụ kết nối, khai thác, bổ sung làm giàu dữ liệu dân cư" },
			{ "G5", "Nhóm 5: Phục vụ chỉ đạo, điều hành của lãnh đạo các cấp" } };

	/** Group, task, responsible unit, expected result, target and its unit. */
	private static final String[][] TASKS_06 = {
			{ "G1", "Kết nối hệ thống giải quyết TTHC tỉnh với Cơ sở dữ liệu quốc gia về dân cư", "VP_UBND", "Hệ thống khai thác được thông tin công dân khi tiếp nhận hồ sơ", "100", "%" },
			{ "G1", "Cắt giảm giấy tờ công dân nhờ khai thác dữ liệu dân cư tại Trung tâm Phục vụ hành chính công", "TTPVHCC", "Hồ sơ không yêu cầu bản sao CCCD, giấy xác nhận cư trú", "100", "%" },
			{ "G1", "Triển khai liên thông khai sinh - đăng ký thường trú - cấp thẻ BHYT cho trẻ dưới 6 tuổi", "STP", "Hồ sơ liên thông được giải quyết trực tuyến", "90", "%" },
			{ "G1", "Triển khai liên thông khai tử - xóa đăng ký thường trú - hưởng mai táng phí", "STP", "Hồ sơ liên thông được giải quyết trực tuyến", "90", "%" },
			{ "G1", "Số hóa hồ sơ, kết quả giải quyết TTHC tại Trung tâm Phục vụ hành chính công tỉnh", "TTPVHCC", "Hồ sơ tiếp nhận được số hóa", "100", "%" },
			{ "G1", "Số hóa hồ sơ, kết quả giải quyết TTHC tại UBND phường An Xuyên", "P_ANXUYEN", "Hồ sơ tiếp nhận được số hóa", "100", "%" },
			{ "G1", "Số hóa sổ hộ tịch giai đoạn 1999 - 2015", "STP", "Sổ hộ tịch được số hóa, cập nhật vào cơ sở dữ liệu", "80", "%" },
			{ "G1", "Cung cấp dịch vụ công trực tuyến toàn trình trong lĩnh vực xây dựng", "SXD", "Thủ tục đủ điều kiện được cung cấp toàn trình", "100", "%" },
			{ "G1", "Cung cấp dịch vụ công trực tuyến toàn trình trong lĩnh vực nông nghiệp và môi trường", "SNNMT", "Thủ tục đủ điều kiện được cung cấp toàn trình", "100", "%" },
			{ "G1", "Thanh toán trực tuyến nghĩa vụ tài chính trong giải quyết TTHC", "STC", "Hồ sơ có phí được thanh toán trực tuyến", "90", "%" },
			{ "G1", "Cấp bản sao điện tử kết quả giải quyết TTHC có ký số", "TTPVHCC", "Kết quả điện tử được ký số và lưu kho dữ liệu", "100", "%" },
			{ "G1", "Tái sử dụng giấy tờ đã số hóa trong kho dữ liệu công dân", "VP_UBND", "Hồ sơ tái sử dụng dữ liệu đã số hóa", "50", "%" },
			{ "G2", "Xác thực thông tin người lao động qua CSDL dân cư khi chi trả bảo hiểm thất nghiệp", "SNV", "Hồ sơ được xác thực qua CSDL dân cư", "100", "%" },
			{ "G2", "Chi trả an sinh xã hội không dùng tiền mặt qua tài khoản ngân hàng", "SNV", "Đối tượng được chi trả qua tài khoản", "90", "%" },
			{ "G2", "Khám chữa bệnh bằng căn cước công dân gắn chíp tại cơ sở y tế", "SYT", "Cơ sở khám chữa bệnh chấp nhận CCCD thay thẻ BHYT", "100", "%" },
			{ "G2", "Triển khai sổ sức khỏe điện tử trên ứng dụng VNeID", "SYT", "Người dân có sổ sức khỏe điện tử", "80", "%" },
			{ "G2", "Xác thực người mua hàng hóa, dịch vụ viễn thông qua CSDL dân cư", "SCT", "Thuê bao được xác thực chính chủ", "100", "%" },
			{ "G2", "Ứng dụng CCCD gắn chíp trong thủ tục ngân hàng trên địa bàn", "STC", "Giao dịch ngân hàng xác thực bằng CCCD", "70", "%" },
			{ "G2", "Truy xuất nguồn gốc tôm nuôi gắn với định danh hộ nuôi", "SNNMT", "Hộ nuôi tôm được định danh trên hệ thống truy xuất", "60", "%" },
			{ "G2", "Cấp phiếu lý lịch tư pháp qua ứng dụng VNeID", "STP", "Phiếu lý lịch tư pháp cấp trực tuyến", "80", "%" },
			{ "G2", "Thu thập, làm sạch dữ liệu hộ kinh doanh gắn với mã số thuế cá nhân", "STC", "Hộ kinh doanh có dữ liệu đúng, đủ, sạch", "90", "%" },
			{ "G2", "Ứng dụng định danh điện tử trong quản lý lưu trú cơ sở du lịch", "SVHTTDL", "Cơ sở lưu trú khai báo qua ứng dụng", "90", "%" },
			{ "G3", "Kích hoạt tài khoản định danh điện tử mức 2 cho công dân từ 14 tuổi", "CA_TINH", "Công dân đủ điều kiện kích hoạt tài khoản mức 2", "80", "%" },
			{ "G3", "Tuyên truyền, hướng dẫn người dân sử dụng ứng dụng VNeID tại phường An Xuyên", "P_ANXUYEN", "Hộ gia đình được hướng dẫn", "100", "%" },
			{ "G3", "Tổ công nghệ số cộng đồng hỗ trợ người dân nộp hồ sơ trực tuyến", "SKHCN", "Xã, phường có tổ công nghệ số hoạt động", "100", "%" },
			{ "G3", "Bình dân học vụ số cho cán bộ, công chức và người dân", "SKHCN", "Cán bộ, công chức hoàn thành khóa học kỹ năng số", "90", "%" },
			{ "G3", "Tích hợp tài khoản VNeID đăng nhập Cổng dịch vụ công tỉnh", "VP_UBND", "Tài khoản đăng nhập bằng VNeID", "100", "%" },
			{ "G3", "Cấp chữ ký số cá nhân miễn phí cho người dân", "SKHCN", "Người dân có chữ ký số cá nhân", "30", "%" },
			{ "G3", "Hỗ trợ học sinh THPT kích hoạt định danh điện tử", "SGDDT", "Học sinh THPT có tài khoản mức 2", "95", "%" },
			{ "G3", "Thu phí, lệ phí không dùng tiền mặt tại bộ phận một cửa cấp xã", "P_ANXUYEN", "Khoản thu không dùng tiền mặt", "90", "%" },
			{ "G3", "Hướng dẫn người cao tuổi sử dụng dịch vụ công trực tuyến", "SNV", "Người cao tuổi được hướng dẫn", "50", "%" },
			{ "G4", "Làm sạch dữ liệu hộ tịch, đồng bộ với CSDL dân cư", "STP", "Dữ liệu hộ tịch đủ điều kiện được làm sạch, đồng bộ", "80", "%" },
			{ "G4", "Làm sạch dữ liệu người có công, bảo trợ xã hội", "SNV", "Dữ liệu đủ điều kiện được làm sạch", "80", "%" },
			{ "G4", "Làm sạch dữ liệu đất đai, kết nối với CSDL dân cư", "SNNMT", "Thửa đất có thông tin chủ sử dụng được xác thực", "70", "%" },
			{ "G4", "Làm sạch dữ liệu giáo dục, đồng bộ mã định danh học sinh", "SGDDT", "Học sinh có mã định danh khớp CSDL dân cư", "98", "%" },
			{ "G4", "Làm sạch dữ liệu bảo hiểm y tế, đồng bộ số định danh", "SYT", "Thẻ BHYT gắn số định danh cá nhân", "95", "%" },
			{ "G4", "Xây dựng kho dữ liệu dùng chung của tỉnh", "SKHCN", "Kho dữ liệu vận hành, kết nối LGSP", "1", "hệ thống" },
			{ "G4", "Kết nối nền tảng tích hợp, chia sẻ dữ liệu tỉnh (LGSP) với NDXP", "SKHCN", "Các hệ thống của tỉnh trao đổi qua LGSP", "100", "%" },
			{ "G4", "Cập nhật dữ liệu dân cư phát sinh tại phường An Xuyên", "P_ANXUYEN", "Biến động dân cư được cập nhật trong ngày", "100", "%" },
			{ "G4", "Chuẩn hóa danh mục mã đơn vị hành chính sau sắp xếp", "SNV", "Danh mục mã ĐVHC thống nhất trên các hệ thống", "100", "%" },
			{ "G4", "Làm sạch dữ liệu doanh nghiệp, hộ kinh doanh trên CSDL đăng ký doanh nghiệp", "STC", "Doanh nghiệp có dữ liệu đúng, đủ, sạch", "90", "%" },
			{ "G4", "Số hóa dữ liệu hồ sơ cấp phép xây dựng", "SXD", "Giấy phép xây dựng được số hóa", "100", "%" },
			{ "G4", "Đồng bộ dữ liệu dân tộc, tôn giáo với CSDL dân cư", "SDTTG", "Dữ liệu được đối soát, đồng bộ", "80", "%" },
			{ "G5", "Xây dựng Trung tâm giám sát, điều hành thông minh (IOC) của tỉnh", "SKHCN", "IOC hiển thị chỉ số dân cư, TTHC, kinh tế - xã hội", "1", "hệ thống" },
			{ "G5", "Bảng điều hành chỉ số phục vụ người dân, doanh nghiệp theo Quyết định 766", "VP_UBND", "Chỉ số được cập nhật theo thời gian thực", "100", "%" },
			{ "G5", "Báo cáo định kỳ tiến độ Đề án 06 trên hệ thống", "CA_TINH", "Báo cáo tháng được cập nhật đúng hạn", "12", "báo cáo" },
			{ "G5", "Họp không giấy của UBND tỉnh", "VP_UBND", "Phiên họp không dùng tài liệu giấy", "100", "%" },
			{ "G5", "Văn bản điện tử có ký số giữa các cơ quan nhà nước", "VP_UBND", "Văn bản đi được ký số", "95", "%" },
			{ "G5", "Bảo đảm an toàn thông tin cho hệ thống thông tin cấp độ 3", "CA_TINH", "Hệ thống được phê duyệt cấp độ, kiểm tra định kỳ", "100", "%" },
			{ "G5", "Giám sát an ninh mạng hệ thống giải quyết TTHC", "CA_TINH", "Sự cố được phát hiện, xử lý trong ngày", "100", "%" },
			{ "G5", "Đánh giá chỉ số chuyển đổi số các sở, ngành", "SKHCN", "Sở, ngành được đánh giá", "100", "%" },
			{ "G5", "Số hóa báo cáo kinh tế - xã hội hàng tháng", "STC", "Báo cáo được lập trên hệ thống", "12", "báo cáo" },
			{ "G5", "Theo dõi nhiệm vụ UBND tỉnh giao trên hệ thống", "VP_UBND", "Nhiệm vụ được giao, theo dõi trên hệ thống", "100", "%" },
			{ "G5", "Bản đồ số quy hoạch xây dựng phục vụ điều hành", "SXD", "Đồ án quy hoạch được số hóa lên bản đồ", "100", "%" },
			{ "G5", "Dashboard giám sát dữ liệu thủy sản phục vụ chỉ đạo sản xuất", "SNNMT", "Dữ liệu vùng nuôi cập nhật hàng tháng", "12", "kỳ" },
			{ "G5", "Tổng kết, đánh giá kết quả Đề án 06 giai đoạn 2022 - 2025", "CA_TINH", "Báo cáo tổng kết trình UBND tỉnh", "1", "báo cáo" } };

	/** Nghị quyết 57's key tasks of the year: task, responsible unit, expected result, target, its unit, month due. */
	private static final String[][] TASKS_57 = {
			{ "Ban hành kế hoạch thực hiện Nghị quyết 57 năm nay", "SKHCN", "Kế hoạch được UBND tỉnh ban hành", "1", "kế hoạch", "2" },
			{ "Bố trí tối thiểu 3% tổng chi ngân sách cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số", "STC", "Tỷ lệ chi ngân sách", "3", "%", "6" },
			{ "Bảo đảm tối thiểu 25% lãnh đạo cơ quan có chuyên môn về khoa học, công nghệ", "SNV", "Lãnh đạo có chuyên môn khoa học, công nghệ", "25", "%", "12" },
			{ "Đào tạo nguồn nhân lực chất lượng cao về công nghệ số", "SNV", "Cán bộ, công chức được đào tạo", "500", "người", "11" },
			{ "Phát triển hạ tầng số: phủ sóng 5G các khu đô thị, khu công nghiệp", "SKHCN", "Khu đô thị, khu công nghiệp có sóng 5G", "100", "%", "10" },
			{ "Cung cấp 100% thủ tục đủ điều kiện dưới dạng dịch vụ công trực tuyến toàn trình", "VP_UBND", "Thủ tục toàn trình", "100", "%", "9" },
			{ "Nhân rộng mô hình nuôi tôm siêu thâm canh tuần hoàn ứng dụng công nghệ cao", "SNNMT", "Diện tích nuôi ứng dụng công nghệ cao", "2000", "ha", "12" },
			{ "Thành lập Trung tâm đổi mới sáng tạo tỉnh", "SKHCN", "Trung tâm đi vào hoạt động", "1", "trung tâm", "12" },
			{ "Nâng tỷ trọng kinh tế số trong GRDP", "STC", "Tỷ trọng kinh tế số", "20", "%", "12" },
			{ "Triển khai nền tảng học tập số cho học sinh phổ thông", "SGDDT", "Trường phổ thông dùng nền tảng", "100", "%", "8" },
			{ "Đánh giá, công nhận sáng kiến đổi mới sáng tạo trong khu vực công", "SNV", "Sáng kiến được công nhận", "30", "sáng kiến", "11" } };

	private final JdbcClient jdbc;
	private final TransactionTemplate tx;
	private final Programmes programmes;
	private final DocumentStore documents;

	DemoProgrammes(JdbcClient jdbc, TransactionTemplate tx, Programmes programmes, DocumentStore documents) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.programmes = programmes;
		this.documents = documents;
	}

	@Override
	public void seed() {
		if (jdbc.sql("select exists (select 1 from programme where code = 'DE_AN_06')").query(Boolean.class).single()) {
			return;
		}
		tx.executeWithoutResult(s -> {
			LocalDate today = programmes.today();
			byte[] evidence = evidencePdf();
			programmes(today);
			Random random = new Random(6);
			for (int i = 0; i < TASKS_06.length; i++) {
				String[] t = TASKS_06[i];
				// 22 done on time, 8 done late, 8 overdue, 5 due soon, 8 on track, 5 not started
				String fate = i % 7 == 3 ? "LATE" : i % 7 == 5 ? "OVERDUE" : "";
				task("DE_AN_06", String.format("06-%02d", i + 1), t[0], t[1], t[2], t[3], t[4], t[5], i, fate, today,
						random, evidence);
			}
			for (int i = 0; i < TASKS_57.length; i++) {
				String[] t = TASKS_57[i];
				LocalDate deadline = LocalDate.of(today.getYear(), Integer.parseInt(t[5]), 1).plusMonths(1).minusDays(1);
				long id = insert("NQ_57", String.format("57-%02d", i + 1), null, t[0], t[1], t[2], t[3], t[4],
						LocalDate.of(today.getYear(), 1, 15), deadline, i);
				if (deadline.isBefore(today)) {
					boolean late = i % 3 == 1;
					done(id, late ? deadline.plusDays(12) : deadline.minusDays(5), today, evidence);
				}
				else if (i % 2 == 0) {
					report(id, today.minusDays(10), 40 + 5 * i, null, null, today);
				}
			}
			indicators(today, random);
			roster();
			training(today);
			initiatives();
		});
	}

	private void programmes(LocalDate today) {
		jdbc.sql("insert into programme (code, name, description, demo) values (?, ?, ?, true)")
			.params("DE_AN_06", "Đề án 06",
					"Phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia"
							+ " (Quyết định 06/QĐ-TTg) — kế hoạch triển khai của tỉnh (dữ liệu mẫu)")
			.update();
		for (int i = 0; i < GROUPS.length; i++) {
			jdbc.sql("insert into programme_group (programme_code, code, name, position) values ('DE_AN_06', ?, ?, ?)")
				.params(GROUPS[i][0], GROUPS[i][1], i)
				.update();
		}
		jdbc.sql("insert into programme (code, name, description, demo) values (?, ?, ?, true)")
			.params("NQ_57", "Nghị quyết 57",
					"Đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số — 11 nhiệm vụ trọng tâm năm "
							+ today.getYear() + " (dữ liệu mẫu)")
			.update();
	}

	private void task(String programme, String code, String group, String title, String unit, String expected,
			String target, String measure, int i, String fate, LocalDate today, Random random, byte[] evidence) {
		LocalDate start = today.minusDays(420 - i * 3L);
		LocalDate deadline;
		switch (fate) {
			case "LATE" -> deadline = today.minusDays(40 + random.nextInt(150));
			case "OVERDUE" -> deadline = today.minusDays(3 + random.nextInt(50));
			default -> deadline = i < 30 ? today.minusDays(20 + random.nextInt(300))
					: i < 36 ? today.plusDays(1 + random.nextInt(7)) : today.plusDays(20 + random.nextInt(200));
		}
		long id = insert(programme, code, group, title, unit, expected, target, measure, start, deadline, i);
		if ("LATE".equals(fate)) {
			done(id, deadline.plusDays(5 + random.nextInt(30)), today, evidence);
		}
		else if ("OVERDUE".equals(fate)) {
			report(id, deadline.minusDays(20), 30 + random.nextInt(50), null, "Đang chờ kinh phí triển khai", today);
		}
		else if (deadline.isBefore(today)) {
			done(id, deadline.minusDays(random.nextInt(20)), today, evidence);
		}
		else if (i % 3 != 0) {
			report(id, today.minusDays(5 + random.nextInt(30)), 20 + random.nextInt(60), null, "Đang triển khai", today);
		}
	}

	private long insert(String programme, String code, String group, String title, String unit, String expected,
			String target, String measure, LocalDate start, LocalDate deadline, int i) {
		String[] owners = { "leader", "leader.stp", "specialist", "specialist.stp", "specialist.snnmt", "officer",
				"province", "leader.qlxd", "officer.anxuyen" };
		String owner = switch (unit) {
			case "SXD" -> "leader";
			case "STP" -> i % 2 == 0 ? "leader.stp" : "specialist.stp";
			case "SNNMT" -> "specialist.snnmt";
			case "TTPVHCC" -> "officer";
			case "P_ANXUYEN" -> "officer.anxuyen";
			default -> owners[i % owners.length];
		};
		return programmes.insert(new Programmes.NewTask(programme, code, group, title, owner, unit,
				unit.equals("VP_UBND") ? List.of("SKHCN") : List.of(), start, deadline, expected + " (≥ " + target + " "
						+ measure + ")", new BigDecimal(target), measure), "system", true);
	}

	private void done(long id, LocalDate on, LocalDate today, byte[] evidence) {
		LocalDate day = on.isAfter(today) ? today : on;
		UUID doc = documents.store(Programmes.EVIDENCE_OWNER, Long.toString(id), "evidence", "bao-cao-ket-qua.pdf",
				new ByteArrayInputStream(evidence), "system").id();
		jdbc.sql("""
				insert into programme_report (task_id, at, reported_by, progress_percent, note, done, evidence)
				values (?, ?, 'system', 100, 'Đã hoàn thành (dữ liệu mẫu)', true, ?)""")
			.params(id, Timestamp.from(day.atTime(16, 0).toInstant(ZoneOffset.ofHours(7))), new UUID[] { doc })
			.update();
		jdbc.sql("update programme_task set progress_percent = 100, done_at = ?, last_report_at = ? where id = ?")
			.params(day, Timestamp.from(day.atTime(16, 0).toInstant(ZoneOffset.ofHours(7))), id)
			.update();
	}

	private void report(long id, LocalDate on, int percent, BigDecimal value, String note, LocalDate today) {
		LocalDate day = on.isAfter(today) ? today : on;
		Timestamp at = Timestamp.from(day.atTime(9, 30).toInstant(ZoneOffset.ofHours(7)));
		jdbc.sql("""
				insert into programme_report (task_id, at, reported_by, progress_percent, value, note, done)
				values (?, ?, 'system', ?, ?, ?, false)""")
			.params(id, at, Math.min(95, percent), value, note)
			.update();
		jdbc.sql("update programme_task set progress_percent = ?, last_report_at = ? where id = ?")
			.params(Math.min(95, percent), at, id)
			.update();
	}

	private void indicators(LocalDate today, Random random) {
		Object[][] rows = { { "DA06_VNEID_L2", "DE_AN_06", "Tỷ lệ công dân từ 14 tuổi kích hoạt định danh điện tử mức 2", 80, "REPORTED", 61.0, 2.2 },
				{ "DA06_POPULATION_DATA", "DE_AN_06", "Tỷ lệ hồ sơ TTHC khai thác dữ liệu dân cư", 90, "REPORTED", 71.0, 1.9 },
				{ "DA06_ONLINE_PAYMENT", "DE_AN_06", "Tỷ lệ hồ sơ có phí được thanh toán trực tuyến", 90, "REPORTED", 88.0, 0.95 },
				{ Leadership.INDICATOR, "NQ_57", "Tỷ lệ lãnh đạo cơ quan có chuyên môn khoa học, công nghệ", 25, "LEADERSHIP_ROSTER", 19.0, 0.45 },
				{ "NQ57_FULL_ONLINE", "NQ_57", "Tỷ lệ thủ tục cung cấp dịch vụ công trực tuyến toàn trình", 80, "REPORTED", 58.0, 1.8 },
				{ "NQ57_DIGITAL_ECONOMY", "NQ_57", "Tỷ trọng kinh tế số trong GRDP", 20, "REPORTED", 11.5, 0.3 } };
		for (int i = 0; i < rows.length; i++) {
			Object[] r = rows[i];
			jdbc.sql("insert into programme_indicator (code, programme_code, name, target, source, position)"
					+ " values (?, ?, ?, ?, ?, ?)")
				.params(r[0], r[1], r[2], r[3], r[4], i)
				.update();
			double v = (Double) r[5];
			for (int m = 11; m >= 0; m--) {
				v = Math.min(100, v + (Double) r[6] * (0.6 + random.nextDouble() * 0.8));
				jdbc.sql("""
						insert into programme_indicator_value (indicator_code, period, unit_code, value, recorded_by, recorded_at)
						values (?, ?, '', ?, 'system', now())""")
					.params(r[0], today.withDayOfMonth(1).minusMonths(m),
							BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_UP))
					.update();
			}
		}
	}

	/** 41 leaders of 14 units, 10 with S&T expertise: 24,39 %, just under the target. */
	private void roster() {
		String[] units = { "UBND_CM", "VP_UBND", "SKHCN", "STC", "SNV", "STP", "SXD", "SNNMT", "SYT", "SGDDT", "SCT",
				"SVHTTDL", "CA_TINH", "P_ANXUYEN" };
		String[] families = { "Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương" };
		String[] middles = { "Văn", "Thị", "Minh", "Thanh", "Quốc", "Hoàng", "Ngọc", "Hữu" };
		String[] givens = { "An", "Bình", "Cường", "Dũng", "Hạnh", "Hùng", "Khánh", "Linh", "Lợi", "Nam", "Phúc", "Quân",
				"Sơn", "Tâm", "Thảo", "Trung", "Tuấn", "Vân", "Xuân", "Yến" };
		List<Object[]> leaders = new ArrayList<>();
		for (int i = 0; i < 41; i++) {
			String unit = units[i % units.length];
			boolean head = i < units.length;
			boolean expertise = i % 4 == 1 && leaders.stream().filter(l -> (Boolean) l[4]).count() < 10;
			leaders.add(new Object[] { unit,
					families[i % families.length] + " " + middles[(i * 3) % middles.length] + " " + givens[(i * 7) % givens.length],
					head ? (unit.equals("UBND_CM") ? "Chủ tịch" : unit.startsWith("P_") ? "Chủ tịch UBND phường" : "Giám đốc")
							: (unit.equals("UBND_CM") ? "Phó Chủ tịch" : unit.startsWith("P_") ? "Phó Chủ tịch UBND phường" : "Phó Giám đốc"),
					expertise ? "Thạc sĩ Công nghệ thông tin" : i % 3 == 0 ? "Thạc sĩ Quản lý công" : "Cử nhân Luật",
					expertise, expertise || i % 5 == 0 });
		}
		for (Object[] l : leaders) {
			jdbc.sql("""
					insert into leadership_roster (unit_code, full_name, position, qualifications, st_expertise,
					  st_training_completed, imported_at, imported_by, demo)
					values (?, ?, ?, ?, ?, ?, now(), 'system', true)""")
				.params(l)
				.update();
		}
	}

	private void training(LocalDate today) {
		long a = jdbc.sql("""
				insert into training_course (title, organiser, starts_on, ends_on, demo)
				values ('Bồi dưỡng kiến thức chuyển đổi số cho lãnh đạo sở, ngành', 'Sở Khoa học và Công nghệ', ?, ?, true)
				returning id""").params(today.minusDays(120), today.minusDays(116)).query(Long.class).single();
		long b = jdbc.sql("""
				insert into training_course (title, organiser, starts_on, ends_on, demo)
				values ('Kỹ năng khai thác dữ liệu dân cư trong giải quyết TTHC', 'Công an tỉnh', ?, ?, true)
				returning id""").params(today.minusDays(45), today.minusDays(44)).query(Long.class).single();
		String[][] who = { { "Nguyễn Văn An", "SKHCN", "true" }, { "Trần Minh Bình", "STC", "true" },
				{ "Lê Thanh Cường", "SNV", "false" }, { "Phạm Quốc Dũng", "STP", "true" } };
		for (String[] w : who) {
			jdbc.sql("insert into training_attendance (course_id, full_name, unit_code, completed) values (?, ?, ?, ?)")
				.params(a, w[0], w[1], Boolean.parseBoolean(w[2]))
				.update();
		}
		for (String[] w : new String[][] { { "Nguyễn Thị Mai", "TTPVHCC" }, { "Võ Thị Hồng", "P_ANXUYEN" } }) {
			jdbc.sql("insert into training_attendance (course_id, full_name, unit_code, completed) values (?, ?, ?, true)")
				.params(b, w[0], w[1])
				.update();
		}
	}

	private void initiatives() {
		String[][] models = {
				{ "DE_AN_06", "Đại hội không giấy", "province", "VP_UBND",
						"Tài liệu đại hội, biểu quyết và điểm danh trên thiết bị số; đại biểu xác thực bằng CCCD gắn chíp.",
						"Giảm 100% tài liệu giấy; 100% đại biểu điểm danh bằng CCCD" },
				{ "NQ_57", "Nuôi tôm siêu thâm canh tuần hoàn", "specialist.snnmt", "SNNMT",
						"Mô hình nuôi tôm siêu thâm canh tuần hoàn nước, cảm biến môi trường và nhật ký điện tử gắn định danh hộ nuôi.",
						"Năng suất ≥ 40 tấn/ha/vụ; 100% hộ nuôi có nhật ký điện tử" },
				{ "NQ_57", "Bình dân học vụ số", "admin", "SKHCN",
						"Phổ cập kỹ năng số cơ bản cho người dân và cán bộ qua nền tảng học trực tuyến và tổ công nghệ số cộng đồng.",
						"≥ 90% cán bộ, công chức hoàn thành khóa học" } };
		for (String[] m : models) {
			jdbc.sql("""
					insert into programme_initiative (programme_code, name, owner_username, unit_code, description, indicators,
					  created_at, demo) values (?, ?, ?, ?, ?, ?, now(), true)""")
				.params((Object[]) m)
				.update();
		}
	}

	private static byte[] evidencePdf() {
		try (PdfPage pdf = new PdfPage()) {
			pdf.header("UBND TỈNH CÀ MAU", "Tổ công tác Đề án 06", "Cà Mau");
			pdf.title("BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ");
			pdf.paragraph("Dữ liệu mẫu của bản trình diễn: minh chứng hoàn thành nhiệm vụ.");
			return pdf.bytes();
		}
	}
}
