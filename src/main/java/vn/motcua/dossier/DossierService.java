package vn.motcua.dossier;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.organization.Agencies;
import vn.motcua.platform.Zones;
import vn.motcua.identity.Caller;

@Service
class DossierService implements Dossiers {

	private final DossierFiling filing;
	private final DossierWorkflow workflow;
	private final JdbcDossierRepository repository;
	private final DossierAccess access;
	private final Agencies agencies;
	private final JdbcClient jdbc;
	private final Deadlines deadlines;
	private final vn.motcua.calendar.WorkingCalendar calendar;
	private final java.time.Clock clock;
	private final FiledCases cases;

	DossierService(DossierFiling filing, DossierWorkflow workflow, JdbcDossierRepository repository, DossierAccess access,
			Agencies agencies, JdbcClient jdbc, Deadlines deadlines, vn.motcua.calendar.WorkingCalendar calendar,
			java.time.Clock clock, FiledCases cases) {
		this.cases = cases;
		this.deadlines = deadlines;
		this.calendar = calendar;
		this.clock = clock;
		this.filing = filing;
		this.workflow = workflow;
		this.repository = repository;
		this.access = access;
		this.agencies = agencies;
		this.jdbc = jdbc;
	}

	@Override
	public Dossier file(FilingRequest request, Caller caller) {
		return filing.file(request, caller);
	}

	@Override
	@Transactional(readOnly = true)
	public void check(FilingRequest request, Caller caller) {
		filing.check(request, caller);
	}

	@Override
	public Dossier act(String code, ActionRequest request, Caller caller) {
		return workflow.act(code, request, caller);
	}

	@Override
	@Transactional(readOnly = true)
	public Dossier get(String code, Caller caller) {
		return access.visible(code, caller, false);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Dossier.Event> history(String code, Caller caller) {
		get(code, caller);
		return repository.history(code);
	}

	@Override
	public Optional<Dossier> find(String code) {
		return repository.find(code, false);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Dossier> track(String code, String idNumber) {
		return repository.find(code, false)
			.filter(d -> idNumber.equals(d.applicant().idNumber()) || idNumber.equals(d.applicant().taxCode()));
	}

	@Override
	public List<DossierAction> allowedActions(Dossier dossier, Caller caller) {
		return java.util.Arrays.stream(DossierAction.values())
			// the same rules as taking the action (DossierRules, the status first), so a page never offers what
			// would be refused
			.filter(a -> a.viaActions() && DossierRules.allowed(a, dossier) && access.mayAct(caller, a, dossier))
			.toList();
	}

	@Override
	public Optional<java.time.Duration> remaining(Dossier d) {
		if (d.promisedAt() == null || !DossierStatus.OPEN.contains(d.status())) {
			return Optional.empty();
		}
		return Optional.of(deadlines.remaining(d.promisedAt(), d.supplements(), clock.instant()));
	}

	@Override
	@Transactional(readOnly = true)
	public List<Dossier.Step> steps(String code, Caller caller) {
		get(code, caller);
		return repository.steps(code);
	}

	@Override
	public Optional<java.time.Duration> stepRemaining(Dossier d) {
		if (d.step() == null || d.step().dueAt() == null || !DossierStatus.OPEN.contains(d.status())) {
			return Optional.empty();
		}
		return Optional.of(deadlines.remaining(d.step().dueAt(), List.of(), clock.instant()));
	}

	@Override
	public Optional<vn.motcua.catalog.ProcedureDetail.Case> procedureCase(Dossier dossier) {
		return Optional.ofNullable(cases.of(dossier));
	}

	@Override
	public java.util.Map<String, Long> openByAssignee(java.util.Collection<String> usernames) {
		java.util.Map<String, Long> open = new java.util.LinkedHashMap<>();
		usernames.forEach(u -> open.put(u, 0L));
		jdbc.sql("select assignee, count(*) from dossier where assignee = any(?) and status in ("
				+ DossierStatus.sql(DossierStatus.OPEN) + ") group by assignee")
			.param(usernames.toArray(String[]::new))
			.query((java.sql.ResultSet rs) -> {
				open.put(rs.getString(1), rs.getLong(2));
			});
		return open;
	}

	@Override
	public int workingDaySeconds() {
		return calendar.workingHours().dayLengthSeconds();
	}

	/** Open dossiers (and those waiting at the counter) first, the soonest promised date at the top. */
	private static final String URGENT_FIRST = " order by case when d.status in ('SUBMITTED', "
			+ DossierStatus.sql(DossierStatus.OPEN) + ") then 0 else 1 end,"
			+ " case when d.status in (" + DossierStatus.sql(DossierStatus.OPEN)
			+ ") then coalesce(d.extended_due_at, d.due_at) end nulls last, d.submitted_at, d.code";

	@Override
	@Transactional(readOnly = true)
	public Page list(DossierQuery q, Caller caller) {
		StringBuilder where = new StringBuilder(" where true");
		java.util.Map<String, Object> params = new java.util.HashMap<>();
		if (!caller.provinceWide()) {
			if (caller.citizen()) {
				where.append(" and (d.applicant_id_number = :me or d.submitter = :me)");
				params.put("me", caller.username());
			}
			else {
				where.append(" and (d.agency_code = any(:units) or d.receiving_unit_code = any(:units)"
						+ " or d.step_units && cast(:units as text[]))");
				params.put("units", access.visibleUnits(caller).toArray(String[]::new));
			}
		}
		if (q.status() != null) {
			where.append(" and d.status = :status");
			params.put("status", q.status().name());
		}
		if (q.agency() != null) {
			where.append(" and d.agency_code = any(:agencies)");
			params.put("agencies", agencies.subtree(q.agency()).toArray(String[]::new));
		}
		if (q.text() != null) {
			where.append(" and (d.code ilike :text or d.applicant_name ilike :text or d.applicant_id_number = :exact"
					+ " or d.applicant_tax_code = :exact or d.business_name ilike :text)");
			params.put("text", "%" + q.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
			params.put("exact", q.text());
		}
		if (q.assignee() != null) {
			where.append(" and d.assignee = :assignee");
			params.put("assignee", q.assignee());
		}
		if (q.atCallersStep() && !caller.citizen()) {
			// a step of the internal process that is the caller's, or, for a one-stop officer, an online dossier
			// waiting to be received (or refused) at their desk
			where.append(" and (exists (select 1 from dossier_step x where x.dossier_code = d.code and x.position = d.current_step"
					+ " and (x.unit_code = :myUnit and x.role = any(:myRoles)"
					+ " or x.consult_unit_code = :myUnit and x.consulted_at is null))"
					+ " or d.status = 'SUBMITTED' and d.receiving_unit_code = :myUnit and 'ONE_STOP_OFFICER' = any(:myRoles))");
			params.put("myUnit", caller.unitCode() == null ? "" : caller.unitCode());
			params.put("myRoles", caller.roles().stream().map(Enum::name).toArray(String[]::new));
		}
		if (q.deadlineState() != null) {
			where.append(" and d.deadline_state = :deadline and d.status in (" + DossierStatus.sql(DossierStatus.OPEN) + ")");
			params.put("deadline", q.deadlineState());
		}
		if (q.focus() == DossierQuery.Focus.DUE_TODAY) {
			java.time.Instant now = clock.instant();
			where.append(" and d.status in (" + DossierStatus.sql(DossierStatus.OPEN) + ")"
					+ " and coalesce(d.extended_due_at, d.due_at) >= :now and coalesce(d.extended_due_at, d.due_at) < :endOfDay");
			params.put("now", Timestamp.from(now));
			params.put("endOfDay", Timestamp.from(now.atZone(Zones.VIETNAM).toLocalDate().plusDays(1)
				.atStartOfDay(Zones.VIETNAM).toInstant()));
		}
		if (q.focus() == DossierQuery.Focus.SUPPLEMENT_RETURNED) {
			where.append(" and d.status = 'PROCESSING' and (select h.action from dossier_history h"
					+ " where h.dossier_code = d.code order by h.at desc, h.id desc limit 1) = :answered");
			params.put("answered", DossierAction.SUPPLEMENT.recordedAs());
		}
		if (q.receivedFrom() != null) {
			where.append(" and d.received_at >= :from");
			params.put("from", Timestamp.from(q.receivedFrom().atStartOfDay(Zones.VIETNAM).toInstant()));
		}
		if (q.receivedTo() != null) {
			where.append(" and d.received_at < :to");
			params.put("to", Timestamp.from(q.receivedTo().plusDays(1).atStartOfDay(Zones.VIETNAM).toInstant()));
		}
		long total = jdbc.sql("select count(*) from dossier d" + where).params(params).query(Long.class).single();
		params.put("size", q.size());
		params.put("offset", (long) q.page() * q.size());
		List<Dossier> rows = jdbc.sql("select " + JdbcDossierRepository.COLUMNS + JdbcDossierRepository.FROM + where
				+ (q.urgentFirst() ? URGENT_FIRST : " order by d.submitted_at desc, d.code desc")
				+ " limit :size offset :offset")
			.params(params)
			.query(repository::row)
			.list();
		return new Page(repository.withSupplements(rows), total);
	}
}
