package vn.motcua.quality;

import java.util.Map;

/**
 * What each rule of {@code quality_rule} checks, as one SQL select over the data in place: a row per record checked
 * with {@code record_key}, the owning {@code unit_code}, whether it {@code passed} and a {@code hash} of the values
 * judged (a dismissed issue reopens only when they change). PostgreSQL streams and groups the rows, so a run does
 * not load millions of records into the application. {@code :key} narrows a check to one record (null for all);
 * {@code :now} is the run's instant; the agency validity arrays come from the organization module.
 */
final class RuleChecks {

	private RuleChecks() {
	}

	/** One applicant per ID number (citizens) or tax code (businesses), owned by the unit of their latest dossier. */
	private static final String APPLICANTS = """
			with a as (
			  select coalesce(d.applicant_id_number, d.applicant_tax_code) as k,
			         (array_agg(d.agency_code order by d.submitted_at desc nulls last, d.code desc))[1] as unit,
			         bool_or(d.applicant_id_number is not null) as citizen,
			         count(distinct (lower(btrim(d.applicant_name)), d.applicant_birth_date))
			           filter (where d.applicant_id_number is not null) as people,
			         bool_and(coalesce(d.applicant_phone, '0900000000') ~ '^(\\+84|0)[0-9]{9,10}$'
			           and coalesce(d.applicant_email, 'a@b.c') ~ '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$') as contacts_well_formed,
			         bool_or(d.applicant_phone is not null or d.applicant_email is not null) as contact,
			         bool_or(d.registry_check = 'MATCH') as matched,
			         max(coalesce(d.received_at, d.submitted_at)) filter (where d.registry_check in
			           ('MATCH', 'NO_MATCH', 'NOT_FOUND', 'DECEASED')) as checked_at,
			         md5(string_agg(concat_ws('|', d.applicant_name, d.applicant_birth_date, d.applicant_phone,
			           d.applicant_email, d.registry_check), ',' order by d.code)) as hash
			  from dossier d
			  where coalesce(d.applicant_id_number, d.applicant_tax_code) is not null
			    and (cast(:key as text) is null or coalesce(d.applicant_id_number, d.applicant_tax_code) = :key)
			  group by 1
			), r as (
			  select l.id_number, bool_or(l.result = 'MATCH') as matched,
			         max(l.at) filter (where l.result in ('MATCH', 'NO_MATCH', 'NOT_FOUND', 'DECEASED')) as at
			  from registry_lookup l
			  where l.kind = 'VERIFY' and (cast(:key as text) is null or l.id_number = :key)
			  group by l.id_number
			)
			select a.k as record_key, coalesce(a.unit, '') as unit_code, %s as passed, a.hash
			from a left join r on r.id_number = a.k
			where %s""";

	private static final String DOSSIERS = """
			select d.code as record_key, d.agency_code as unit_code, %s as passed,
			       md5(concat_ws('|', d.status, d.applicant_name, d.applicant_id_number, d.applicant_tax_code,
			         d.submitted_at, d.received_at, d.due_at, d.extended_due_at, d.finished_at, d.returned_at,
			         d.agency_code, d.registry_check, d.vneid_verified)) as hash
			from dossier d
			where (cast(:key as text) is null or d.code = :key) and %s""";

	private static final String PROCEDURES = """
			select p.code as record_key, p.agency_code as unit_code, %s as passed,
			       md5(concat_ws('|', p.name, pp.complete, m.national_code)) as hash
			from catalog_procedure p
			join catalog_procedure_publication pp on pp.code = p.code
			left join sync_code_map m on m.kind = 'PROCEDURE' and m.local_code = p.code
			where p.status = 'PUBLISHED' and (cast(:key as text) is null or p.code = :key)""";

	private static final String OPEN = "('RECEIVED', 'PROCESSING', 'SUPPLEMENT_REQUESTED', 'PAYMENT_REQUESTED')";

	/** Rule code → its check; the agency rule is checked in Java ({@link QualityRuns}). */
	static final Map<String, String> SQL = Map.ofEntries(
			Map.entry("APPLICANT_REGISTRY_MATCH",
					APPLICANTS.formatted("a.matched or coalesce(r.matched, false)", "a.citizen")),
			Map.entry("APPLICANT_CONTACT", APPLICANTS.formatted("a.contact", "true")),
			Map.entry("APPLICANT_ONE_PERSON", APPLICANTS.formatted("""
					a.contacts_well_formed and case when a.citizen then a.people <= 1 and a.k ~ '^[0-9]{12}$'
					  else a.k ~ '^[0-9]{10}(-[0-9]{3})?$' end""", "true")),
			Map.entry("APPLICANT_VERIFIED_RECENTLY", APPLICANTS.formatted(
					"greatest(a.checked_at, r.at) >= cast(:now as timestamptz) - interval '365 days'", "a.citizen")),
			Map.entry("DOSSIER_IDENTITY", DOSSIERS.formatted("d.vneid_verified or d.registry_check = 'MATCH'",
					"d.imported_hash is null and d.applicant_type = 'CITIZEN'")),
			Map.entry("DOSSIER_REQUIRED", DOSSIERS.formatted("""
					coalesce(d.applicant_name, d.business_name) is not null
					and coalesce(d.applicant_id_number, d.applicant_tax_code) is not null
					and (d.received_at is null or d.due_at is not null)""", "d.imported_hash is null")),
			Map.entry("DOSSIER_DATES_AND_UNIT", DOSSIERS.formatted("""
					(d.received_at is null or d.submitted_at is null or d.received_at >= d.submitted_at)
					and (d.finished_at is null or d.received_at is null or d.finished_at >= d.received_at)
					and (d.returned_at is null or d.finished_at is null or d.returned_at >= d.finished_at)
					and exists (select 1 from unnest(cast(:units as text[]), cast(cast(:froms as text[]) as date[]),
					  cast(cast(:tos as text[]) as date[]))
					  as u(code, valid_from, valid_to)
					  where u.code = d.agency_code
					    and (u.valid_from is null or u.valid_from <= cast(coalesce(d.received_at, d.submitted_at)
					      at time zone 'Asia/Ho_Chi_Minh' as date))
					    and (u.valid_to is null or u.valid_to >= cast(coalesce(d.received_at, d.submitted_at)
					      at time zone 'Asia/Ho_Chi_Minh' as date)))""", "true")),
			Map.entry("DOSSIER_NOT_STALE", DOSSIERS.formatted(
					"coalesce(d.extended_due_at, d.due_at) is null or coalesce(d.extended_due_at, d.due_at)"
							+ " >= cast(:now as timestamptz) - interval '90 days'",
					"d.status in " + OPEN)),
			Map.entry("PROCEDURE_PUBLISHED_PARTS", PROCEDURES.formatted("coalesce(pp.complete, false)")),
			Map.entry("PROCEDURE_NATIONAL_CODE",
					PROCEDURES.formatted("p.code ~ '^[0-9]\\.[0-9]{6}$' or m.national_code is not null")),
			Map.entry("PROCEDURE_NAME", PROCEDURES.formatted(
					"p.name = btrim(p.name) and p.name !~ '\\s{2,}' and char_length(p.name) >= 10")));

	/** How many records a dataset holds per unit (the summary's {@code records}). */
	static final Map<String, String> RECORDS = Map.of(
			"APPLICANTS", """
					select coalesce(unit, '') as unit_code, count(*) from (
					  select (array_agg(d.agency_code order by d.submitted_at desc nulls last, d.code desc))[1] as unit
					  from dossier d where coalesce(d.applicant_id_number, d.applicant_tax_code) is not null
					  group by coalesce(d.applicant_id_number, d.applicant_tax_code)) a group by 1""",
			"DOSSIERS", "select d.agency_code, count(*) from dossier d group by 1",
			"PROCEDURES", "select p.agency_code, count(*) from catalog_procedure p where p.status = 'PUBLISHED' group by 1");
}
