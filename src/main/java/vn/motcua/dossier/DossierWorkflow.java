package vn.motcua.dossier;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.catalog.ProcedureDetail;
import vn.motcua.identity.Role;
import vn.motcua.identity.StaffAccount;
import vn.motcua.identity.StaffAccounts;
import vn.motcua.organization.Agencies;
import vn.motcua.platform.ApiTime;
import vn.motcua.platform.InvalidFields;
import vn.motcua.platform.InvalidParameter;
import vn.motcua.platform.TextRules;

/**
 * Takes one action on a dossier in one transaction: locks the row, answers as docs/api.md orders the checks
 * (404 for a dossier the caller may not see, 400 for an unknown action, 403 for the wrong role, 400 for
 * missing fields, 409 for the wrong status or a stale version), applies the transition of
 * {@link DossierAction}, and writes history, audit and event with it.
 */
@Service
class DossierWorkflow {

	private final JdbcDossierRepository repository;
	private final DossierAccess access;
	private final DossierJournal journal;
	private final Deadlines deadlines;
	private final FiledCases filedCases;
	private final StaffAccounts staff;
	private final DossierSteps steps;
	private final Agencies agencies;
	private final JdbcClient jdbc;
	private final Clock clock;

	DossierWorkflow(JdbcDossierRepository repository, DossierAccess access, DossierJournal journal, Deadlines deadlines,
			FiledCases filedCases, StaffAccounts staff, DossierSteps steps, Agencies agencies, JdbcClient jdbc,
			Clock clock) {
		this.repository = repository;
		this.access = access;
		this.journal = journal;
		this.deadlines = deadlines;
		this.filedCases = filedCases;
		this.staff = staff;
		this.steps = steps;
		this.agencies = agencies;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	public Dossier act(String code, ActionRequest request, Caller caller) {
		Dossier d = access.visible(code, caller, true);
		DossierAction action = parse(request.action());
		if (!access.mayAct(caller, action, d)) {
			throw new DossierProblems.ActionForbidden(action);
		}
		Fields fields = fields(action, request);
		fields.actor = caller.username();
		if (!action.from().contains(d.status())) {
			throw new DossierProblems.ActionNotAllowedNow(action, d.status());
		}
		if (request.version() != d.version()) {
			throw new DossierProblems.StaleVersion(request.version(), d.version());
		}
		DossierRules.refusal(action, d).ifPresent(reason -> {
			throw new DossierProblems.ActionNotAllowedNow(reason);
		});
		Instant now = clock.instant();
		DossierStatus to = action.to(d.status());
		Map<String, Object> details = new LinkedHashMap<>();
		String set = apply(action, d, fields, now, details);
		jdbc.sql("update dossier set status = :to, version = version + 1" + set + " where code = :code")
			.param("to", to.name())
			.param("code", code)
			.param("now", Timestamp.from(now))
			.params(fields.sqlParams())
			.update();
		boolean supplementsChanged = action == DossierAction.REQUEST_SUPPLEMENT || action == DossierAction.SUPPLEMENT;
		Dossier after = supplementsChanged ? repository.find(code, false).orElseThrow()
				: repository.reload(code, d.supplements());
		// last: the audit chain's lock is held from here to the commit, so nothing else waits behind it
		journal.record(code, d.agencyCode(), now, caller.username(), action.name(), d.status(), to, fields.note(),
				details);
		return after;
	}

	/** The columns the action changes (appended to the update), and its own rows: supplements. */
	private String apply(DossierAction action, Dossier d, Fields f, Instant now, Map<String, Object> details) {
		switch (action) {
			case RECEIVE -> {
				ProcedureDetail.Case c = filedCases.of(d);
				Instant due = c == null ? null : deadlines.due(now, c);
				f.sql.put("due", due == null ? null : Timestamp.from(due));
				if (due != null) {
					details.put("dueAt", ApiTime.format(due));
				}
				return ", received_at = :now, due_at = :due";
			}
			case REFUSE, STOP, WITHDRAW -> {
				details.put("reason", f.text("reason"));
				return action == DossierAction.REFUSE ? "" : ", stopped_at = :now";
			}
			case FORWARD -> {
				details.put("to", d.agencyCode());
				return steps.start(d, () -> filedCases.of(d), now, f.sql, details);
			}
			case HAND_OVER -> {
				return steps.handOver(d, filedCases.of(d), f.actor, f.note(), now, details);
			}
			case CONSULT_REPLY -> {
				steps.reply(d, f.actor, f.text("note"), now, details);
				return "";
			}
			case ASSIGN -> {
				String assignee = f.text("assignee");
				StaffAccount specialist = staff.find(assignee).orElse(null);
				if (specialist == null || !specialist.enabled() || !specialist.roles().contains(Role.SPECIALIST)
						|| specialist.unitCode() == null || !agencies.isWithin(specialist.unitCode(), d.agencyCode())) {
					throw new InvalidParameter("assignee", "Người được phân công phải là chuyên viên của đơn vị giải quyết.");
				}
				f.sql.put("assignee", assignee);
				details.put("assignee", assignee);
				return ", assignee = :assignee";
			}
			case REQUEST_SUPPLEMENT -> {
				// the law allows one request; a second is accepted with its reason and makes the dossier late
				details.put("reason", f.text("reason"));
				details.put("items", f.items());
				details.put("request", d.supplements().size() + 1);
				jdbc.sql("""
						insert into dossier_supplement (dossier_code, seq, requested_at, requested_by, reason, items)
						values (?, ?, ?, ?, ?, ?)""")
					.params(d.code(), d.supplements().size() + 1, Timestamp.from(now), f.actor, f.text("reason"),
							f.items().toArray(String[]::new))
					.update();
				return "";
			}
			case SUPPLEMENT -> {
				steps.resume(d, now);
				jdbc.sql("update dossier_supplement set completed_at = ? where dossier_code = ? and completed_at is null")
					.params(Timestamp.from(now), d.code())
					.update();
				return "";
			}
			case REQUEST_PAYMENT -> {
				long amount = f.amount();
				f.sql.put("amount", amount);
				details.put("amountVnd", amount);
				details.put("reason", f.text("reason"));
				return ", fee_vnd = fee_vnd + :amount";
			}
			case APPROVE -> {
				return ", approved = true";
			}
			case FINISH -> {
				return ", finished_at = :now";
			}
			case RETURN_RESULT -> {
				return ", returned_at = :now";
			}
			case EXTEND -> {
				Instant newDue = ApiTime.parseInstant(f.text("newDueAt"), "newDueAt");
				if (!newDue.isAfter(d.dueAt())) {
					throw new InvalidParameter("newDueAt", "Ngày hẹn mới phải sau ngày hẹn hiện tại.");
				}
				// an extension is for a delay, not for ever: at most a year past the current due date
				if (newDue.isAfter(d.dueAt().plus(java.time.Duration.ofDays(366)))) {
					throw new InvalidParameter("newDueAt", "Ngày hẹn mới không được quá một năm sau ngày hẹn hiện tại.");
				}
				f.sql.put("newDue", Timestamp.from(newDue));
				details.put("reason", f.text("reason"));
				details.put("newDueAt", ApiTime.format(newDue));
				return ", extended_due_at = :newDue";
			}
		}
		throw new IllegalStateException("unhandled " + action);
	}


	private static DossierAction parse(@Nullable String action) {
		try {
			if (action == null) {
				throw new IllegalArgumentException();
			}
			return DossierAction.valueOf(action.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidParameter("action", "Thao tác không hợp lệ: " + action);
		}
	}

	private static Fields fields(DossierAction action, ActionRequest request) {
		InvalidFields.Collector errors = new InvalidFields.Collector();
		if (request.version() == null) {
			errors.add("version", "problem.required");
		}
		for (String field : action.requiredFields()) {
			Object value = request.fields().get(field);
			boolean missing = value == null || value instanceof String s && s.isBlank()
					|| value instanceof List<?> l && (l.isEmpty() || l.stream().anyMatch(i -> !(i instanceof String s2) || s2.isBlank()));
			if (missing) {
				errors.add(field, "problem.required");
			}
			else if (field.equals("amountVnd") && !(value instanceof Number n && n.longValue() > 0
					&& n.doubleValue() == n.longValue())) {
				errors.add(field, "dossier.amount.invalid");
			}
			else if (field.equals("items") && !(value instanceof List)) {
				errors.add(field, "dossier.items.invalid");
			}
			else if (field.equals("items") && ((List<?>) value).size() > TextRules.LIST) {
				errors.add(field, "dossier.items.too-many", TextRules.LIST);
			}
			else if (field.equals("items") && ((List<?>) value).stream()
				.anyMatch(i -> !TextRules.fits(String.valueOf(i), TextRules.FREE_TEXT))) {
				errors.add(field, "dossier.note.too-long");
			}
		}
		// docs/api.md, "Bad input, everywhere": free text up to 4,000 characters
		for (Map.Entry<String, Object> e : request.fields().entrySet()) {
			if (e.getValue() instanceof String s && !TextRules.fits(s, TextRules.FREE_TEXT)) {
				errors.add(e.getKey(), "dossier.note.too-long");
			}
		}
		errors.throwIfAny();
		return new Fields(request.fields());
	}

	/** The checked fields of one action, and the SQL parameters its update collects. */
	private static final class Fields {

		private final Map<String, Object> values;
		private final Map<String, @Nullable Object> sql = new LinkedHashMap<>();
		private @Nullable String actor;

		Fields(Map<String, Object> values) {
			this.values = values;
		}

		String text(String name) {
			return String.valueOf(values.get(name)).strip();
		}

		@Nullable String note() {
			Object v = values.get("note");
			if (v == null) {
				v = values.get("reason");
			}
			return v == null ? null : v.toString().strip();
		}

		List<String> items() {
			return ((List<?>) values.get("items")).stream().map(i -> i.toString().strip()).toList();
		}

		long amount() {
			return ((Number) values.get("amountVnd")).longValue();
		}

		Map<String, @Nullable Object> sqlParams() {
			return sql;
		}
	}
}
