package vn.motcua.catalog.search;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.motcua.catalog.CatalogSearchBenchmark;
import vn.motcua.platform.Csv;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relevance table (src/test/resources/search/relevance.csv): citizens' queries — exact, without diacritics,
 * mistyped, abbreviated, in their own words — each with the procedure it means, which must come in the first three;
 * the mean reciprocal rank over the first ten is printed and held at 0.9 or more. Run on the demo catalog, then again
 * with the benchmark's 20,000 generated procedures added (names built from the same objects and verbs, each with a
 * qualifier, and never filed).
 */
class SearchRelevanceTest {

	private static CatalogIndex index;

	record Case(String query, String expected) {
	}

	@BeforeAll
	static void demoCatalog() {
		index = demoIndex();
	}

	/**
	 * The demo catalog with its synonyms; its procedures are filed (the same number each, so it decides nothing
	 * among them), as the generated ones added later, which nobody files, are not.
	 */
	static CatalogIndex demoIndex() {
		CatalogIndex demo = new CatalogIndex();
		demo.synonyms(synonyms());
		List<CatalogIndex.Entry> entries = entries(SearchRelevanceTest.class.getResourceAsStream("/catalog/demo-procedures.csv"));
		demo.put(entries);
		Map<String, Long> filed = new LinkedHashMap<>();
		entries.forEach(e -> filed.put(e.code(), 100L));
		demo.frequency(filed);
		return demo;
	}

	@AfterAll
	static void close() {
		index.close();
	}

	static Synonyms synonyms() {
		Map<String, String> table = new LinkedHashMap<>();
		Csv.read(new InputStreamReader(SearchRelevanceTest.class.getResourceAsStream("/catalog/search-synonyms.csv"),
				StandardCharsets.UTF_8), row -> {
					if (row.line() > 1) {
						table.put(row.fields().get(0), row.fields().get(1));
					}
				});
		return Synonyms.of(table);
	}

	static List<CatalogIndex.Entry> entries(InputStream csv) {
		List<CatalogIndex.Entry> out = new ArrayList<>();
		Csv.read(new InputStreamReader(csv, StandardCharsets.UTF_8), row -> {
			List<String> f = row.fields();
			if (row.line() > 1) {
				out.add(new CatalogIndex.Entry(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(7),
						Boolean.parseBoolean(f.get(8))));
			}
		});
		return out;
	}

	static List<Case> table() {
		List<Case> cases = new ArrayList<>();
		Csv.read(new InputStreamReader(SearchRelevanceTest.class.getResourceAsStream("/search/relevance.csv"),
				StandardCharsets.UTF_8), row -> {
					if (row.line() > 1) {
						cases.add(new Case(row.fields().get(0), row.fields().get(1)));
					}
				});
		return cases;
	}

	/** Ranks (1-based, 0 when not in the first ten) of each case's procedure, printed with the MRR. */
	private static double mrr(CatalogIndex index, String label, List<String> misses) {
		List<Case> cases = table();
		double sum = 0;
		for (Case c : cases) {
			List<String> top = index.search(c.query(), CatalogIndex.Filter.PUBLIC, 0, 10).codes();
			int rank = top.indexOf(c.expected()) + 1;
			sum += rank == 0 ? 0 : 1.0 / rank;
			if (rank == 0 || rank > 3) {
				misses.add(c.query() + " → " + c.expected() + " at " + rank + "; got " + top.subList(0, Math.min(3, top.size())));
			}
		}
		double mrr = sum / cases.size();
		System.out.printf("search relevance (%s): %d queries, MRR %.3f, %d not in the first three%n", label, cases.size(),
				mrr, misses.size());
		misses.forEach(m -> System.out.println("  " + m));
		return mrr;
	}

	@Test
	void theTableHoldsOnTheDemoCatalogAndWith20000ProceduresMore() {
		assertThat(table()).hasSizeGreaterThanOrEqualTo(60);
		List<String> misses = new ArrayList<>();
		assertThat(mrr(index, "demo catalog", misses)).isGreaterThanOrEqualTo(0.9);
		assertThat(misses).as("queries whose procedure is not in the first three").isEmpty();

		try (CatalogIndex crowdedIndex = demoIndex()) {
			crowdedIndex.put(entries(new ByteArrayInputStream(CatalogSearchBenchmark.generate(20_000))));
			assertThat(crowdedIndex.size()).isGreaterThan(20_000);
			List<String> crowded = new ArrayList<>();
			assertThat(mrr(crowdedIndex, "demo + 20,000 generated", crowded)).isGreaterThanOrEqualTo(0.9);
			assertThat(crowded).as("queries whose procedure is not in the first three").isEmpty();
		}
	}

	@Test
	void variantsComeAfterTheProcedureItselfInTheirNaturalOrder() {
		List<String> codes = index.search("giấy phép xây dựng", CatalogIndex.Filter.PUBLIC, 0, 20).codes();
		// 2.001101 Cấp (mới), 2.001105 Gia hạn, 2.001106 Cấp lại, 2.001104 Điều chỉnh
		assertThat(codes).containsSubsequence("2.001101", "2.001105", "2.001106", "2.001104");
		assertThat(index.search("dang ky khai sinh", CatalogIndex.Filter.PUBLIC, 0, 5).codes())
			.containsSubsequence("1.001106", "1.001111"); // Đăng ký before Đăng ký lại
	}

	@Test
	void aMistypedWordIsCorrectedInTheSuggestionAndAKnownWordIsTakenAsTyped() {
		assertThat(index.search("giay phep xay dumg", CatalogIndex.Filter.PUBLIC, 0, 5).suggestion())
			.isEqualTo("giay phep xay dung");
		assertThat(index.search("giay phep xay dung", CatalogIndex.Filter.PUBLIC, 0, 5).suggestion()).isNull();
		assertThat(index.search("ket hon", CatalogIndex.Filter.PUBLIC, 0, 5).codes()).first().isEqualTo("1.001108");
	}
}
