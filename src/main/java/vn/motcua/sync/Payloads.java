package vn.motcua.sync;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import vn.motcua.dossier.Dossier;
import vn.motcua.platform.Zones;

/**
 * The national portal's objects (docs/adr/0012; the field names of its service API): the dossier for
 * {@code DongBoHoSoMC} with the fields Decision 766 scores, and a processing step for {@code CapNhatTienDoHoSoMC}.
 * Dates are {@code yyyyMMddHHmmss} in Asia/Ho_Chi_Minh.
 */
final class Payloads {

	static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(Zones.VIETNAM);

	private Payloads() {
	}

	static @Nullable String date(@Nullable Instant at) {
		return at == null ? null : DATE.format(at);
	}

	/** DongBoHoSoMC's dossier object. */
	static Map<String, @Nullable Object> dossier(Dossier d, CodeMappings.NationalCodes codes, int nationalStatus,
			int sequence) {
		Map<String, @Nullable Object> m = new LinkedHashMap<>();
		m.put("MaHoSo", d.code());
		m.put("MaTTHC", codes.procedure());
		m.put("TenTTHC", d.procedureName());
		m.put("MaLinhVuc", codes.fieldCode());
		m.put("TenLinhVuc", codes.fieldName());
		m.put("SoBienNhan", d.code());
		boolean business = "BUSINESS".equals(d.applicant().type());
		m.put("ChuHoSo", business && d.applicant().businessName() != null ? d.applicant().businessName() : d.applicant().fullName());
		m.put("LoaiDoiTuong", business ? "2" : "1");
		m.put("MaDoiTuong", business ? d.applicant().taxCode() : d.applicant().idNumber());
		m.put("LoaiDinhDanh", "1");
		m.put("SoDinhDanh", d.applicant().idNumber());
		m.put("Email", d.applicant().email());
		m.put("SoDienThoai", d.applicant().phone());
		m.put("TrichYeuHoSo", d.procedureName());
		m.put("NgayNopHoSo", date(d.submittedAt()));
		m.put("NgayTiepNhan", date(d.receivedAt()));
		m.put("NgayHenTra", date(d.extendedDueAt() != null ? d.extendedDueAt() : d.dueAt()));
		m.put("TrangThaiHoSo", nationalStatus);
		m.put("NgayTra", date(d.returnedAt()));
		m.put("NgayKetThucXuLy", date(d.finishedAt()));
		m.put("DonViXuLy", codes.agency());
		m.put("NoiNopHoSo", codes.receivingUnit());
		m.put("KenhThucHien", String.valueOf(d.channel().nationalCode()));
		m.put("HoSoCoThanhPhanSoHoa", d.digitized() ? "1" : "0");
		m.put("TaiKhoanDuocXacThucVoiVNeID", d.assuranceLevel() != null && d.assuranceLevel() >= 2 ? "1" : "0");
		// 0: nothing to pay; 1: paid online; 2: paid otherwise
		m.put("DuocThanhToanTrucTuyen", d.feeVnd() == 0 ? "0" : d.paidOnline() ? "1" : "2");
		List<Map<String, Object>> components = new ArrayList<>();
		for (Dossier.Component c : d.components()) {
			Map<String, Object> t = new LinkedHashMap<>();
			t.put("MaThanhPhanHoSo", c.component());
			t.put("TepDinhKemId", c.documentId() == null ? "" : c.documentId().toString());
			t.put("TenTepDinhKem", c.fileName() == null ? "" : c.fileName());
			t.put("IsDeleted", "0");
			t.put("DuocSoHoa", c.paper() ? "0" : "1");
			t.put("DuocTaiSuDung", c.reused() || c.kind() == Dossier.ComponentKind.DATA ? "1" : "0");
			components.add(t);
		}
		m.put("TaiLieuNop", components);
		m.put("DanhSachHoSoBoSung", supplements(d));
		m.put("DanhSachLePhi", fees(d));
		m.put("DanhSachGiayToKetQua", List.of());
		m.put("sequence", sequence);
		return m;
	}

	/** The supplements asked for and, once answered, when (DanhSachHoSoBoSung). */
	static List<Map<String, @Nullable Object>> supplements(Dossier d) {
		List<Map<String, @Nullable Object>> supplements = new ArrayList<>();
		int i = 0;
		for (Dossier.Supplement s : d.supplements()) {
			Map<String, @Nullable Object> b = new LinkedHashMap<>();
			b.put("HoSoBoSungId", d.code() + "-BS" + ++i);
			b.put("NoiDungBoSung", s.reason());
			b.put("DanhSachGiayToBoSung", String.join("; ", s.items()));
			b.put("NgayBoSung", date(s.requestedAt()));
			b.put("NgayTiepNhanBoSung", date(s.completedAt()));
			b.put("TrangThaiBoSung", s.completedAt() == null ? "0" : "1");
			supplements.add(b);
		}
		return supplements;
	}

	/** The fee owed (DanhSachLePhi): HinhThucThu 2 online, 1 otherwise. */
	static List<Map<String, Object>> fees(Dossier d) {
		return d.feeVnd() == 0 ? List.of()
				: List.of(Map.of("TenPhiLePhi", "Phí, lệ phí", "Gia", d.feeVnd(), "HinhThucThu", d.paidOnline() ? "2" : "1"));
	}

	/** The signed results as the portal lists them ({@code DanhSachGiayToKetQua}): what, where to check it, when. */
	static List<Map<String, @Nullable Object>> results(List<vn.motcua.dossier.DossierResults.Result> issued) {
		List<Map<String, @Nullable Object>> out = new ArrayList<>();
		for (vn.motcua.dossier.DossierResults.Result r : issued) {
			Map<String, @Nullable Object> m = new LinkedHashMap<>();
			m.put("MaGiayTo", r.id().toString());
			m.put("TenGiayTo", r.title());
			m.put("DuongDanTaiTepTin", r.verifyUrl());
			m.put("NgayKy", date(r.signedAt()));
			m.put("NguoiKy", r.signer());
			out.add(m);
		}
		return out;
	}

	/**
	 * CapNhatTienDoHoSoMC's step object, with what the step made known: supplements when one is asked for or answered,
	 * the fee when payment is asked for, the signed results when the dossier is decided.
	 */
	static Map<String, @Nullable Object> step(Dossier d, String unit, String action, String actor, Instant at,
			int nationalStatus, int sequence, List<vn.motcua.dossier.DossierResults.Result> issued) {
		Map<String, @Nullable Object> m = new LinkedHashMap<>();
		m.put("MaHoSo", d.code());
		m.put("NguoiXuLy", actor);
		m.put("ChucDanh", "");
		m.put("ThoiDiemXuLy", date(at));
		m.put("PhongBanXuLy", unit);
		m.put("NoiDungXuLy", action);
		m.put("TrangThai", nationalStatus);
		m.put("NgayBatDau", date(d.receivedAt()));
		m.put("NgayKetThucTheoQuyDinh", date(d.extendedDueAt() != null ? d.extendedDueAt() : d.dueAt()));
		// what became known with this step: a supplement asked for or answered, a fee asked for, the results
		// judged by the internal status, not the national code: the status map is data an administrator may change
		if (!d.supplements().isEmpty() && (d.status() == vn.motcua.dossier.DossierStatus.SUPPLEMENT_REQUESTED
				|| action.equals("SUPPLEMENT"))) {
			m.put("DanhSachHoSoBoSung", supplements(d));
		}
		if (d.status() == vn.motcua.dossier.DossierStatus.PAYMENT_REQUESTED) {
			m.put("DanhSachLePhi", fees(d));
		}
		if (!issued.isEmpty()) {
			m.put("DanhSachGiayToKetQua", results(issued));
		}
		m.put("sequence", sequence);
		return m;
	}
}
