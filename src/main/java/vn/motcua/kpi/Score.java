package vn.motcua.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** The Decision 766 score: groups and indicators; what cannot be computed yet has a null score. */
public record Score(@Nullable BigDecimal total, BigDecimal max, @Nullable String rating, List<Group> groups) {

	/**
	 * What the catalog says of the units' published procedures (not internal ones).
	 *
	 * @param online those with an online service, partial or full
	 * @param complete those published with every part the law requires
	 */
	/**
	 * @param business published procedures that serve businesses (alone or with citizens), and of them those online
	 *     in part or in full, and in full
	 */
	record Catalog(long published, long online, long complete, long business, long businessOnline,
			long businessFullyOnline) {
	}

	static Score of(KpiFigures f, Catalog c) {
		List<Group> groups = List.of(
				Group.of("Công khai, minh bạch", List.of(
						Indicator.none("1.1", "TTHC công bố đúng hạn", 6), Indicator.none("1.2",
								"TTHC cập nhật, công khai đúng hạn", 4),
						Indicator.linear("1.3", "TTHC công khai đầy đủ bộ phận", c.complete(), c.published(), 2, 1.0),
						Indicator.linear("1.4", "Hồ sơ đồng bộ lên Cổng DVCQG", f.synced(), f.syncDue(), 6, 1.0))),
				Group.of("Tiến độ, kết quả giải quyết", List.of(
						Indicator.linear("2.1", "Hồ sơ xử lý trước hạn, đúng hạn", f.onTime(), f.received(), 20, 1.0))),
				Group.of("Dịch vụ công trực tuyến", List.of(
						Indicator.linear("3.1", "TTHC cung cấp dịch vụ công trực tuyến", c.online(), c.published(), 2, 0.8),
						Indicator.none("3.2", "Dịch vụ công trực tuyến có phát sinh hồ sơ", 4),
						Indicator.linear("3.3", "Hồ sơ nộp trực tuyến", f.receivedOnline(), f.received(), 6, 0.5))),
				Group.of("Thanh toán trực tuyến", List.of(
						Indicator.linear("3.6", "Hồ sơ thanh toán trực tuyến", f.paidOnline(), f.feeDossiers(), 6, 1.0),
						Indicator.none("3.5b", "TTHC có giao dịch thanh toán trực tuyến", 2),
						Indicator.none("3.5", "TTHC tích hợp thanh toán trực tuyến", 2))),
				Group.of("Số hóa hồ sơ", List.of(
						Indicator.linear("4.1", "Hồ sơ có kết quả điện tử", f.electronicResult(), f.received(), 6, 1.0),
						Indicator.linear("4.2", "Hồ sơ được số hóa", f.digitized(), f.received(), 4, 1.0),
						Indicator.none("4.2b", "Chứng thực bản sao điện tử", 2),
						Indicator.linear("4.3", "Tái sử dụng dữ liệu số hóa", f.dataReused(), f.received(), 2, 0.8),
						Indicator.linear("4.4", "Kết nối kho dữ liệu cá nhân", f.storeReused(), f.received(), 4, 1.0),
						Indicator.linear("4.5b", "Hồ sơ sử dụng dữ liệu dân cư", f.citizenData(), f.received(), 2, 1.0),
						Indicator.none("4.5a", "TTHC sử dụng dữ liệu dân cư", 2))),
				Group.of("Mức độ hài lòng", List.of(Indicator.none("5.2", "Tiến độ xử lý phản ánh, kiến nghị", 6),
						Indicator.none("5.3", "Hài lòng trong xử lý phản ánh, kiến nghị", 6),
						satisfaction(f))));
		BigDecimal total = null;
		BigDecimal max = BigDecimal.ZERO;
		for (Group g : groups) {
			for (Indicator i : g.indicators()) {
				if (i.score() != null) {
					total = (total == null ? BigDecimal.ZERO : total).add(i.score());
					max = max.add(BigDecimal.valueOf(i.max()));
				}
			}
		}
		return new Score(total, max, total == null ? null : rating(total, max), groups);
	}

	/**
	 * 5.4: 100 % less the late share and the share rated not satisfied, full points at 90 %; no dossier
	 * received scores 0, as the national portal does.
	 */
	static Indicator satisfaction(KpiFigures f) {
		if (f.received() == 0) {
			return new Indicator("5.4", "Hài lòng trong tiếp nhận, giải quyết TTHC", null, 0L, 0L, BigDecimal.ZERO, 6);
		}
		long satisfied = Math.max(0, f.received() - (f.received() - f.onTime()) - f.dissatisfied());
		return Indicator.linear("5.4", "Hài lòng trong tiếp nhận, giải quyết TTHC", satisfied, f.received(), 6, 0.9);
	}

	/** Xếp loại on a 100-point scale: Xuất sắc ≥ 90, Tốt ≥ 80, Khá ≥ 70, Trung bình ≥ 50, else Yếu. */
	static String rating(BigDecimal total, BigDecimal max) {
		double points = max.signum() == 0 ? 0 : total.doubleValue() * 100 / max.doubleValue();
		return points >= 90 ? "Xuất sắc" : points >= 80 ? "Tốt" : points >= 70 ? "Khá" : points >= 50 ? "Trung bình" : "Yếu";
	}

	/** A group: its score and maximum over the indicators scored, and the maximum of the whole group. */
	public record Group(String name, @Nullable BigDecimal score, int max, int fullMax, List<Indicator> indicators) {

		static Group of(String name, List<Indicator> indicators) {
			BigDecimal score = null;
			int max = 0;
			int full = 0;
			for (Indicator i : indicators) {
				full += i.max();
				if (i.score() != null) {
					score = (score == null ? BigDecimal.ZERO : score).add(i.score());
					max += i.max();
				}
			}
			return new Group(name, score, max, full, indicators);
		}
	}

	/**
	 * One indicator; {@code score} null when the system cannot compute it yet (or its denominator is zero).
	 *
	 * @param ratio percent, rounded half-up to two decimals
	 */
	public record Indicator(String code, String name, @Nullable BigDecimal ratio, @Nullable Long numerator,
			@Nullable Long denominator, @Nullable BigDecimal score, int max) {

		static Indicator none(String code, String name, int max) {
			return new Indicator(code, name, null, null, null, null, max);
		}

		/** Full points at {@code target} (a fraction) or above, in proportion below it. */
		static Indicator linear(String code, String name, long numerator, long denominator, int max, double target) {
			BigDecimal ratio = KpiFigures.rate(numerator, denominator);
			BigDecimal score = null;
			if (denominator > 0) {
				double s = Math.min(max, max * ((double) numerator / denominator) / target);
				score = BigDecimal.valueOf(s).setScale(2, RoundingMode.HALF_UP);
			}
			return new Indicator(code, name, ratio, numerator, denominator, score, max);
		}
	}
}
