package vn.motcua.organization.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.motcua.organization.Agencies;
import vn.motcua.organization.Agency;
import vn.motcua.platform.Zones;

/** Public reads of the agency tree. */
@RestController
class AgencyController {

	private final Agencies agencies;
	private final Clock clock;

	AgencyController(Agencies agencies, Clock clock) {
		this.agencies = agencies;
		this.clock = clock;
	}

	/**
	 * Units in existence today (or on {@code at}); {@code all=true} adds those merged or abolished.
	 */
	@GetMapping("/api/v1/agencies")
	List<AgencyView> list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate at,
			@RequestParam(defaultValue = "false") boolean all) {
		List<Agency> result = all ? agencies.all()
				: agencies.validOn(at != null ? at : Zones.today(clock));
		return result.stream().map(AgencyView::of).toList();
	}

	record AgencyView(String code, String name, @Nullable String parentCode, String level, @Nullable String identifier,
			@Nullable LocalDate validFrom, @Nullable LocalDate validTo, boolean demo) {

		static AgencyView of(Agency a) {
			return new AgencyView(a.code(), a.name(), a.parentCode(), a.level().name(), a.identifier(), a.validFrom(),
					a.validTo(), a.demo());
		}
	}
}
