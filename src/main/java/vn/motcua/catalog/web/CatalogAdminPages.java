package vn.motcua.catalog.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import jakarta.annotation.PreDestroy;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.catalog.CatalogImportRuns;
import vn.motcua.catalog.NationalCatalogImport;
import vn.motcua.catalog.ProcedureImport;

/**
 * The administrators' catalog page: a CSV or national-database file is uploaded, imported in the background
 * (all or nothing) while the page follows its progress, and reported line by line.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class CatalogAdminPages {

	private static final Logger log = LoggerFactory.getLogger(CatalogAdminPages.class);

	private final ProcedureImport csvImport;
	private final NationalCatalogImport nationalImport;
	private final CatalogImportRuns runs;
	private final JsonMapper json = JsonMapper.builder().build();
	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "catalog-import");
		t.setDaemon(true);
		return t;
	});

	CatalogAdminPages(ProcedureImport csvImport, NationalCatalogImport nationalImport, CatalogImportRuns runs) {
		this.csvImport = csvImport;
		this.nationalImport = nationalImport;
		this.runs = runs;
	}

	@GetMapping("/admin/catalog")
	String page(@RequestParam(required = false) @Nullable Long run, Model model) {
		if (run != null) {
			runs.find(run).ifPresent(r -> describe(r, model));
		}
		return "catalog/admin";
	}

	@GetMapping("/admin/catalog/import/runs/{id}")
	String run(@PathVariable long id, Model model) {
		describe(runs.find(id).orElseThrow(() -> new vn.motcua.platform.NotFound("Không có lần nhập " + id)), model);
		return "catalog/admin :: run";
	}

	@PostMapping("/admin/catalog/import")
	String importFile(@RequestParam("format") String format, @RequestParam("file") MultipartFile file,
			Authentication actor) throws IOException {
		String kind = "csv".equals(format) ? "csv" : "national";
		if (file.getSize() > ProcedureImport.MAX_CSV_BYTES) {
			long run = runs.start(actor.getName(), kind, file.getOriginalFilename());
			runs.finish(run, false, List.of(Map.of("line", 0, "message", "Tệp lớn hơn 10 MB")));
			return "redirect:/admin/catalog?run=" + run;
		}
		byte[] content = file.getBytes();
		String who = actor.getName();
		long run = runs.start(who, kind, file.getOriginalFilename());
		worker.submit(() -> work(run, kind, content, who));
		return "redirect:/admin/catalog?run=" + run;
	}

	private void work(long run, String kind, byte[] content, String actor) {
		try (InputStream in = new ByteArrayInputStream(content)) {
			if ("csv".equals(kind)) {
				ProcedureImport.Result r = csvImport.importCsv(in, actor, runs.progressOf(run));
				runs.finish(run, true, Map.of("imported", r.imported(), "updated", r.updated(), "unchanged",
						r.unchanged()));
			}
			else {
				NationalCatalogImport.Result r = nationalImport.importRecords(json.readTree(in), actor,
						runs.progressOf(run));
				runs.finish(run, true, Map.of("published", r.published(), "unchanged", r.unchanged(), "abolished",
						r.abolished()));
			}
		}
		catch (ProcedureImport.InvalidImport e) {
			runs.finish(run, false, e.errors());
		}
		catch (JacksonException e) {
			runs.finish(run, false, List.of(Map.of("line", 0, "message", "Tệp không phải JSON hợp lệ")));
		}
		catch (IOException | RuntimeException e) {
			log.error("Catalog import {} failed", run, e);
			runs.finish(run, false, List.of(Map.of("line", 0, "message", "Lỗi hệ thống khi nhập; không nhập dòng nào")));
		}
	}

	private void describe(CatalogImportRuns.Run r, Model model) {
		model.addAttribute("run", r);
		model.addAttribute("fileName", r.fileName());
		if (r.finishedAt() == null || r.outcome() == null) {
			return;
		}
		JsonNode outcome = json.readTree(r.outcome());
		if (Boolean.TRUE.equals(r.succeeded())) {
			Map<String, Object> summary = new java.util.LinkedHashMap<>();
			outcome.properties().forEach(e -> summary.put(e.getKey(), e.getValue().asInt()));
			model.addAttribute("summary", summary);
		}
		else {
			List<Map<String, Object>> errors = new java.util.ArrayList<>();
			for (JsonNode e : outcome) {
				errors.add(Map.of("line", e.path("line").asInt(), "message", e.path("message").asString("")));
			}
			model.addAttribute("errors", errors);
		}
	}

	@PreDestroy
	void stop() {
		worker.shutdownNow();
	}
}
