package vn.motcua.catalog;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
	static final String[] QUERIES = { "giay phep xay dng", "đăng ký khai sinh", "ly lich tu phap",
			"cấp giấy chứng nhận quyền sử dụng đất", "thanh lap doanh nghiep", "giay phep lai xe", "an toan thuc pham",
			"2.001101" };

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

			long total = procedures.search(new ProcedureQuery(null, null, null, null, false, 0, 1)).total();
			System.out.printf("catalog now holds %d published procedures%n", total);
			System.out.printf("%-42s %10s %10s %8s%n", "query", "median ms", "p99 ms", "hits");
			for (String q : QUERIES) {
				for (int i = 0; i < 20; i++) { // warm-up
					procedures.search(new ProcedureQuery(q, null, null, null, false, 0, 20));
				}
				long[] samples = new long[ROUNDS];
				long hits = 0;
				for (int i = 0; i < ROUNDS; i++) {
					long s = System.nanoTime();
					hits = procedures.search(new ProcedureQuery(q, null, null, null, false, 0, 20)).total();
					samples[i] = System.nanoTime() - s;
				}
				Arrays.sort(samples);
				System.out.printf("%-42s %10.2f %10.2f %8d%n", q, samples[ROUNDS / 2] / 1e6,
						samples[(int) Math.ceil(ROUNDS * 0.99) - 1] / 1e6, hits);
			}
		}
	}

	/** Realistic names: the demo catalog's objects with the verbs and qualifiers procedures combine. */
	static byte[] generate(int count) {
		String[] verbs = { "Cấp", "Cấp lại", "Cấp đổi", "Gia hạn", "Điều chỉnh", "Thu hồi", "Đăng ký", "Xác nhận",
				"Thẩm định", "Phê duyệt", "Công nhận", "Chấp thuận" };
		String[] objects = { "giấy phép xây dựng", "giấy phép lái xe", "giấy chứng nhận quyền sử dụng đất",
				"giấy phép môi trường", "chứng chỉ hành nghề dược", "giấy phép kinh doanh vận tải",
				"giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", "Phiếu lý lịch tư pháp", "giấy khai sinh",
				"giấy chứng nhận đăng ký doanh nghiệp", "giấy phép lao động", "giấy phép khai thác thủy sản",
				"thẻ hướng dẫn viên du lịch", "giấy phép bán lẻ rượu", "giấy chứng nhận đăng ký đầu tư",
				"chứng chỉ năng lực hoạt động xây dựng", "giấy phép hoạt động điện lực", "văn bằng, chứng chỉ",
				"giấy xác nhận tình trạng hôn nhân", "giấy phép tổ chức biểu diễn nghệ thuật" };
		String[] qualifiers = { "", " đối với tổ chức", " đối với cá nhân", " cho doanh nghiệp có vốn đầu tư nước ngoài",
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
