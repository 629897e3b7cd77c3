package vn.motcua.programme;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditLog;
import vn.motcua.identity.Caller;
import vn.motcua.identity.StaffAccounts;
import vn.motcua.organization.Agencies;
import vn.motcua.platform.Forbidden;
import vn.motcua.platform.InvalidFields;
import vn.motcua.platform.NotFound;
import vn.motcua.platform.Text;

/**
 * The programmes' indicators (chỉ tiêu) with their targets, followed month by month for the province (and a unit
 * when it reports its own), and the province's models (mô hình) the report cites. The share of leaders with S&T
 * expertise is not typed in: it is the leadership roster's ({@link Leadership}).
 */
@Service
public class Indicators {

	private final JdbcClient jdbc;
	private final Leadership leadership;
	private final Agencies agencies;
	private final StaffAccounts staff;
	private final AuditLog audit;
	private final Clock clock;
	private final vn.motcua.document.DocumentStore documents;

	Indicators(JdbcClient jdbc, Leadership leadership, Agencies agencies, StaffAccounts staff, AuditLog audit,
			Clock clock, vn.motcua.document.DocumentStore documents) {
		this.documents = documents;
		this.jdbc = jdbc;
		this.leadership = leadership;
		this.agencies = agencies;
		this.staff = staff;
		this.audit = audit;
		this.clock = clock;
	}

	/** An indicator with its target and the province's values by month; {@code latest} is today's reading. */
	public record Indicator(String code, String programme, String name, String measure, BigDecimal target,
			String direction, String source, @Nullable BigDecimal latest, @Nullable Boolean meetsTarget,
			List<Point> series) {

		public record Point(LocalDate period, BigDecimal value) {
		}
	}

	/** A model of the province: its owner, unit, what it measures and the evidence. */
	public record Initiative(long id, String programme, String name, String ownerUsername, String unitCode,
			@Nullable String description, @Nullable String indicators, List<UUID> evidence) {
	}

	@Transactional(readOnly = true)
	public List<Indicator> list(@Nullable String programme, Caller caller) {
		if (caller.citizen()) {
			throw new Forbidden(new Text("problem.programme.staff-only"));
		}
		Map<String, List<Indicator.Point>> series = new HashMap<>();
		jdbc.sql("select indicator_code, period, value from programme_indicator_value where unit_code = ''"
				+ " order by period")
			.query((rs, n) -> series.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
				.add(new Indicator.Point(rs.getObject(2, LocalDate.class), rs.getBigDecimal(3))))
			.list();
		BigDecimal rosterShare = leadership.shares(caller).get(0).rate();
		return jdbc.sql("select * from programme_indicator where (:p::text is null or programme_code = :p)"
				+ " order by programme_code, position, code")
			.param("p", programme)
			.query((rs, n) -> {
				String code = rs.getString("code");
				List<Indicator.Point> points = series.getOrDefault(code, List.of());
				BigDecimal latest = "LEADERSHIP_ROSTER".equals(rs.getString("source")) ? rosterShare
						: points.isEmpty() ? null : points.get(points.size() - 1).value();
				BigDecimal target = rs.getBigDecimal("target");
				String direction = rs.getString("direction");
				Boolean meets = latest == null ? null
						: "AT_MOST".equals(direction) ? latest.compareTo(target) <= 0 : latest.compareTo(target) >= 0;
				return new Indicator(code, rs.getString("programme_code"), rs.getString("name"), rs.getString("measure"),
						target, direction, rs.getString("source"), latest, meets, points);
			})
			.list();
	}

	/** Records a month's value of a reported indicator (administrators and province leaders; a unit's leader for it). */
	@Transactional
	public void record(String code, @Nullable LocalDate period, @Nullable String unitCode, @Nullable BigDecimal value,
			Caller caller) {
		String source = jdbc.sql("select source from programme_indicator where code = ?").param(code).query(String.class)
			.optional()
			.orElseThrow(() -> new NotFound(new Text("problem.programme.indicator-not-found", code)));
		InvalidFields.Collector errors = new InvalidFields.Collector();
		if ("LEADERSHIP_ROSTER".equals(source)) {
			errors.add("code", "programme.error.computed-indicator");
		}
		if (period == null) {
			errors.add("period", "programme.error.required");
		}
		if (value == null) {
			errors.add("value", "programme.error.required");
		}
		else if (value.abs().compareTo(new BigDecimal("1000000000000")) >= 0) {
			errors.add("value", "programme.error.out-of-range");
		}
		if (unitCode != null && !unitCode.isBlank() && agencies.find(unitCode).isEmpty()) {
			errors.add("unitCode", "programme.error.unknown-unit", unitCode);
		}
		errors.throwIfAny();
		boolean ownUnit = unitCode != null && !unitCode.isBlank() && caller.unitCode() != null
				&& caller.has(vn.motcua.identity.Role.DEPARTMENT_LEADER) && agencies.isWithin(unitCode, caller.unitCode());
		if (!caller.provinceWide() && !ownUnit) {
			throw new Forbidden(new Text("problem.programme.plan-forbidden"));
		}
		jdbc.sql("""
				insert into programme_indicator_value (indicator_code, period, unit_code, value, recorded_by, recorded_at)
				values (?, ?, ?, ?, ?, ?)
				on conflict (indicator_code, period, unit_code) do update set value = excluded.value,
				  recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at""")
			.params(code, period.withDayOfMonth(1), unitCode == null ? "" : unitCode, value, caller.username(),
					Timestamp.from(clock.instant()))
			.update();
		audit.record(AuditEntry.of(caller.username(), "programme.indicator.recorded", "programme-indicator", code)
			.with(Map.of("period", period.withDayOfMonth(1).toString(), "value", value.toPlainString())));
	}

	@Transactional(readOnly = true)
	public List<Initiative> initiatives(@Nullable String programme, Caller caller) {
		if (caller.citizen()) {
			throw new Forbidden(new Text("problem.programme.staff-only"));
		}
		return jdbc.sql("select * from programme_initiative where (:p::text is null or programme_code = :p) order by id")
			.param("p", programme)
			.query((rs, n) -> new Initiative(rs.getLong("id"), rs.getString("programme_code"), rs.getString("name"),
					rs.getString("owner_username"), rs.getString("unit_code"), rs.getString("description"),
					rs.getString("indicators"), java.util.Arrays.asList((UUID[]) rs.getArray("evidence").getArray())))
			.list();
	}

	/** Records a model (administrators, province leaders, a department leader for their subtree). */
	@Transactional
	public Initiative addInitiative(@Nullable String programme, @Nullable String name, @Nullable String owner,
			@Nullable String unitCode, @Nullable String description, @Nullable String indicators, Caller caller) {
		InvalidFields.Collector errors = new InvalidFields.Collector();
		if (programme == null || jdbc.sql("select count(*) from programme where code = ?").param(programme)
			.query(Long.class).single() == 0) {
			errors.add("programme", programme == null ? "programme.error.required" : "programme.error.unknown-programme",
					String.valueOf(programme));
		}
		if (name == null || name.isBlank()) {
			errors.add("name", "programme.error.required");
		}
		if (owner == null || staff.find(owner).isEmpty()) {
			errors.add("ownerUsername", owner == null ? "programme.error.required" : "programme.error.unknown-owner",
					String.valueOf(owner));
		}
		if (unitCode == null || agencies.find(unitCode).isEmpty()) {
			errors.add("unitCode", unitCode == null ? "programme.error.required" : "programme.error.unknown-unit",
					String.valueOf(unitCode));
		}
		errors.throwIfAny();
		boolean mine = caller.has(vn.motcua.identity.Role.DEPARTMENT_LEADER) && caller.unitCode() != null
				&& agencies.isWithin(unitCode, caller.unitCode());
		if (!caller.provinceWide() && !mine) {
			throw new Forbidden(new Text("problem.programme.plan-forbidden"));
		}
		long id = jdbc.sql("""
				insert into programme_initiative (programme_code, name, owner_username, unit_code, description,
				  indicators, created_at) values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(programme, name.strip(), owner, unitCode, description, indicators, Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
		audit.record(AuditEntry.of(caller.username(), "programme.initiative.recorded", "programme-initiative",
				Long.toString(id)));
		return new Initiative(id, programme, name.strip(), owner, unitCode, description, indicators, List.of());
	}

	/** Adds an evidence file to a model (its owner, administrators, province leaders, the unit's department leader). */
	@Transactional
	public vn.motcua.document.StoredDocument addInitiativeEvidence(long id, String fileName, java.io.InputStream content,
			Caller caller) {
		Initiative m = initiatives(null, caller).stream().filter(i -> i.id() == id).findFirst()
			.orElseThrow(() -> new NotFound(new Text("problem.programme.initiative-not-found", Long.toString(id))));
		boolean mine = m.ownerUsername().equals(caller.username()) || caller.provinceWide()
				|| caller.has(vn.motcua.identity.Role.DEPARTMENT_LEADER) && caller.unitCode() != null
						&& agencies.isWithin(m.unitCode(), caller.unitCode());
		if (!mine) {
			throw new Forbidden(new Text("problem.programme.report-forbidden"));
		}
		vn.motcua.document.StoredDocument d = documents.store("programme-initiative", Long.toString(id), "evidence",
				fileName, content, caller.username());
		jdbc.sql("update programme_initiative set evidence = array_append(evidence, ?) where id = ?")
			.params(d.id(), id)
			.update();
		audit.record(AuditEntry.of(caller.username(), "programme.evidence.added", "programme-initiative",
				Long.toString(id)).with(Map.of("document", d.id().toString())));
		return d;
	}
}
