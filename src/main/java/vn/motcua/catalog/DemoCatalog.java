package vn.motcua.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.io.UncheckedIOException;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.platform.Csv;
import vn.motcua.platform.DemoMode;
import vn.motcua.platform.DemoSeed;

/**
 * A demonstration catalog (made-up codes, realistic names and time limits) loaded through the CSV import
 * the administrators use, then given steps and legal basis for the procedures the demos walk through (birth
 * registration, construction permit, company registration, judicial record, land), whom each serves, and the
 * templates (components and e-forms) of the most used ones.
 */
@Component
@DemoMode
@Order(300)
class DemoCatalog implements DemoSeed {

	static final String CATALOG = "catalog/demo-procedures.csv";

	/** Fields whose procedures serve businesses only, or citizens and businesses alike. */
	private static final List<String> BUSINESS_FIELDS = List.of("Thành lập và hoạt động doanh nghiệp", "Đầu tư",
			"Công thương");
	private static final List<String> SHARED_FIELDS = List.of("Xây dựng", "Đất đai", "Môi trường",
			"Nông nghiệp, thủy sản", "Y tế, dược", "Giao thông vận tải", "Văn hóa, thể thao, du lịch",
			"Khoa học và công nghệ, thông tin và truyền thông", "Lao động, việc làm",
			"Công chứng, luật sư, trợ giúp pháp lý", "Giáo dục và đào tạo");

	private final ProcedureImport importer;
	private final ProcedurePublication publication;
	private final JdbcClient jdbc;
	private final TransactionTemplate tx;

	DemoCatalog(ProcedureImport importer, ProcedurePublication publication, JdbcClient jdbc, TransactionTemplate tx) {
		this.importer = importer;
		this.publication = publication;
		this.jdbc = jdbc;
		this.tx = tx;
	}

	@Override
	public void seed() {
		if (jdbc.sql("select exists (select 1 from procedure where demo)").query(Boolean.class).single()) {
			return;
		}
		List<String> codes = new ArrayList<>();
		try (InputStream in = new ClassPathResource(CATALOG).getInputStream()) {
			Csv.read(new InputStreamReader(in, StandardCharsets.UTF_8), row -> {
				if (row.line() > 1) {
					codes.add(row.fields().get(0));
				}
			});
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		tx.executeWithoutResult(s -> {
			try (InputStream in = new ClassPathResource(CATALOG).getInputStream()) {
				importer.importCsv(in, "system");
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			jdbc.sql("update procedure set demo = true where code = any(?)")
				.param(codes.toArray(String[]::new))
				.update();
			audiences();
			details();
			templates();
			plans();
			// business registration and land procedures: only level-2 e-ID accounts file online
			jdbc.sql("""
					insert into procedure_setting (procedure_code, min_assurance_level, updated_at, updated_by)
					select code, 2, now(), 'system' from procedure
					where demo and (name like 'Đăng ký thành lập%' or name ilike '%quyền sử dụng đất%')""")
				.update();
		});
	}

	/** Đối tượng thực hiện by field, as the national catalog gives it for these procedures. */
	private void audiences() {
		jdbc.sql("""
				with a as (select p.code, case when f.name = any(:business) then 'BUSINESS'
				    when f.name = any(:shared) then 'BOTH' else 'CITIZEN' end as audience
				  from procedure p join procedure_field f on f.id = p.field_id where p.demo)
				, v as (update procedure_version v set audience = a.audience from a where v.procedure_code = a.code)
				update procedure p set audience = a.audience from a where p.code = a.code""")
			.param("business", BUSINESS_FIELDS.toArray(String[]::new))
			.param("shared", SHARED_FIELDS.toArray(String[]::new))
			.update();
	}

	/**
	 * Mẫu hồ sơ of the most used procedures, from their published dossier lists: components with codes, the
	 * e-form, and whom the procedure serves where the field alone does not say it. Checked as the API checks
	 * an administrator's template.
	 */
	private void templates() {
		for (Map.Entry<String, JsonNode> e : json("catalog/demo-templates.json").properties()) {
			String code = e.getKey();
			ProcedurePublication.CaseTemplate template = TemplateJson.parseTemplate(e.getValue());
			String caseCode = jdbc.sql("""
					select c.code from procedure_case c join procedure p on p.code = c.procedure_code
					  and c.version = p.current_version
					where p.code = ? and c.is_default""").param(code).query(String.class).single();
			publication.setTemplate(code, caseCode, template, "system").orElseThrow();
			if (e.getValue().has("audience")) {
				publication.setAudience(code, Audience.valueOf(e.getValue().get("audience").asString()), "system");
			}
		}
	}

	private static JsonNode json(String resource) {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			return JsonMapper.builder().build().readTree(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Plans under NQ 66/NQ-CP: some already achieved by the published version, some still to publish. */
	private void plans() {
		Object[][] plans = {
				{ "Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên", 5, 3, 50000, 50000, true, "Rút ngắn thời hạn; thay thế giấy tờ bằng dữ liệu dân cư" },
				{ "Cấp giấy phép bán lẻ rượu", 15, 10, 1200000, 1200000, true, "Cắt giảm thời hạn giải quyết" },
				{ "Cấp giấy chứng nhận đủ điều kiện cửa hàng bán lẻ xăng dầu", 20, 15, 1200000, 1200000, true, "Bỏ bước thẩm định thực địa trùng lặp" },
				{ "Cấp giấy phép kinh doanh vận tải bằng xe ô tô", 8, 5, 200000, 200000, true, "Trực tuyến toàn trình" },
				{ "Cấp giấy phép xây dựng nhà ở riêng lẻ", 15, 10, 75000, 50000, false, "Liên thông với cơ sở dữ liệu đất đai" },
				{ "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam", 10, 7, 200000, 200000, false, "Khai thác dữ liệu dân cư thay giấy tờ" } };
		for (Object[] p : plans) {
			jdbc.sql("""
					insert into simplification_plan (procedure_code, decision_number, decision_date, effective_from, measure,
					  business, baseline_days, target_days, baseline_cost_vnd, target_cost_vnd, status, demo, created_at)
					select code, '1234/QĐ-UBND (demo)', date '2025-08-15', date '2025-10-01', ?, ?, ?, ?, ?, ?, 'IN_EFFECT',
					  true, now()
					from procedure where name = ?""")
				.params(p[6], p[5], p[1], p[2], ((Integer) p[3]).longValue(), ((Integer) p[4]).longValue(), p[0])
				.update();
		}
	}

	private void details() {
		JsonNode all = json("catalog/demo-procedure-details.json");
		for (Map.Entry<String, JsonNode> e : all.properties()) {
			String code = jdbc.sql("select code from procedure where name = ?").param(e.getKey()).query(String.class)
				.single();
			JsonNode d = e.getValue();
			jdbc.sql("""
					update procedure_version set steps = :steps, methods = :methods, conditions = :conditions,
					  result = :result, legal_basis = :legal, applicant_types = cast(:types as text[])
					where procedure_code = :code and version = 1""")
				.param("steps", d.path("steps").asString())
				.param("methods", d.path("methods").asString())
				.param("conditions", d.path("conditions").asString())
				.param("result", d.path("result").asString())
				.param("legal", d.path("legalBasis").asString())
				.param("types", "{" + String.join(",", d.path("applicantTypes").valueStream()
					.map(t -> "\"" + t.asString() + "\"").toList()) + "}")
				.param("code", code)
				.update();
			if (d.has("cutoff")) {
				jdbc.sql("update procedure_case set cutoff_time = cast(? as time) where procedure_code = ? and is_default")
					.params(d.get("cutoff").asString(), code)
					.update();
			}
		}
	}
}
