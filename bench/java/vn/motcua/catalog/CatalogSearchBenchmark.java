package vn.motcua.catalog;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.MotCuaApplication;

/**
 * Loads 20,000 procedures (through the CSV import, timed) into a fresh embedded PostgreSQL and prints the
 * median and 99th-percentile latency of typical citizen searches, on the real query path.
 *
 * <p>Run with {@code bench/run catalog-search}.
 */
public final class CatalogSearchBenchmark {

	static final int PROCEDURES = 20_000;
	static final int ROUNDS = 200;
	/** Query classes citizens and officers type, each with a few queries. */
	public static final String[][] QUERIES = {
			{ "exact", "đăng ký khai sinh", "cấp giấy chứng nhận quyền sử dụng đất", "lý lịch tư pháp" },
			{ "no diacritics", "dang ky ket hon", "thanh lap doanh nghiep", "an toan thuc pham" },
			{ "typo (1-2 edits)", "giay phep xay dng", "dăng ki khai sinh", "chung chi hanh nghe duocc" },
			{ "abbreviation", "cccd", "gpxd", "lltp" },
			{ "citizens' words", "làm giấy khai sinh cho con", "xin phép xây nhà", "sang tên sổ đỏ" },
			{ "type-ahead prefix", "giay phep l", "dang ky thuong t", "cap lai giay" },
			{ "long query", "cấp giấy phép xây dựng mới đối với công trình cấp đặc biệt cấp I cấp II", },
			{ "code", "2.001101" } };

	public static void main(String[] args) throws Exception {
		Path data = Path.of("target", "bench-catalog-" + System.nanoTime());
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MotCuaApplication.class)
			.web(WebApplicationType.NONE)
			.run("--motcua.data-dir=" + data, "--motcua.db.embedded-clean=true", "--db-scheduler.enabled=false",
					"--logging.level.root=warn")) {
			ProcedureImport importer = app.getBean(ProcedureImport.class);
			Procedures procedures = app.getBean(Procedures.class);
			TransactionTemplate tx = app.getBean(TransactionTemplate.class);

			byte[] csv = generate(PROCEDURES);
			long t0 = System.nanoTime();
			ProcedureImport.Result r = tx.execute(s -> importer.importCsv(new ByteArrayInputStream(csv), "bench"));
			double importSeconds = (System.nanoTime() - t0) / 1e9;
			System.out.printf("import: %d procedures (%d KB) in %.2f s (%.0f procedures/s)%n", r.imported(),
					csv.length / 1024, importSeconds, r.imported() / importSeconds);

			Map<String, Long> filed = app.getBean(ProcedureDemand.class)
				.receivedSince(java.time.LocalDate.now().minusYears(1));
			// without filings the ranking has no use to break ties with (SearchRelevanceTest gives the province's own)
			System.out.printf("procedures with dossiers filed in the last year: %d%n", filed.size());
			long t1 = System.nanoTime();
			procedures.search(new ProcedureQuery("giay phep", null, null, null, false, 0, 1));
			System.out.printf("search index caught up with the import (first search after it) in %.2f s%n",
					(System.nanoTime() - t1) / 1e9);
			long total = procedures.search(new ProcedureQuery(null, null, null, null, false, 0, 1)).total();
			System.out.printf("catalog now holds %d published procedures%n", total);
			System.out.printf("%-20s %-42s %10s %10s %8s%n", "class", "query", "median ms", "p99 ms", "hits");
			for (String[] group : QUERIES) {
				for (int k = 1; k < group.length; k++) {
					String q = group[k];
					for (int i = 0; i < 20; i++) { // warm-up
						procedures.search(new ProcedureQuery(q, null, null, null, false, 0, 20));
					}
					long[] samples = new long[ROUNDS];
					long hits = 0;
					for (int i = 0; i < ROUNDS; i++) {
						long t = System.nanoTime();
						hits = procedures.search(new ProcedureQuery(q, null, null, null, false, 0, 20)).total();
						samples[i] = System.nanoTime() - t;
					}
					Arrays.sort(samples);
					System.out.printf("%-20s %-42s %10.2f %10.2f %8d%n", group[0], q.length() > 42 ? q.substring(0, 39) + "..." : q,
							samples[ROUNDS / 2] / 1e6, samples[(int) Math.ceil(ROUNDS * 0.99) - 1] / 1e6, hits);
				}
			}
			relevance(procedures);
		}
	}

	/** The relevance table of the tests, on this catalog (demo + 20,000, the demo history's filings as frequency). */
	static void relevance(Procedures procedures) throws java.io.IOException {
		List<String[]> table = new ArrayList<>();
		try (var in = CatalogSearchBenchmark.class.getResourceAsStream("/search/relevance.csv")) {
			vn.motcua.platform.Csv.read(new java.io.InputStreamReader(in, StandardCharsets.UTF_8), row -> {
				if (row.line() > 1) {
					table.add(new String[] { row.fields().get(0), row.fields().get(1) });
				}
			});
		}
		double sum = 0;
		int top3 = 0;
		for (String[] c : table) {
			List<String> top = procedures.search(new ProcedureQuery(c[0], null, null, null, false, 0, 10)).items().stream()
				.map(ProcedureSummary::code).toList();
			int rank = top.indexOf(c[1]) + 1;
			sum += rank == 0 ? 0 : 1.0 / rank;
			top3 += rank >= 1 && rank <= 3 ? 1 : 0;
			if (rank == 0 || rank > 3) {
				System.out.printf("  relevance miss: %s → %s at %d%n", c[0], c[1], rank);
			}
		}
		System.out.printf("relevance: %d queries, MRR %.3f, %d with the expected procedure in the first three%n",
				table.size(), sum / table.size(), top3);
	}

	/** Realistic names: the demo catalog's objects with the verbs and qualifiers procedures combine. */
	public static byte[] generate(int count) {
		String[] verbs = { "Cấp", "Cấp lại", "Cấp đổi", "Gia hạn", "Điều chỉnh", "Thu hồi", "Đăng ký", "Xác nhận",
				"Thẩm định", "Phê duyệt", "Công nhận", "Chấp thuận" };
		String[] objects = { "giấy phép xây dựng", "giấy phép lái xe", "giấy chứng nhận quyền sử dụng đất",
				"giấy phép môi trường", "chứng chỉ hành nghề dược", "giấy phép kinh doanh vận tải",
				"giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", "Phiếu lý lịch tư pháp", "giấy khai sinh",
				"giấy chứng nhận đăng ký doanh nghiệp", "giấy phép lao động", "giấy phép khai thác thủy sản",
				"thẻ hướng dẫn viên du lịch", "giấy phép bán lẻ rượu", "giấy chứng nhận đăng ký đầu tư",
				"chứng chỉ năng lực hoạt động xây dựng", "giấy phép hoạt động điện lực", "văn bằng, chứng chỉ",
				"giấy xác nhận tình trạng hôn nhân", "giấy phép tổ chức biểu diễn nghệ thuật" };
		// every generated procedure is a specific one (a qualifier): the catalog's own bare names stay the real ones
		String[] qualifiers = { " đối với tổ chức", " đối với cá nhân", " cho doanh nghiệp có vốn đầu tư nước ngoài",
				" trong khu kinh tế", " do bị mất, hư hỏng", " trên địa bàn tỉnh", " đối với công trình cấp III",
				" cho hộ kinh doanh", " theo hình thức trực tuyến" };
		String[] fields = { "Xây dựng", "Giao thông vận tải", "Đất đai", "Môi trường", "Y tế, dược", "Công thương",
				"Lý lịch tư pháp", "Hộ tịch", "Thành lập và hoạt động doanh nghiệp", "Lao động, việc làm",
				"Nông nghiệp, thủy sản", "Văn hóa, thể thao, du lịch", "Đầu tư", "Giáo dục và đào tạo" };
		String[] agencies = { "SXD", "SNNMT", "SYT", "SCT", "STP", "STC", "SNV", "SVHTTDL", "SGDDT" };
		Random random = new Random(7);
		StringBuilder out = new StringBuilder(
				"code,name,field,agencyCode,level,durationWorkingDays,feeVnd,onlineLevel,internal\n");
		List<String> online = new ArrayList<>(List.of("FULL", "PARTIAL", "NONE"));
		for (int i = 0; i < count; i++) {
			String name = verbs[i % verbs.length] + " " + objects[(i / verbs.length) % objects.length]
					+ qualifiers[(i / (verbs.length * objects.length)) % qualifiers.length]
					+ (i >= verbs.length * objects.length * qualifiers.length ? " (mẫu " + i + ")" : "");
			boolean commune = random.nextInt(5) == 0;
			out.append(String.format("8.%06d,\"%s\",\"%s\",%s,%s,%d,%d,%s,false%n", i, name,
					fields[random.nextInt(fields.length)], commune ? "P_ANXUYEN" : agencies[random.nextInt(agencies.length)],
					commune ? "COMMUNE" : "PROVINCE", 1 + random.nextInt(30), random.nextInt(20) * 50_000,
					online.get(random.nextInt(3))));
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}
}
