package vn.motcua.catalog.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How well a procedure's name answers a reading of the query (docs/adr/0013). Each query word weighs by how rare
 * it is in the catalog (a word in every name says little); it counts fully when the name holds it, less within a
 * typo or (the last word, still being typed) as a beginning. On top of how much of the query the name holds: how
 * little else the name says, the words in the query's order, the query's words leading the name (after its verb),
 * the whole name typed; a variant ("Gia hạn", "Cấp lại", "Điều chỉnh", …) the query did not ask for comes after
 * the procedure itself, in that natural order; and how often the procedure is filed breaks the remaining ties.
 */
final class Ranking {

	/** Verbs a name begins with that make the procedure itself; the query's words lead the name after them. */
	private static final List<List<String>> VERBS = List.of(List.of("dang", "ky"), List.of("cap"), List.of("thanh", "lap"),
			List.of("cong", "nhan"), List.of("chung", "thuc"), List.of("tham", "dinh"), List.of("giai", "quyet"));

	/** Variants of a procedure, in the order a person expects them after it. */
	private static final List<List<String>> VARIANTS = List.of(List.of("gia", "han"), List.of("cap", "lai"),
			List.of("dang", "ky", "lai"), List.of("cap", "doi"), List.of("dieu", "chinh"), List.of("dinh", "chinh"),
			List.of("dang", "ky", "thay", "doi"), List.of("cap", "ban", "sao"), List.of("thu", "hoi"),
			List.of("xoa", "dang", "ky"), List.of("cham", "dut"));

	private final Map<String, Integer> vocabulary;
	private final int documents;
	private final Map<String, Long> frequency;
	private final double topFrequency;
	private final Map<String, Double> weights = new HashMap<>();
	private final Map<String, Map<String, Double>> answers = new HashMap<>();

	private final Words lookup;

	Ranking(Map<String, Integer> vocabulary, Words lookup, int documents, Map<String, Long> frequency) {
		this.vocabulary = vocabulary;
		this.lookup = lookup;
		this.documents = Math.max(1, documents);
		this.frequency = frequency;
		this.topFrequency = Math.log1p(frequency.values().stream().mapToLong(Long::longValue).max().orElse(0));
	}

	/** Typos forgiven in a word: none in short words and numbers, one from three letters, two from seven. */
	static int edits(String w) {
		if (w.chars().anyMatch(Character::isDigit)) {
			return 0;
		}
		return w.length() >= 7 ? 2 : w.length() >= 3 ? 1 : 0;
	}

	/** True when the catalog holds the word as it is. */
	boolean held(String w) {
		return vocabulary.containsKey(w);
	}

	/** True when the catalog holds the word, a word within its typos, or (the last) a word it begins. */
	boolean known(String w, boolean last) {
		return !answers(w, last).isEmpty();
	}

	/**
	 * The catalog's words that answer a query word, with how well: 1 itself, 0.8 a word it begins (the last word,
	 * still being typed), 0.75 one typo away, 0.55 two. Computed once per query word, over the vocabulary.
	 */
	private Map<String, Double> answers(String w, boolean last) {
		return answers.computeIfAbsent(w + (last ? "|" : ""), k -> {
			Map<String, Double> out = new HashMap<>();
			boolean held = vocabulary.containsKey(w);
			if (held) {
				out.put(w, 1.0);
			}
			// a word the catalog holds is taken as typed: its neighbours would be other words, not typos
			int edits = held ? 0 : edits(w);
			boolean prefix = last && w.length() >= 2;
			if (prefix) {
				for (String c : lookup.beginningWith(w)) {
					if (!c.equals(w)) {
						out.put(c, 0.8);
					}
				}
			}
			for (int length = w.length() - edits; edits > 0 && length <= w.length() + edits; length++) {
				for (String c : lookup.ofLength(length)) {
					if (!out.containsKey(c)) {
						int d = distance(w, c, edits);
						if (d > 0 && d <= edits) {
							out.put(c, d == 1 ? 0.75 : 0.55);
						}
					}
				}
			}
			return out;
		});
	}

	/** The word's weight: how rare the catalog's word answering it best is; a word nothing answers weighs little. */
	private double weight(String w, boolean last) {
		return weights.computeIfAbsent(w + (last ? "|" : ""), k -> {
			Integer df = vocabulary.get(w);
			if (df != null) {
				return idf(df);
			}
			int best = 0;
			for (String c : answers(w, last).keySet()) {
				best = Math.max(best, vocabulary.getOrDefault(c, 0));
			}
			// a word the catalog does not hold at all (a filler) weighs little
			return best > 0 ? idf(best) : 0.3;
		});
	}

	private double idf(int df) {
		return Math.log(1 + (documents - df + 0.5) / (df + 0.5));
	}

	double score(List<String> query, List<String> name, String code) {
		int n = query.size();
		int[] at = new int[n];
		boolean[] used = new boolean[name.size()];
		double total = 0;
		double got = 0;
		for (int i = 0; i < n; i++) {
			String q = query.get(i);
			boolean last = i == n - 1;
			double w = weight(q, last);
			Map<String, Double> answer = answers(q, last);
			total += w;
			at[i] = -1;
			double best = 0;
			for (int j = 0; j < name.size(); j++) {
				if (used[j]) {
					continue;
				}
				double quality = answer.getOrDefault(name.get(j), 0.0);
				if (quality > best) {
					best = quality;
					at[i] = j;
				}
			}
			if (at[i] >= 0) {
				used[at[i]] = true;
				got += w * best;
			}
		}
		double coverage = total == 0 ? 0 : got / total;
		int usedCount = 0;
		for (boolean u : used) {
			usedCount += u ? 1 : 0;
		}
		double nameCoverage = name.isEmpty() ? 0 : (double) usedCount / name.size();
		int inOrder = 0;
		int first = Integer.MAX_VALUE;
		for (int i = 0; i < n; i++) {
			if (at[i] >= 0) {
				first = Math.min(first, at[i]);
			}
			if (i + 1 < n && at[i] >= 0 && at[i + 1] >= 0) {
				inOrder += at[i + 1] == at[i] + 1 ? 1 : 0;
			}
		}
		double order = n == 1 ? 1 : (double) inOrder / (n - 1);
		double lead = first <= leading(name) ? 1 : 0;
		double exact = name.equals(query) ? 1 : 0;
		double variant = 0;
		for (int v = 0; v < VARIANTS.size(); v++) {
			List<String> verb = VARIANTS.get(v);
			if (startsWith(name, verb) && !contains(query, verb)) {
				variant = 0.9 + 0.03 * v;
				break;
			}
		}
		double often = topFrequency == 0 ? 0 : Math.log1p(frequency.getOrDefault(code, 0L)) / topFrequency;
		return 3 * coverage + 0.8 * nameCoverage + 0.6 * order + 0.4 * lead + exact - variant + 0.5 * often;
	}

	/** How many words the verb the name begins with takes (0 when it begins with none of them). */
	private static int leading(List<String> name) {
		for (List<String> v : VARIANTS) { // "cấp lại" before "cấp"
			if (startsWith(name, v)) {
				return v.size();
			}
		}
		for (List<String> v : VERBS) {
			if (startsWith(name, v)) {
				return v.size();
			}
		}
		return 0;
	}

	private static boolean startsWith(List<String> name, List<String> prefix) {
		return name.size() >= prefix.size() && name.subList(0, prefix.size()).equals(prefix);
	}

	private static boolean contains(List<String> words, List<String> phrase) {
		for (int i = 0; i + phrase.size() <= words.size(); i++) {
			if (words.subList(i, i + phrase.size()).equals(phrase)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Damerau–Levenshtein distance (optimal string alignment: a swapped pair of letters is one typo), or more than
	 * {@code limit} as soon as every path exceeds it.
	 */
	static int distance(String a, String b, int limit) {
		int[][] d = new int[a.length() + 1][b.length() + 1];
		for (int i = 0; i <= a.length(); i++) {
			d[i][0] = i;
		}
		for (int j = 0; j <= b.length(); j++) {
			d[0][j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			for (int j = 1; j <= b.length(); j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
				}
			}
			int rowMin = Integer.MAX_VALUE;
			for (int j = 0; j <= b.length(); j++) {
				rowMin = Math.min(rowMin, d[i][j]);
			}
			if (rowMin > limit) {
				return limit + 1;
			}
		}
		return d[a.length()][b.length()];
	}
}
