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
 * the administrators use, then given documents, steps and legal basis for the procedures the demos walk
 * through (birth registration, construction permit, company registration, judicial record, land).
 */
@Component
@DemoMode
@Order(300)
class DemoCatalog implements DemoSeed {

	static final String CATALOG = "catalog/demo-procedures.csv";

	private final ProcedureImport importer;
	private final JdbcClient jdbc;
	private final TransactionTemplate tx;

	DemoCatalog(ProcedureImport importer, JdbcClient jdbc, TransactionTemplate tx) {
		this.importer = importer;
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
			details();
		});
	}

	private void details() {
		JsonNode all;
		try (InputStream in = new ClassPathResource("catalog/demo-procedure-details.json").getInputStream()) {
			all = JsonMapper.builder().build().readTree(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
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
			int ordinal = 1;
			for (JsonNode doc : d.path("documents")) {
				jdbc.sql("""
						insert into procedure_document (procedure_code, version, case_code, ordinal, name, originals, copies,
						  required, template_name, replaced_by_data)
						values (?, 1, ?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(code, code + "-01", ordinal++, doc.get("name").asString(), doc.path("originals").asInt(1),
							doc.path("copies").asInt(0), doc.path("required").asBoolean(true),
							doc.path("template").isMissingNode() ? null : doc.get("template").asString(),
							doc.path("replacedByData").asBoolean(false))
					.update();
			}
		}
	}
}
