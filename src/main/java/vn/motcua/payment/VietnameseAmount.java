package vn.motcua.payment;

/** Số tiền bằng chữ, as receipts write it: 150000 → "Một trăm năm mươi nghìn đồng". */
final class VietnameseAmount {

	private static final String[] DIGITS = { "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín" };
	private static final String[] GROUPS = { "", " nghìn", " triệu", " tỷ", " nghìn tỷ", " triệu tỷ" };

	private VietnameseAmount() {
	}

	static String words(long vnd) {
		if (vnd == 0) {
			return "Không đồng";
		}
		StringBuilder out = new StringBuilder();
		int group = 0;
		long rest = vnd;
		String text = "";
		while (rest > 0) {
			int three = (int) (rest % 1000);
			rest /= 1000;
			if (three > 0) {
				String part = three(three, rest > 0) + GROUPS[group];
				text = text.isEmpty() ? part : part + " " + text;
			}
			group++;
		}
		out.append(Character.toUpperCase(text.charAt(0))).append(text.substring(1)).append(" đồng");
		return out.toString();
	}

	/** Three digits; {@code full} when a higher group precedes, so 5 reads "không trăm linh năm". */
	private static String three(int n, boolean full) {
		int h = n / 100;
		int t = (n / 10) % 10;
		int u = n % 10;
		StringBuilder s = new StringBuilder();
		if (h > 0 || full) {
			s.append(DIGITS[h]).append(" trăm");
		}
		if (t == 0) {
			if (u > 0) {
				s.append(s.isEmpty() ? "" : " linh ").append(DIGITS[u]);
			}
			return s.toString().strip();
		}
		s.append(s.isEmpty() ? "" : " ").append(t == 1 ? "mười" : DIGITS[t] + " mươi");
		if (u == 1) {
			s.append(t == 1 ? " một" : " mốt");
		}
		else if (u == 5) {
			s.append(" lăm");
		}
		else if (u == 4 && t > 1) {
			s.append(" tư");
		}
		else if (u > 0) {
			s.append(" ").append(DIGITS[u]);
		}
		return s.toString();
	}
}
