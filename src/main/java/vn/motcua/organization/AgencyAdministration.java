package vn.motcua.organization;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditLog;
import vn.motcua.platform.InvalidFields;

/**
 * Administrators keep the agency tree current: add a unit, rename it, move it under another parent, or
 * end it on a date (merged or dissolved units keep their row so old dossiers still name them). Nothing is
 * deleted; each change is audited with the unit as it was.
 */
@Service
public class AgencyAdministration {

	private static final String CODE = "^[A-Z0-9_.-]{1,40}$";

	private final JdbcClient jdbc;
	private final Agencies agencies;
	private final AuditLog audit;

	AgencyAdministration(JdbcClient jdbc, Agencies agencies, AuditLog audit) {
		this.jdbc = jdbc;
		this.agencies = agencies;
		this.audit = audit;
	}

	/** Creates the unit when its code is new, otherwise changes it. */
	@Transactional
	public void save(Agency unit, String actor) {
		@Nullable Agency before = agencies.find(unit.code()).orElse(null);
		InvalidFields.Collector errors = new InvalidFields.Collector();
		if (!unit.code().matches(CODE)) {
			errors.add("code", "agency.code.invalid");
		}
		if (unit.name().isBlank() || unit.name().length() > 300) {
			errors.add("name", "agency.name.required");
		}
		if (unit.parentCode() != null) {
			if (agencies.find(unit.parentCode()).isEmpty()) {
				errors.add("parentCode", "agency.parent.unknown");
			}
			else if (before != null && agencies.isWithin(unit.parentCode(), unit.code())) {
				errors.add("parentCode", "agency.parent.cycle");
			}
		}
		if (unit.identifier() != null && jdbc.sql("select exists (select 1 from agency where identifier = ? and code <> ?)")
			.params(unit.identifier(), unit.code())
			.query(Boolean.class)
			.single()) {
			errors.add("identifier", "agency.identifier.taken");
		}
		LocalDate from = unit.validFrom();
		LocalDate to = unit.validTo();
		if (from != null && to != null && to.isBefore(from)) {
			errors.add("validTo", "agency.dates.order");
		}
		errors.throwIfAny();
		jdbc.sql("""
				insert into agency (code, name, parent_code, level, identifier, valid_from, valid_to, demo)
				values (:code, :name, :parent, :level, :identifier, :from, :to, false)
				on conflict (code) do update set name = excluded.name, parent_code = excluded.parent_code,
				  level = excluded.level, identifier = excluded.identifier, valid_from = excluded.valid_from,
				  valid_to = excluded.valid_to""")
			.param("code", unit.code())
			.param("name", unit.name().strip())
			.param("parent", unit.parentCode())
			.param("level", unit.level().name())
			.param("identifier", unit.identifier())
			.param("from", from)
			.param("to", to)
			.update();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("name", unit.name());
		details.put("parent", String.valueOf(unit.parentCode()));
		details.put("level", unit.level().name());
		details.put("validTo", String.valueOf(to));
		if (before != null) {
			details.put("before", Map.of("name", before.name(), "parent", String.valueOf(before.parentCode()), "validTo",
					String.valueOf(before.validTo())));
		}
		audit.record(new AuditEntry(actor, before == null ? "agency.created" : "agency.changed", "agency", unit.code(),
				details));
	}
}
