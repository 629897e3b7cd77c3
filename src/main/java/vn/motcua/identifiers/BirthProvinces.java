package vn.motcua.identifiers;

import java.util.Map;
import java.util.Optional;

import static java.util.Map.entry;

/**
 * Codes of the provinces where births are registered (Phụ lục 1, Thông tư 07/2016/TT-BCA): the 63
 * provinces before the merger of 1 July 2025. Numbers already issued keep their code, so the legacy table
 * stays authoritative for reading them; 095 is shown as Bạc Liêu, now part of Cà Mau.
 */
public final class BirthProvinces {

	public static final String CA_MAU = "096";
	public static final String BAC_LIEU = "095";

	private static final Map<String, String> NAMES = Map.ofEntries(entry("001", "Hà Nội"), entry("002", "Hà Giang"),
			entry("004", "Cao Bằng"), entry("006", "Bắc Kạn"), entry("008", "Tuyên Quang"), entry("010", "Lào Cai"),
			entry("011", "Điện Biên"), entry("012", "Lai Châu"), entry("014", "Sơn La"), entry("015", "Yên Bái"),
			entry("017", "Hòa Bình"), entry("019", "Thái Nguyên"), entry("020", "Lạng Sơn"),
			entry("022", "Quảng Ninh"), entry("024", "Bắc Giang"), entry("025", "Phú Thọ"),
			entry("026", "Vĩnh Phúc"), entry("027", "Bắc Ninh"), entry("030", "Hải Dương"),
			entry("031", "Hải Phòng"), entry("033", "Hưng Yên"), entry("034", "Thái Bình"), entry("035", "Hà Nam"),
			entry("036", "Nam Định"), entry("037", "Ninh Bình"), entry("038", "Thanh Hóa"), entry("040", "Nghệ An"),
			entry("042", "Hà Tĩnh"), entry("044", "Quảng Bình"), entry("045", "Quảng Trị"),
			entry("046", "Thừa Thiên Huế"), entry("048", "Đà Nẵng"), entry("049", "Quảng Nam"),
			entry("051", "Quảng Ngãi"), entry("052", "Bình Định"), entry("054", "Phú Yên"),
			entry("056", "Khánh Hòa"), entry("058", "Ninh Thuận"), entry("060", "Bình Thuận"),
			entry("062", "Kon Tum"), entry("064", "Gia Lai"), entry("066", "Đắk Lắk"), entry("067", "Đắk Nông"),
			entry("068", "Lâm Đồng"), entry("070", "Bình Phước"), entry("072", "Tây Ninh"),
			entry("074", "Bình Dương"), entry("075", "Đồng Nai"), entry("077", "Bà Rịa - Vũng Tàu"),
			entry("079", "TP Hồ Chí Minh"), entry("080", "Long An"), entry("082", "Tiền Giang"),
			entry("083", "Bến Tre"), entry("084", "Trà Vinh"), entry("086", "Vĩnh Long"),
			entry("087", "Đồng Tháp"), entry("089", "An Giang"), entry("091", "Kiên Giang"),
			entry("092", "Cần Thơ"), entry("093", "Hậu Giang"), entry("094", "Sóc Trăng"),
			entry(BAC_LIEU, "Bạc Liêu (nay thuộc Cà Mau)"), entry(CA_MAU, "Cà Mau"));

	private BirthProvinces() {
	}

	public static boolean isKnown(String code) {
		return NAMES.containsKey(code);
	}

	public static Optional<String> name(String code) {
		return Optional.ofNullable(NAMES.get(code));
	}

	/** All codes, sorted; for generators and pick lists. */
	public static java.util.List<String> codes() {
		return NAMES.keySet().stream().sorted().toList();
	}
}
