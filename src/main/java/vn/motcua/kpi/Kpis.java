package vn.motcua.kpi;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.identity.Caller;
import vn.motcua.identity.Role;
import vn.motcua.kpi.KpiRollups.Grouping;
import vn.motcua.organization.Agency;
import vn.motcua.organization.Agencies;
import vn.motcua.platform.DomainProblem;
import vn.motcua.platform.InvalidParameter;
import vn.motcua.platform.NotFound;
import vn.motcua.platform.Zones;

/**
 * The figures of a period (Asia/Ho_Chi_Minh days {@code from}–{@code to}, ending at the end of {@code to} or now,
 * whichever is earlier) for a unit subtree, with the access rule of docs/api.md, and the Decision 766 score of what
 * the system holds data for.
 */
@Service
public class Kpis {

	private final KpiRollups rollups;
	private final Agencies agencies;
	private final Clock clock;

	Kpis(KpiRollups rollups, Agencies agencies, Clock clock) {
		this.rollups = rollups;
		this.agencies = agencies;
		this.clock = clock;
	}

	/** The answer: figures and score, and the catalog's business procedures offered online (the province reports it). */
	public record Report(KpiFigures figures, Score score, BusinessProcedures businessProcedures) {
	}

	/**
	 * Published procedures that serve businesses, and those of them offered online in part or in full: the share
	 * the province reports as "100% of business procedures online". Of the catalog now, not of the period.
	 */
	public record BusinessProcedures(long published, long online, long fullyOnline) {

		public java.math.@Nullable BigDecimal onlineRate() {
			return published == 0 ? null : java.math.BigDecimal.valueOf(online * 100)
				.divide(java.math.BigDecimal.valueOf(published), 2, java.math.RoundingMode.HALF_UP);
		}
	}

	@Transactional(readOnly = true)
	public Report report(LocalDate from, LocalDate to, @Nullable String agency, Caller caller) {
		checkPeriod(from, to);
		List<String> units = units(agency, caller);
		KpiFigures f = rollups.figures(Grouping.TOTAL, from, to, end(to), units).getOrDefault("", KpiFigures.NONE);
		Score.Catalog catalog = rollups.catalog(units);
		return new Report(f, Score.of(f, catalog), new BusinessProcedures(catalog.business(), catalog.businessOnline(),
				catalog.businessFullyOnline()));
	}

	private static void checkPeriod(LocalDate from, LocalDate to) {
		if (from.isAfter(to)) {
			throw new InvalidParameter("from", "Ngày bắt đầu (from) phải không sau ngày kết thúc (to).");
		}
	}

	/** A procedure's figures, with its field, for the breakdown on the dashboard. */
	public record ProcedureFigures(String code, String name, String field, KpiFigures figures) {
	}

	/** The figures per procedure of a period and unit subtree, most received first. */
	@Transactional(readOnly = true)
	public List<ProcedureFigures> byProcedure(LocalDate from, LocalDate to, @Nullable String agency, Caller caller) {
		checkPeriod(from, to);
		Map<String, KpiFigures> figures = rollups.figures(Grouping.PROCEDURE, from, to, end(to), units(agency, caller));
		Map<String, String[]> names = rollups.procedureNames(figures.keySet());
		return figures.entrySet()
			.stream()
			.map(e -> {
				String[] n = names.getOrDefault(e.getKey(), new String[] { e.getKey(), "" });
				return new ProcedureFigures(e.getKey(), n[0], n[1], e.getValue());
			})
			.sorted(Comparator.comparingLong((ProcedureFigures p) -> p.figures().received()).reversed()
				.thenComparing(ProcedureFigures::code))
			.toList();
	}

	/** Sums procedures' figures by field, most received first. */
	public static Map<String, KpiFigures> byField(List<ProcedureFigures> procedures) {
		Map<String, KpiFigures> fields = new LinkedHashMap<>();
		for (ProcedureFigures p : procedures) {
			fields.merge(p.field(), p.figures(), KpiFigures::plus);
		}
		return fields.entrySet()
			.stream()
			.sorted(Map.Entry.<String, KpiFigures>comparingByValue(
					Comparator.comparingLong(KpiFigures::received).reversed()))
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
	}

	/** A unit's figures for the ranking on the dashboard. */
	public record UnitFigures(String code, String name, KpiFigures figures) {
	}

	/**
	 * The figures of each unit directly below {@code agency} (below the province root when null), its whole
	 * subtree counted, best on-time rate first.
	 */
	@Transactional(readOnly = true)
	public List<UnitFigures> byUnit(LocalDate from, LocalDate to, @Nullable String agency, Caller caller) {
		checkPeriod(from, to);
		Map<String, KpiFigures> byAgency = rollups.figures(Grouping.UNIT, from, to, end(to), units(agency, caller));
		LocalDate today = LocalDate.now(clock.withZone(Zones.VIETNAM));
		List<Agency> active = agencies.validOn(today);
		String parent = agency != null ? agency
				: active.stream().filter(a -> a.parentCode() == null).map(Agency::code).findFirst().orElse(null);
		// each deciding unit's figures go to the unit below parent it belongs to (merged-away units included)
		Map<String, String> parents = new HashMap<>();
		agencies.all().forEach(a -> parents.put(a.code(), a.parentCode()));
		Map<String, KpiFigures> children = new HashMap<>();
		byAgency.forEach((code, figures) -> {
			for (String c = code; c != null; c = parents.get(c)) {
				if (parent != null && parent.equals(parents.get(c))) {
					children.merge(c, figures, KpiFigures::plus);
					break;
				}
			}
		});
		return active.stream()
			.filter(a -> parent != null && parent.equals(a.parentCode()))
			.map(a -> new UnitFigures(a.code(), a.name(), children.getOrDefault(a.code(), KpiFigures.NONE)))
			.filter(u -> u.figures().received() > 0)
			.sorted(Comparator.comparing((UnitFigures u) -> u.figures().onTimeRate(),
					Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(UnitFigures::code))
			.toList();
	}

	/** A month's figures, judged at the month's end (or now, for the current month). */
	public record MonthFigures(YearMonth month, KpiFigures figures) {
	}

	/** The months of a year up to the current one, each as the API would answer for that month alone. */
	@Transactional(readOnly = true)
	public List<MonthFigures> byMonth(int year, @Nullable String agency, Caller caller) {
		LocalDate to = LocalDate.of(year, 12, 31);
		Map<String, KpiFigures> months = rollups.figures(Grouping.MONTH, LocalDate.of(year, 1, 1), to, end(to),
				units(agency, caller));
		YearMonth now = YearMonth.now(clock.withZone(Zones.VIETNAM));
		List<MonthFigures> trend = new ArrayList<>();
		for (YearMonth m = YearMonth.of(year, 1); m.getYear() == year && !m.isAfter(now); m = m.plusMonths(1)) {
			trend.add(new MonthFigures(m, months.getOrDefault(m.toString(), KpiFigures.NONE)));
		}
		return trend;
	}

	/** A dossier late by the period's end, for the drill-down list. */
	public record LateDossier(String code, String procedureCode, String agencyCode, Instant receivedAt,
			@Nullable Instant dueAt, Instant lateFrom, @Nullable Instant endedAt, String status) {
	}

	/** The late dossiers of a period, unit subtree and (optionally) procedure, longest late first. */
	@Transactional(readOnly = true)
	public List<LateDossier> late(LocalDate from, LocalDate to, @Nullable String agency, @Nullable String procedure,
			int limit, Caller caller) {
		checkPeriod(from, to);
		return rollups.late(from, to, end(to), units(agency, caller), procedure, limit);
	}

	private static Instant start(LocalDate from) {
		return from.atStartOfDay(Zones.VIETNAM).toInstant();
	}

	/** The period's end: the end of {@code to}, or now when that is earlier. */
	private Instant end(LocalDate to) {
		Instant end = to.plusDays(1).atStartOfDay(Zones.VIETNAM).toInstant();
		Instant now = clock.instant();
		return end.isBefore(now) ? end : now;
	}

	/** The units the caller may choose on the dashboard: every unit for the province, their subtree for a leader. */
	public List<Agency> unitsFor(Caller caller, LocalDate day) {
		List<Agency> valid = agencies.validOn(day);
		if (caller.has(Role.ADMIN) || caller.has(Role.PROVINCE_LEADER)) {
			return valid;
		}
		if (caller.has(Role.DEPARTMENT_LEADER) && caller.unitCode() != null) {
			return valid.stream().filter(a -> agencies.isWithin(a.code(), caller.unitCode())).toList();
		}
		return List.of();
	}

	/** The units counted; null for the whole province. */
	private @Nullable List<String> units(@Nullable String agency, Caller caller) {
		if (agency != null && agencies.find(agency).isEmpty()) {
			throw new NotFound("Không có đơn vị " + agency + ".");
		}
		if (caller.has(Role.ADMIN) || caller.has(Role.PROVINCE_LEADER)) {
			return agency == null ? null : agencies.subtree(agency);
		}
		if (caller.has(Role.DEPARTMENT_LEADER) && caller.unitCode() != null) {
			String unit = agency == null ? caller.unitCode() : agency;
			if (!agencies.isWithin(unit, caller.unitCode())) {
				throw new Forbidden("Lãnh đạo chỉ xem chỉ số của đơn vị mình và các đơn vị trực thuộc.");
			}
			return agencies.subtree(unit);
		}
		throw new Forbidden("Chỉ lãnh đạo và quản trị xem chỉ số.");
	}

	/** 403. */
	static final class Forbidden extends DomainProblem {

		Forbidden(String detail) {
			super(HttpStatus.FORBIDDEN, "kpi-forbidden", detail);
		}
	}
}
