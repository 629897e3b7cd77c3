package vn.motcua.catalog.search;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The catalog's words, sorted for the words a typed beginning may become, and by length, without numbers, for the
 * words a typo or two away (only words of a near length can be): so a query word is compared with a few hundred
 * words, not every word and number of twenty thousand names.
 */
final class Words {

	private final ConcurrentSkipListSet<String> sorted = new ConcurrentSkipListSet<>();
	private final Map<Integer, Set<String>> byLength = new ConcurrentHashMap<>();

	void add(String w) {
		sorted.add(w);
		if (w.chars().noneMatch(Character::isDigit)) {
			byLength.computeIfAbsent(w.length(), n -> ConcurrentHashMap.newKeySet()).add(w);
		}
	}

	void remove(String w) {
		sorted.remove(w);
		Set<String> same = byLength.get(w.length());
		if (same != null) {
			same.remove(w);
		}
	}

	/** Words that begin with {@code prefix}, at most 200 (a short beginning says little). */
	Collection<String> beginningWith(String prefix) {
		return sorted.subSet(prefix, true, prefix + Character.MAX_VALUE, false).stream().limit(200).toList();
	}

	Collection<String> ofLength(int length) {
		return byLength.getOrDefault(length, Set.of());
	}

}
