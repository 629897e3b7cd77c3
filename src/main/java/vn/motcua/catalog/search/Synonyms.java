package vn.motcua.catalog.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Citizens' words for the catalog's (từ đồng nghĩa): a phrase as people type it ("cccd", "xin phep", "lam") and what
 * the catalog calls it ("can cuoc"; "cap giay phep"; "dang ky" or "cap"). Phrases and replacements are folded words.
 * A query is read as itself and as each replacement of the phrases it holds.
 */
public final class Synonyms {

	/** One rule: the phrase's words and its replacements' words. */
	public record Rule(List<String> phrase, List<List<String>> replacements) {
	}

	public static final Synonyms NONE = new Synonyms(List.of());

	private final List<Rule> rules;

	public Synonyms(List<Rule> rules) {
		this.rules = List.copyOf(rules);
	}

	/** From phrase → replacements separated by {@code |}, as administrators write them. */
	public static Synonyms of(Map<String, String> table) {
		List<Rule> rules = new ArrayList<>();
		table.forEach((phrase, replacements) -> {
			List<String> p = Fold.words(phrase);
			List<List<String>> r = new ArrayList<>();
			for (String alternative : replacements.split("\\|")) {
				List<String> words = Fold.words(alternative);
				if (!words.isEmpty()) {
					r.add(words);
				}
			}
			if (!p.isEmpty() && !r.isEmpty()) {
				rules.add(new Rule(p, r));
			}
		});
		// longer phrases first, so "xin phep xay dung" wins over "xin phep"
		rules.sort((a, b) -> b.phrase().size() - a.phrase().size());
		return new Synonyms(rules);
	}

	public List<Rule> rules() {
		return rules;
	}

	/**
	 * The query as typed, then each reading with one phrase replaced, then with every phrase replaced by its first
	 * replacement; at most {@code max}, without repeats.
	 */
	public List<List<String>> readings(List<String> words, int max) {
		Map<List<String>, Boolean> out = new LinkedHashMap<>();
		out.put(words, true);
		List<String> all = words;
		for (Rule rule : rules) {
			int at = indexOf(words, rule.phrase());
			if (at >= 0) {
				for (List<String> r : rule.replacements()) {
					out.putIfAbsent(replace(words, at, rule.phrase().size(), r), true);
				}
			}
			int inAll = indexOf(all, rule.phrase());
			if (inAll >= 0) {
				all = replace(all, inAll, rule.phrase().size(), rule.replacements().get(0));
			}
		}
		out.putIfAbsent(all, true);
		return out.keySet().stream().limit(max).toList();
	}

	private static int indexOf(List<String> words, List<String> phrase) {
		for (int i = 0; i + phrase.size() <= words.size(); i++) {
			if (words.subList(i, i + phrase.size()).equals(phrase)) {
				return i;
			}
		}
		return -1;
	}

	private static List<String> replace(List<String> words, int at, int length, List<String> by) {
		List<String> out = new ArrayList<>(words.subList(0, at));
		out.addAll(by);
		out.addAll(words.subList(at + length, words.size()));
		return out;
	}
}
