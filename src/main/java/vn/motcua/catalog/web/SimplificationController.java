package vn.motcua.catalog.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.motcua.catalog.SimplificationPlans;

/** The simplification programme: every plan with its approved and achieved cuts, and the totals. */
@RestController
class SimplificationController {

	private final SimplificationPlans plans;

	SimplificationController(SimplificationPlans plans) {
		this.plans = plans;
	}

	@GetMapping("/api/v1/simplification-plans")
	Map<String, Object> programme() {
		SimplificationPlans.Programme p = plans.programme();
		Map<String, Object> totals = new LinkedHashMap<>();
		totals.put("plans", p.plans().size());
		totals.put("proceduresWithPlans", p.proceduresWithPlans());
		totals.put("proceduresSimplified", p.proceduresSimplified());
		totals.put("reachingTarget", p.reachingTarget());
		totals.put("targetPercent", SimplificationPlans.PROGRAMME_TARGET_PERCENT);
		totals.put("businessProcedures", p.businessProcedures());
		totals.put("businessReachingTarget", p.businessReachingTarget());
		return Map.of("items", p.plans(), "total", p.plans().size(), "totals", totals);
	}

	@org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.CREATED) // what the document says; the answer sets it
	@PostMapping("/api/v1/admin/simplification-plans")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<Map<String, Object>> create(@Valid @RequestBody PlanRequest r, Authentication actor) {
		long id = plans.create(new SimplificationPlans.NewPlan(r.procedureCode(), r.decisionNumber(), r.decisionDate(),
				r.effectiveFrom(), r.measure(), Boolean.TRUE.equals(r.business()), r.baselineDays(), r.targetDays(),
				r.baselineCostVnd(), r.targetCostVnd()), actor.getName());
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
	}

	record PlanRequest(@NotBlank String procedureCode, @NotBlank @Size(max = 100) String decisionNumber,
			@NotNull LocalDate decisionDate, @Nullable LocalDate effectiveFrom, @NotBlank @Size(max = 1000) String measure,
			@Nullable Boolean business, @NotNull @Min(1) Integer baselineDays, @NotNull @Min(1) Integer targetDays,
			@NotNull @Min(0) Long baselineCostVnd, @NotNull @Min(0) Long targetCostVnd) {
	}
}
