package vn.motcua.organization.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.motcua.organization.Agencies;
import vn.motcua.organization.Agency;
import vn.motcua.platform.Zones;

/** The agency tree for staff, optionally with the units merged away. */
@Controller
class AgencyPages {

	private final Agencies agencies;
	private final Clock clock;

	AgencyPages(Agencies agencies, Clock clock) {
		this.agencies = agencies;
		this.clock = clock;
	}

	@GetMapping("/staff/agencies")
	String tree(@RequestParam(defaultValue = "false") boolean history, Model model) {
		List<Agency> list = history ? agencies.all() : agencies.validOn(Zones.today(clock));
		Map<String, Integer> depth = new HashMap<>();
		List<Row> rows = list.stream().map(a -> {
			int d = a.parentCode() == null ? 0 : depth.getOrDefault(a.parentCode(), 0) + 1;
			depth.put(a.code(), d);
			return new Row(a, Math.min(d, 3));
		}).toList();
		model.addAttribute("rows", rows);
		model.addAttribute("history", history);
		return "organization/agencies";
	}

	record Row(Agency agency, int depth) {
	}
}
