package vn.motcua.dossier.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import jakarta.annotation.PreDestroy;
import vn.motcua.dossier.LegacyImport;
import vn.motcua.platform.MotCuaProperties;

/**
 * Migration from the administrator's page: the uploaded file is kept under the data directory and imported
 * in the background, one run at a time, while the page shows each run's progress (htmx polls every two
 * seconds).
 */
@Controller
class ImportPages {

	private static final Logger log = LoggerFactory.getLogger(ImportPages.class);

	private final LegacyImport legacy;
	private final Path inbox;
	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "dossier-import");
		t.setDaemon(true);
		return t;
	});

	ImportPages(LegacyImport legacy, MotCuaProperties properties) {
		this.legacy = legacy;
		this.inbox = properties.dataDir().resolve("imports");
	}

	@GetMapping("/admin/dossiers/import")
	String page(Model model) {
		model.addAttribute("runs", legacy.recentRuns(10));
		return "dossier/import";
	}

	@GetMapping("/admin/dossiers/import/runs")
	String runs(Model model) {
		model.addAttribute("runs", legacy.recentRuns(10));
		return "dossier/import :: runs";
	}

	@PostMapping("/admin/dossiers/import")
	String start(@RequestParam("file") MultipartFile file, Authentication actor) throws IOException {
		Files.createDirectories(inbox);
		long run = legacy.newRun(actor.getName());
		Path copy = inbox.resolve("run-" + run + ".ndjson");
		try (InputStream in = file.getInputStream()) {
			Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
		}
		String who = actor.getName();
		worker.submit(() -> {
			try (InputStream in = Files.newInputStream(copy)) {
				legacy.importLines(in, who, run);
			}
			catch (IOException | RuntimeException e) {
				log.error("Import run {} failed", run, e);
			}
			finally {
				try {
					Files.deleteIfExists(copy);
				}
				catch (IOException e) {
					log.warn("Could not remove {}", copy);
				}
			}
		});
		return "redirect:/admin/dossiers/import?started=" + run;
	}

	@PreDestroy
	void stop() {
		worker.shutdownNow();
	}
}
