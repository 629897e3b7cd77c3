package vn.motcua.sandbox;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import org.jspecify.annotations.Nullable;

import vn.motcua.identifiers.BirthProvinces;
import vn.motcua.identifiers.PersonalIdNumber;
import vn.motcua.identifiers.Sex;

/**
 * A deterministic synthetic population of {@value #SIZE} people, derived on demand: person {@code i} is
 * computed from {@code i} alone, and the six random digits of an ID number are an invertible function of
 * {@code i}, so an ID number leads back to its person without any table or start-up generation.
 */
public final class SyntheticPopulation {

	public static final int SIZE = 500_000;

	private static final int MODULUS = 1_000_000;
	private static final long MULTIPLIER = 738_371;
	private static final long OFFSET = 271_828;
	private static final long INVERSE = BigInteger.valueOf(MULTIPLIER)
		.modInverse(BigInteger.valueOf(MODULUS))
		.longValueExact();
	private static final long SEED = 0x4D6F74437561L;

	/** The last day people are born in the population; fixed so that the population never changes. */
	private static final LocalDate LAST_BIRTH = LocalDate.of(2024, 12, 31);

	private static final List<String> OTHER_PROVINCES = BirthProvinces.codes()
		.stream()
		.filter(c -> !c.equals(BirthProvinces.CA_MAU) && !c.equals(BirthProvinces.BAC_LIEU))
		.toList();

	// Family names by their rough share in the Mekong delta.
	private static final String[] FAMILY = { "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê",
			"Phạm", "Huỳnh", "Huỳnh", "Võ", "Phan", "Trương", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lâm", "Tô",
			"Quách", "Châu", "Lý", "Thái", "Tạ", "Mai", "Đinh", "Kha" };

	private static final String[] MIDDLE_MALE = { "Văn", "Văn", "Văn", "Minh", "Hoàng", "Quốc", "Thanh", "Hữu",
			"Công", "Đức", "Tấn", "Chí", "Ngọc", "Trọng" };

	private static final String[] MIDDLE_FEMALE = { "Thị", "Thị", "Thị", "Ngọc", "Thanh", "Kim", "Thu", "Mỹ",
			"Bích", "Hồng", "Phương", "Diễm", "Tuyết" };

	private static final String[] GIVEN_MALE = { "An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hậu", "Hiếu",
			"Hòa", "Hùng", "Huy", "Khang", "Khánh", "Lộc", "Long", "Lực", "Minh", "Nam", "Nghĩa", "Nhân", "Phát",
			"Phong", "Phúc", "Quang", "Sang", "Sơn", "Tài", "Tâm", "Thắng", "Thành", "Thiện", "Thịnh", "Toàn",
			"Trí", "Trung", "Tuấn", "Út", "Vinh", "Vũ", "Xuân" };

	private static final String[] GIVEN_FEMALE = { "Anh", "Ánh", "Cúc", "Diệu", "Dung", "Duyên", "Giang", "Hà",
			"Hạnh", "Hằng", "Hiền", "Hoa", "Hồng", "Huệ", "Hương", "Lan", "Liên", "Linh", "Loan", "Mai", "My", "Nga",
			"Ngân", "Nhung", "Nhi", "Oanh", "Phượng", "Quyên", "Tâm", "Thảo", "Thủy", "Trang", "Trinh", "Tuyết",
			"Uyên", "Vân", "Vy", "Xuân", "Yến", "Út" };

	private static final String[] CA_MAU_PLACES = { "phường An Xuyên", "phường Lý Văn Lâm", "phường Tân Thành",
			"phường Hòa Thành", "xã Năm Căn", "xã Đầm Dơi", "xã Cái Nước", "xã Trần Văn Thời", "xã U Minh",
			"xã Thới Bình" };

	private static final String[] BAC_LIEU_PLACES = { "phường Bạc Liêu", "phường Vĩnh Trạch", "phường Hiệp Thành",
			"phường Giá Rai", "xã Hồng Dân", "xã Phước Long", "xã Vĩnh Lợi", "xã Đông Hải" };

	private static final String[] ELSEWHERE = { "phường Sài Gòn, Thành phố Hồ Chí Minh",
			"phường Thủ Dầu Một, Thành phố Hồ Chí Minh", "phường Ninh Kiều, thành phố Cần Thơ",
			"phường Rạch Giá, tỉnh An Giang", "phường Biên Hòa, tỉnh Đồng Nai", "phường Hoàn Kiếm, thành phố Hà Nội" };

	private SyntheticPopulation() {
	}

	/** Someone in the population, at index {@code i} from 0 to {@link #SIZE} − 1. */
	public static Person person(int i) {
		if (i < 0 || i >= SIZE) {
			throw new IllegalArgumentException("outside the population: " + i);
		}
		SplittableRandom r = new SplittableRandom(SEED ^ (i * 0x9E3779B97F4A7C15L));
		double where = r.nextDouble();
		String province = where < 0.55 ? BirthProvinces.CA_MAU
				: where < 0.75 ? BirthProvinces.BAC_LIEU : OTHER_PROVINCES.get(r.nextInt(OTHER_PROVINCES.size()));
		Sex sex = r.nextBoolean() ? Sex.MALE : Sex.FEMALE;
		// ages 0–94 at the end of 2024, weighted towards working age
		int age = r.nextDouble() < 0.8 ? 18 + r.nextInt(47) : r.nextInt(95);
		int year = LAST_BIRTH.getYear() - age;
		LocalDate born = LocalDate.of(year, 1, 1).plusDays(r.nextInt(LocalDate.of(year, 1, 1).lengthOfYear()));
		String family = pick(r, FAMILY);
		String fullName = family + " " + pick(r, sex == Sex.MALE ? MIDDLE_MALE : MIDDLE_FEMALE) + " "
				+ pick(r, sex == Sex.MALE ? GIVEN_MALE : GIVEN_FEMALE);
		String idNumber = province + PersonalIdNumber.centuryYearDigits(year, sex)
				+ String.format("%06d", (i * MULTIPLIER + OFFSET) % MODULUS);
		String permanent = address(r, province);
		// about one in twelve lives away from the permanent residence (đã chuyển đi nơi khác sinh sống)
		String current = r.nextDouble() < 0.08 ? hamlet(r) + ", " + pick(r, ELSEWHERE) : permanent;
		boolean head = age >= 18 && r.nextDouble() < 0.4;
		String householdHead = head ? fullName
				: family + " " + pick(r, MIDDLE_MALE) + " " + pick(r, GIVEN_MALE);
		double deathChance = age >= 75 ? 0.2 : age >= 60 ? 0.05 : 0.005;
		@Nullable LocalDate died = r.nextDouble() < deathChance
				? LAST_BIRTH.minusDays(r.nextInt((int) Math.max(1, Math.min(3650, LAST_BIRTH.toEpochDay() - born.toEpochDay()))))
				: null;
		return new Person(i, idNumber, fullName, born, sex, province, permanent, current, householdHead, head, died);
	}

	/** The person with this ID number, if the population has one. */
	public static Optional<Person> byIdNumber(String idNumber) {
		if (!PersonalIdNumber.isValid(idNumber)) {
			return Optional.empty();
		}
		long random = Long.parseLong(idNumber.substring(6));
		long i = ((random - OFFSET) % MODULUS + MODULUS) % MODULUS * INVERSE % MODULUS;
		if (i >= SIZE) {
			return Optional.empty();
		}
		Person p = person((int) i);
		return p.idNumber().equals(idNumber) ? Optional.of(p) : Optional.empty();
	}

	private static String address(SplittableRandom r, String province) {
		return switch (province) {
			case BirthProvinces.CA_MAU -> hamlet(r) + ", " + pick(r, CA_MAU_PLACES) + ", tỉnh Cà Mau";
			case BirthProvinces.BAC_LIEU -> hamlet(r) + ", " + pick(r, BAC_LIEU_PLACES) + ", tỉnh Cà Mau";
			default -> hamlet(r) + ", " + pick(r, ELSEWHERE);
		};
	}

	private static String hamlet(SplittableRandom r) {
		return r.nextBoolean() ? "Khóm " + (1 + r.nextInt(12)) : "Ấp " + pick(r, new String[] { "Tân Phong",
				"Bà Điều", "Cái Su", "Xóm Mới", "Rạch Ráng", "Kinh Tắc", "Thạnh Điền", "Năm Căn" });
	}

	private static String pick(SplittableRandom r, String[] options) {
		return options[r.nextInt(options.length)];
	}

	/** Công dân — one person of the synthetic population as the registry holds them. */
	public record Person(int index, String idNumber, String fullName, LocalDate dateOfBirth, Sex sex,
			String birthProvince, String permanentAddress, String currentAddress, String householdHead,
			boolean isHouseholdHead, @Nullable LocalDate diedOn) {

		public boolean alive() {
			return diedOn == null;
		}

		public boolean moved() {
			return !permanentAddress.equals(currentAddress);
		}
	}
}
