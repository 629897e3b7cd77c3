package vn.motcua.quality.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.identity.Caller;
import vn.motcua.identity.Callers;
import vn.motcua.identity.Role;
import vn.motcua.platform.DomainProblem;
import vn.motcua.platform.InvalidFields;
import vn.motcua.platform.Table;
import vn.motcua.quality.DataQuality;
import vn.motcua.quality.QualityRuns;

/** The data-quality page: the four dimensions of a dataset, their trend by run, and the correction queue to work. */
@Controller
class QualityPages {

	private final DataQuality quality;
	private final QualityRuns runs;
	private final Callers callers;
	private final MessageSource messages;
	private final JsonMapper json = JsonMapper.builder().build();

	QualityPages(DataQuality quality, QualityRuns runs, Callers callers, MessageSource messages) {
		this.quality = quality;
		this.runs = runs;
		this.callers = callers;
		this.messages = messages;
	}

	@GetMapping("/staff/quality")
	String page(@RequestParam(defaultValue = "DOSSIERS") String dataset,
			@RequestParam(required = false) @Nullable String dimension, @RequestParam(defaultValue = "OPEN") String status,
			@RequestParam(defaultValue = "0") int page, Authentication auth, Model model) {
		Caller caller = callers.of(auth);
		String d = DataQuality.DATASETS.contains(dataset) ? dataset : "DOSSIERS";
		String dim = dimension != null && DataQuality.DIMENSIONS.contains(dimension) ? dimension : null;
		String st = List.of("OPEN", "CORRECTED", "DISMISSED").contains(status) ? status : "OPEN";
		boolean scores = caller.has(Role.ADMIN) || caller.has(Role.PROVINCE_LEADER) || caller.has(Role.DEPARTMENT_LEADER);
		model.addAttribute("datasets", DataQuality.DATASETS);
		model.addAttribute("dimensions", DataQuality.DIMENSIONS);
		model.addAttribute("dataset", d);
		model.addAttribute("dimension", dim);
		model.addAttribute("status", st);
		model.addAttribute("page", Math.max(0, page));
		model.addAttribute("admin", caller.has(Role.ADMIN));
		if (scores) {
			model.addAttribute("summary", quality.summary(d, null, caller));
			List<DataQuality.Point> trend = quality.trend(d, null, 30, caller);
			Map<String, Object> chart = new LinkedHashMap<>();
			chart.put("runs", trend.stream().map(p -> vn.motcua.platform.Zones.DAY.format(
					p.at().atZone(vn.motcua.platform.Zones.VIETNAM).toLocalDate())).toList());
			for (String x : DataQuality.DIMENSIONS) {
				chart.put(x, trend.stream().map(p -> p.rates().get(x)).toList());
			}
			chart.put("labels", DataQuality.DIMENSIONS.stream().map(x -> msg("quality.dimension." + x)).toList());
			model.addAttribute("trend", json.writeValueAsString(chart));
		}
		model.addAttribute("issues", quality.issues(d, dim, st, null, Math.max(0, page), 50, caller));
		return "quality/page";
	}

	@PostMapping("/staff/quality/issues/{id}/resolution")
	String resolve(@PathVariable long id, @RequestParam String action, @RequestParam(required = false) @Nullable String value,
			@RequestParam(required = false) @Nullable String reason, @RequestParam(defaultValue = "DOSSIERS") String dataset,
			Authentication auth, RedirectAttributes flash) {
		try {
			DataQuality.Issue i = quality.resolve(id, action, value, reason, callers.of(auth));
			flash.addFlashAttribute("resolved", i.status());
		}
		catch (InvalidFields e) {
			flash.addFlashAttribute("errors", e.messages(messages, LocaleContextHolder.getLocale()));
		}
		catch (DomainProblem e) {
			flash.addFlashAttribute("errors", List.of(e.detail()));
		}
		return "redirect:/staff/quality?dataset=" + (DataQuality.DATASETS.contains(dataset) ? dataset : "DOSSIERS");
	}

	@PostMapping("/staff/quality/runs")
	String run(Authentication auth, RedirectAttributes flash) {
		flash.addFlashAttribute("started", runs.request(callers.of(auth)).id());
		return "redirect:/staff/quality";
	}

	@GetMapping("/staff/quality/export")
	void export(@RequestParam(required = false) @Nullable String dataset, @RequestParam(required = false) @Nullable String status,
			@RequestParam(defaultValue = "xlsx") String format, Authentication auth, HttpServletResponse response)
			throws IOException {
		quality.export(dataset, null, status, null, callers.of(auth)).send(Table.Format.of(format), "chat-luong-du-lieu",
				response);
	}

	/** The four dimensions of the dossiers for the leaders' dashboard (loaded into it by htmx). */
	@GetMapping("/staff/quality/panel")
	String panel(Authentication auth, Model model) {
		Caller caller = callers.of(auth);
		model.addAttribute("summaries", List.of(quality.summary("APPLICANTS", null, caller),
				quality.summary("DOSSIERS", null, caller), quality.summary("PROCEDURES", null, caller)));
		// the trend: each rate's change since the run before the latest, in points
		Map<String, Map<String, java.math.BigDecimal>> change = new LinkedHashMap<>();
		for (String d : List.of("APPLICANTS", "DOSSIERS", "PROCEDURES")) {
			List<DataQuality.Point> last = quality.trend(d, null, 2, caller);
			Map<String, java.math.BigDecimal> m = new LinkedHashMap<>();
			if (last.size() == 2) {
				for (String x : DataQuality.DIMENSIONS) {
					java.math.BigDecimal before = last.get(0).rates().get(x);
					java.math.BigDecimal now = last.get(1).rates().get(x);
					if (before != null && now != null) {
						m.put(x, now.subtract(before));
					}
				}
			}
			change.put(d, m);
		}
		model.addAttribute("change", change);
		model.addAttribute("dimensions", DataQuality.DIMENSIONS);
		model.addAttribute("open", quality.issues(null, null, "OPEN", null, 0, 1, caller).total());
		return "quality/panel :: panel";
	}

	private String msg(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}
}
