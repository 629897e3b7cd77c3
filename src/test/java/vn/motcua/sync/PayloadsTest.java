package vn.motcua.sync;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.Dossier.Component;
import vn.motcua.dossier.Dossier.ComponentKind;
import vn.motcua.dossier.DossierStatus;

import static org.assertj.core.api.Assertions.assertThat;

/** The national portal's objects against domain.md §2.8: field names, code lists, dates in Viet Nam's time. */
class PayloadsTest {

	private static final Instant SUBMITTED = Instant.parse("2026-12-06T16:30:00Z"); // 23:30 on the 6th in Viet Nam
	private static final Instant RECEIVED = Instant.parse("2026-12-07T01:00:00Z"); // 08:00 on the 7th
	private static final Instant DUE = Instant.parse("2026-12-14T10:00:00Z");

	private static Dossier dossier(Channel channel, Integer level, long fee, boolean paidOnline, List<Component> components,
			List<Dossier.Supplement> supplements, boolean digitized) {
		return new Dossier("000.00.20.H12-261207-0001", "1.001106", "Đăng ký khai sinh", 1, "01", "P_ANXUYEN", "TTPVHCC",
				DossierStatus.RECEIVED, channel, new Applicant("CITIZEN", "096188001234", "Nguyễn Văn An",
						java.time.LocalDate.of(1988, 1, 2), null, null, "0912345678", "an@example.vn", "Cà Mau"),
				"096188001234", level, SUBMITTED, RECEIVED, DUE, null, null, null, null, null, supplements, fee, fee,
				paidOnline, null, null, "MATCH", false, null, null, "IN_TIME", 1, Map.of(), components, digitized, false);
	}

	/** The portal's codes for the dossier's procedure, field and units (CodeMappings.of). */
	private static final CodeMappings.NationalCodes CODES = new CodeMappings.NationalCodes("1.001106", "G09-TP-HT",
			"Hộ tịch", "000.00.20.H12", "000.00.20.H12");

	@Test
	void theDossierCarriesThe766FieldsWithNationalCodesAndVietnamDates() {
		Instant at = RECEIVED;
		List<Component> components = List.of(
				new Component("TK", ComponentKind.FILE, UUID.randomUUID(), "to-khai.pdf", false, at, "x"),
				new Component("GCS", ComponentKind.FILE, UUID.randomUUID(), "giay-chung-sinh.pdf", true, at, "x"),
				new Component("CCCD", ComponentKind.DATA, null, null, false, at, "x"));
		Map<String, Object> p = Payloads.dossier(dossier(Channel.ONLINE, 2, 8000, true, components,
				List.of(new Dossier.Supplement(RECEIVED.plusSeconds(3600), null, "Thiếu bản sao", List.of("Bản sao CCCD"))),
				true), CODES, 2, 1);
		assertThat(p).containsEntry("MaHoSo", "000.00.20.H12-261207-0001").containsEntry("MaTTHC", "1.001106")
			.containsEntry("MaLinhVuc", "G09-TP-HT").containsEntry("TenLinhVuc", "Hộ tịch")
			.containsEntry("NoiNopHoSo", "000.00.20.H12")
			.containsEntry("TrangThaiHoSo", 2).containsEntry("KenhThucHien", "2").containsEntry("LoaiDoiTuong", "1")
			.containsEntry("MaDoiTuong", "096188001234").containsEntry("TaiKhoanDuocXacThucVoiVNeID", "1")
			.containsEntry("DuocThanhToanTrucTuyen", "1").containsEntry("HoSoCoThanhPhanSoHoa", "1")
			.containsEntry("NgayNopHoSo", "20261206233000").containsEntry("NgayTiepNhan", "20261207080000")
			.containsEntry("NgayHenTra", "20261214170000").containsEntry("DonViXuLy", "000.00.20.H12").containsEntry("sequence", 1);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> files = (List<Map<String, Object>>) p.get("TaiLieuNop");
		assertThat(files).extracting(f -> f.get("MaThanhPhanHoSo") + ":" + f.get("DuocSoHoa") + ":" + f.get("DuocTaiSuDung"))
			.containsExactly("TK:1:0", "GCS:1:1", "CCCD:1:1");
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> supplements = (List<Map<String, Object>>) p.get("DanhSachHoSoBoSung");
		assertThat(supplements).singleElement().satisfies(s -> assertThat(s).containsEntry("NgayBoSung", "20261207090000")
			.containsEntry("TrangThaiBoSung", "0").containsEntry("DanhSachGiayToBoSung", "Bản sao CCCD"));

		Map<String, Object> counter = Payloads.dossier(dossier(Channel.COUNTER, null, 8000, false,
				List.of(new Component("TK", ComponentKind.PAPER, null, null, false, at, "x")), List.of(), false), CODES, 2, 1);
		assertThat(counter).containsEntry("KenhThucHien", "1").containsEntry("TaiKhoanDuocXacThucVoiVNeID", "0")
			.containsEntry("DuocThanhToanTrucTuyen", "2").containsEntry("HoSoCoThanhPhanSoHoa", "0");
		Map<String, Object> free = Payloads.dossier(dossier(Channel.POSTAL, 1, 0, false, List.of(), List.of(), false), CODES, 2, 1);
		assertThat(free).containsEntry("KenhThucHien", "3").containsEntry("DuocThanhToanTrucTuyen", "0");
	}

	@Test
	void aStepSaysWhoDidWhatWhenWithTheStatusAndTheDeadline() {
		Map<String, Object> step = Payloads.step(dossier(Channel.COUNTER, null, 0, false, List.of(), List.of(), false),
				"000.00.20.H12", "FINISH", "leader", Instant.parse("2026-12-10T09:15:30Z"), 9, 4, List.of(new vn.motcua.dossier.DossierResults.Result(
						UUID.fromString("00000000-0000-0000-0000-000000000001"), "000.00.20.H12-261207-0001", "Giấy khai sinh",
						"SIGNED", Instant.parse("2026-12-10T09:15:29Z"), "UBND phường An Xuyên", "ab", "https://x/results/1",
						"kq.pdf")));
		assertThat(step).containsEntry("MaHoSo", "000.00.20.H12-261207-0001").containsEntry("NguoiXuLy", "leader")
			.containsEntry("ThoiDiemXuLy", "20261210161530").containsEntry("PhongBanXuLy", "000.00.20.H12")
			.containsEntry("NoiDungXuLy", "FINISH").containsEntry("TrangThai", 9).containsEntry("NgayBatDau", "20261207080000")
			.containsEntry("NgayKetThucTheoQuyDinh", "20261214170000").containsEntry("sequence", 4);
		assertThat(step.get("DanhSachGiayToKetQua").toString()).contains("MaGiayTo=00000000-0000-0000-0000-000000000001",
				"TenGiayTo=Giấy khai sinh", "NgayKy=20261210161529", "DuongDanTaiTepTin=https://x/results/1");
	}
}
