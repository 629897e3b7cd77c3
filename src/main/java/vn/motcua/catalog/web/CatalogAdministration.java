package vn.motcua.catalog.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.catalog.NationalCatalogImport;
import vn.motcua.catalog.ProcedureImport;

/** The administrators' catalog page: CSV and national-database files uploaded and reported line by line. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class CatalogAdministration {

	private final ProcedureImport csvImport;
	private final NationalCatalogImport nationalImport;
	private final JsonMapper json = JsonMapper.builder().build();

	CatalogAdministration(ProcedureImport csvImport, NationalCatalogImport nationalImport) {
		this.csvImport = csvImport;
		this.nationalImport = nationalImport;
	}

	@GetMapping("/admin/catalog")
	String page() {
		return "catalog/admin";
	}

	@PostMapping("/admin/catalog/import")
	String importFile(@RequestParam("format") String format, @RequestParam("file") MultipartFile file,
			Authentication actor, Model model) throws IOException {
		model.addAttribute("format", format);
		model.addAttribute("fileName", file.getOriginalFilename());
		try (InputStream in = file.getInputStream()) {
			if ("csv".equals(format)) {
				ProcedureImport.Result r = csvImport.importCsv(in, actor.getName());
				model.addAttribute("summary", Map.of("imported", r.imported(), "updated", r.updated(), "unchanged",
						r.unchanged()));
			}
			else {
				NationalCatalogImport.Result r = nationalImport.importRecords(json.readTree(in), actor.getName());
				model.addAttribute("summary", Map.of("published", r.published(), "unchanged", r.unchanged(),
						"abolished", r.abolished()));
			}
		}
		catch (ProcedureImport.InvalidImport e) {
			model.addAttribute("errors", e.errors());
		}
		catch (JacksonException e) {
			model.addAttribute("errors", java.util.List.of(Map.of("line", 0, "message", "Tệp không phải JSON hợp lệ")));
		}
		return "catalog/admin";
	}
}
