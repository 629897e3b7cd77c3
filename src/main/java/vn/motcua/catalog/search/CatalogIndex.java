package vn.motcua.catalog.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/**
 * The catalog's search index (docs/adr/0013): procedure names as folded words in an in-memory Lucene index, which
 * finds the candidates — every reading of the query (its synonyms), each word exactly, within its typo allowance or,
 * for the last word, as a beginning — and a ranker that orders them as a citizen means them ({@link Ranking}).
 */
public final class CatalogIndex implements AutoCloseable {

	/** What is searched and filtered of one procedure. */
	public record Entry(String code, String name, String field, String agency, String level, String onlineLevel,
			boolean internal) {
	}

	/** Filters; null means any. */
	public record Filter(@Nullable String field, @Nullable String agency, @Nullable String level,
			@Nullable String onlineLevel, boolean includeInternal) {

		public static final Filter PUBLIC = new Filter(null, null, null, null, false);
	}

	/**
	 * @param codes the page's procedures, best first
	 * @param total how many procedures match
	 * @param suggestion the query with its unknown words replaced by the closest known ones ("Có phải bạn muốn tìm"),
	 *        when it has such words
	 */
	public record Hits(List<String> codes, long total, @Nullable String suggestion) {
	}

	/** Candidates ranked finely; a query's later pages beyond them keep Lucene's order. */
	static final int CANDIDATES = 200;
	/** The most filed procedures among the matches, ranked with them. */
	static final int POPULAR = 50;
	/** Readings of one query (as typed, and with synonyms). */
	static final int READINGS = 6;

	private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
	private final IndexWriter writer;
	private final SearcherManager searchers;
	private final Map<String, List<String>> words = new ConcurrentHashMap<>();
	private final Map<String, Entry> entries = new ConcurrentHashMap<>();
	/** Each folded word of the names and in how many names it stands. */
	private final Map<String, Integer> vocabulary = new ConcurrentHashMap<>();
	/** The same words sorted (for the words a prefix begins) and by length (for those within a typo or two). */
	private final Words lookup = new Words();
	private volatile Synonyms synonyms = Synonyms.NONE;
	private volatile Map<String, Long> frequency = Map.of();

	public CatalogIndex() {
		try {
			writer = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()));
			writer.commit();
			searchers = new SearcherManager(writer, null);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public void synonyms(Synonyms synonyms) {
		this.synonyms = synonyms;
	}

	/**
	 * Dossiers filed per procedure in the last year: the tie-breaker between equally good names. The procedures
	 * whose count changed are indexed again.
	 */
	public void frequency(Map<String, Long> frequency) {
		Map<String, Long> before = this.frequency;
		this.frequency = Map.copyOf(frequency);
		List<Entry> changed = new ArrayList<>();
		for (Entry e : entries.values()) {
			if (!java.util.Objects.equals(before.get(e.code()), frequency.get(e.code()))) {
				changed.add(e);
			}
		}
		if (!changed.isEmpty()) {
			put(changed);
		}
	}

	/** Puts or replaces procedures; then they are searchable. */
	public void put(Collection<Entry> changed) {
		try {
			for (Entry e : changed) {
				List<String> folded = Fold.words(e.name());
				Document d = new Document();
				d.add(new StringField("code", e.code(), Field.Store.NO));
				d.add(new SortedDocValuesField("code", new BytesRef(e.code())));
				d.add(new TextField("name", String.join(" ", folded), Field.Store.NO));
				d.add(new StringField("field", e.field(), Field.Store.NO));
				d.add(new StringField("agency", e.agency(), Field.Store.NO));
				d.add(new StringField("level", e.level(), Field.Store.NO));
				d.add(new StringField("online", e.onlineLevel(), Field.Store.NO));
				d.add(new StringField("internal", String.valueOf(e.internal()), Field.Store.NO));
				long filed = frequency.getOrDefault(e.code(), 0L);
				if (filed > 0) { // so that a procedure people file is among the candidates of a crowded query
					d.add(new FeatureField("features", "filed", Math.min(filed, 1_000_000)));
				}
				writer.updateDocument(new Term("code", e.code()), d);
				forget(words.put(e.code(), folded));
				folded.stream().distinct().forEach(w -> {
					if (vocabulary.merge(w, 1, Integer::sum) == 1) {
						lookup.add(w);
					}
				});
				entries.put(e.code(), e);
			}
			searchers.maybeRefreshBlocking();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Takes procedures out (abolished). */
	public void remove(Collection<String> codes) {
		try {
			for (String code : codes) {
				writer.deleteDocuments(new Term("code", code));
				forget(words.remove(code));
				entries.remove(code);
			}
			searchers.maybeRefreshBlocking();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void forget(@Nullable List<String> name) {
		if (name != null) {
			name.stream().distinct().forEach(w -> {
				if (vocabulary.computeIfPresent(w, (k, n) -> n <= 1 ? null : n - 1) == null) {
					lookup.remove(w);
				}
			});
		}
	}

	public int size() {
		return entries.size();
	}

	public Hits search(String text, Filter filter, int offset, int limit) {
		List<String> typed = Fold.words(text, 12);
		if (typed.isEmpty()) {
			return new Hits(List.of(), 0, null);
		}
		IndexSearcher searcher;
		try {
			searcher = searchers.acquire();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		try {
			Ranking ranking = new Ranking(vocabulary, lookup, entries.size(), frequency);
			List<List<String>> readings = synonyms.readings(typed, READINGS);
			BooleanQuery.Builder any = new BooleanQuery.Builder();
			for (List<String> reading : readings) {
				any.add(readingQuery(reading, ranking), Occur.SHOULD);
			}
			String raw = text.strip();
			any.add(new TermQuery(new Term("code", raw)), Occur.SHOULD);
			Query matches = any.build();
			BooleanQuery.Builder query = new BooleanQuery.Builder().add(matches, Occur.MUST);
			filters(query, filter);
			Query q = query.build();
			int total = searcher.count(q);
			// the candidates: the best names by text, and the most filed procedures among all that match, so that a
			// procedure people use is ranked even when thousands of names say the same words more briefly
			ScoreDoc[] byText = searcher.search(q, Math.max(CANDIDATES, offset + limit)).scoreDocs;
			BooleanQuery.Builder used = new BooleanQuery.Builder().add(matches, Occur.FILTER)
				.add(FeatureField.newSaturationQuery("features", "filed"), Occur.MUST);
			filters(used, filter);
			ScoreDoc[] byUse = searcher.search(used.build(), POPULAR).scoreDocs;
			Map<Integer, Integer> seenDocs = new java.util.LinkedHashMap<>();
			for (ScoreDoc d : byText) {
				seenDocs.putIfAbsent(d.doc, seenDocs.size());
			}
			for (ScoreDoc d : byUse) {
				seenDocs.putIfAbsent(d.doc, seenDocs.size());
			}
			ScoreDoc[] top = seenDocs.keySet().stream().map(d -> new ScoreDoc(d, 0)).toArray(ScoreDoc[]::new);
			List<Scored> scored = new ArrayList<>();
			for (int i = 0; i < top.length; i++) {
				String code = code(searcher.getIndexReader(), top[i].doc);
				List<String> name = words.getOrDefault(code, List.of());
				double best = code.equals(raw) ? 100 : 0;
				for (int r = 0; r < readings.size(); r++) {
					// the words as typed count a little more than a reading through synonyms
					best = Math.max(best, ranking.score(readings.get(r), name, code) * (r == 0 ? 1.0 : 0.97));
				}
				scored.add(new Scored(code, best, name.size()));
			}
			scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparingInt(Scored::length)
				.thenComparing(Scored::code));
			List<String> page = scored.stream().skip(offset).limit(limit).map(Scored::code).toList();
			return new Hits(page, total, suggestion(typed, searcher.getIndexReader()));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			try {
				searchers.release(searcher);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}

	/** A document's code from its doc values (no stored-field decoding). */
	private static String code(IndexReader reader, int doc) throws IOException {
		List<LeafReaderContext> leaves = reader.leaves();
		LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
		SortedDocValues codes = DocValues.getSorted(leaf.reader(), "code");
		codes.advanceExact(doc - leaf.docBase);
		return codes.lookupOrd(codes.ordValue()).utf8ToString();
	}

	private record Scored(String code, double score, int length) {
	}

	/**
	 * One reading: each word exactly, within its typo allowance, or (the last) as a beginning; most of the words the
	 * catalog knows must be there.
	 */
	private static Query readingQuery(List<String> reading, Ranking ranking) {
		BooleanQuery.Builder b = new BooleanQuery.Builder();
		int known = 0;
		for (int i = 0; i < reading.size(); i++) {
			String w = reading.get(i);
			List<Query> ways = new ArrayList<>();
			ways.add(new TermQuery(new Term("name", w)));
			int edits = ranking.held(w) ? 0 : Ranking.edits(w);
			if (edits > 0) {
				ways.add(new FuzzyQuery(new Term("name", w), edits, 0, 50, true));
			}
			if (i == reading.size() - 1 && w.length() >= 2) {
				ways.add(new PrefixQuery(new Term("name", w)));
			}
			b.add(new DisjunctionMaxQuery(ways, 0.0f), Occur.SHOULD);
			if (ranking.known(w, i == reading.size() - 1)) {
				known++;
			}
		}
		b.setMinimumNumberShouldMatch(Math.max(1, (int) Math.ceil(known * 0.6)));
		return b.build();
	}

	private static void filters(BooleanQuery.Builder q, Filter f) {
		if (f.field() != null) {
			q.add(new TermQuery(new Term("field", f.field())), Occur.FILTER);
		}
		if (f.agency() != null) {
			q.add(new TermQuery(new Term("agency", f.agency())), Occur.FILTER);
		}
		if (f.level() != null) {
			q.add(new TermQuery(new Term("level", f.level())), Occur.FILTER);
		}
		if (f.onlineLevel() != null) {
			q.add(new TermQuery(new Term("online", f.onlineLevel())), Occur.FILTER);
		}
		if (!f.includeInternal()) {
			q.add(new TermQuery(new Term("internal", "false")), Occur.FILTER);
		}
	}

	/** The typed words with each one the catalog does not hold replaced by its closest word, if any was. */
	private static @Nullable String suggestion(List<String> typed, IndexReader reader) throws IOException {
		DirectSpellChecker spell = new DirectSpellChecker();
		spell.setMaxEdits(2);
		spell.setMinPrefix(0);
		spell.setMinQueryLength(2);
		boolean changed = false;
		List<String> out = new ArrayList<>();
		for (String w : typed) {
			if (reader.docFreq(new Term("name", w)) > 0 || w.chars().allMatch(Character::isDigit)) {
				out.add(w);
				continue;
			}
			SuggestWord[] near = spell.suggestSimilar(new Term("name", w), 1, reader);
			if (near.length > 0) {
				out.add(near[0].string);
				changed = true;
			}
			else {
				out.add(w);
			}
		}
		return changed ? String.join(" ", out) : null;
	}

	@Override
	public void close() {
		try {
			searchers.close();
			writer.close();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
