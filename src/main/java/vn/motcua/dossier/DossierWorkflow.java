package vn.motcua.dossier;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
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
import vn.motcua.identity.Caller;

/**
 * Takes one action on a dossier in one transaction: locks the row, answers as docs/api.md orders the checks
 * (404 for a dossier the caller may not see, 400 for an unknown action, 403 for the wrong role, 400 for
 * missing fields, 409 for the wrong status, a stale version or a rule of {@link DossierRules}), lets
 * {@link DossierLifecycle} decide the change, moves the steps of a configured process, has the repository write
 * the change, and writes history, audit and events with it.
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
	private final DossierResults results;
	private final Agencies agencies;
	private final Clock clock;

	DossierWorkflow(JdbcDossierRepository repository, DossierAccess access, DossierJournal journal, Deadlines deadlines,
			FiledCases filedCases, StaffAccounts staff, DossierSteps steps, DossierResults results, Agencies agencies,
			Clock clock) {
		this.results = results;
		this.repository = repository;
		this.access = access;
		this.journal = journal;
		this.deadlines = deadlines;
		this.filedCases = filedCases;
		this.staff = staff;
		this.steps = steps;
		this.agencies = agencies;
		this.clock = clock;
	}

	@Transactional
	public Dossier act(String code, ActionRequest request, Caller caller) {
		Dossier d = access.visible(code, caller, true);
		DossierAction action = parse(request.action());
		if (!access.mayAct(caller, action, d)) {
			throw new DossierProblems.ActionForbidden(action);
		}
		DossierLifecycle.Fields fields = fields(action, request.fields(), request.version() == null, caller.username());
		if (!action.from().contains(d.status())) {
			throw new DossierProblems.ActionNotAllowedNow(action, d.status());
		}
		if (request.version() != d.version()) {
			throw new DossierProblems.StaleVersion(request.version(), d.version());
		}
		if (action == DossierAction.FINISH) {
			results.requireSigner(d, caller);
		}
		return take(d, action, fields);
	}

	/**
	 * Takes an action on a dossier locked for update, once the caller is known to be allowed and the fields are
	 * checked: refused (409) when a rule of {@link DossierRules} says no, otherwise decided, written and journaled.
	 */
	Dossier take(Dossier d, DossierAction action, DossierLifecycle.Fields fields) {
		DossierRules.refusal(action, d).ifPresent(reason -> {
			throw new DossierProblems.ActionNotAllowedNow(reason);
		});
		if (action == DossierAction.ASSIGN) {
			checkAssignee(d, fields.text("assignee"));
		}
		if (action == DossierAction.FINISH) {
			results.requireFor(d);
		}
		Instant now = clock.instant();
		Instant due = action == DossierAction.RECEIVE ? dueOnReceipt(d, now) : null;
		DossierChange change = DossierLifecycle.decide(d, action, fields, now, due);
		change = change.with(steps(action, d, fields, now, change.details()));
		repository.apply(d, change);
		boolean supplementsChanged = change.request() != null || change.supplementCompletedAt() != null;
		Dossier after = supplementsChanged ? repository.find(d.code(), false).orElseThrow()
				: repository.reload(d.code(), d.supplements());
		// last: the audit chain's lock is held from here to the commit, so nothing else waits behind it
		journal.record(d.code(), d.agencyCode(), now, fields.actor(), action.recordedAs(), d.status(), change.to(),
				fields.note(), change.details());
		if (action == DossierAction.FINISH && results.signDrafts(d, fields.actor())) {
			// signed with the decision, in its transaction, or not at all
			return repository.reload(d.code(), after.supplements());
		}
		return after;
	}

	/** The due date a reception sets, from the filed case's time limit on the working calendar. */
	private @Nullable Instant dueOnReceipt(Dossier d, Instant now) {
		ProcedureDetail.Case c = filedCases.of(d);
		return c == null ? null : deadlines.due(now, c);
	}

	private void checkAssignee(Dossier d, String assignee) {
		StaffAccount specialist = staff.find(assignee).orElse(null);
		if (specialist == null || !specialist.enabled() || !specialist.roles().contains(Role.SPECIALIST)
				|| specialist.unitCode() == null || !agencies.isWithin(specialist.unitCode(), d.agencyCode())) {
			throw new InvalidParameter("assignee", "Người được phân công phải là chuyên viên của đơn vị giải quyết.");
		}
	}

	/** The steps of a configured internal process move with the action; the columns of the dossier they set. */
	private Map<String, @Nullable Object> steps(DossierAction action, Dossier d, DossierLifecycle.Fields f, Instant now,
			Map<String, Object> details) {
		return switch (action) {
			case FORWARD -> steps.start(d, () -> filedCases.of(d), now, details);
			case HAND_OVER -> steps.handOver(d, filedCases.of(d), f.actor(), f.note(), now, details);
			case CONSULT_REPLY -> {
				steps.reply(d, f.actor(), f.text("note"), now, details);
				yield Map.of();
			}
			case SUPPLEMENT -> {
				steps.resume(d, now);
				yield Map.of();
			}
			default -> Map.of();
		};
	}

	private static DossierAction parse(@Nullable String action) {
		try {
			if (action == null) {
				throw new IllegalArgumentException();
			}
			DossierAction a = DossierAction.valueOf(action.strip().toUpperCase(Locale.ROOT));
			if (!a.viaActions()) {
				throw new IllegalArgumentException();
			}
			return a;
		}
		catch (IllegalArgumentException e) {
			throw new InvalidParameter("action", "Thao tác không hợp lệ: " + action);
		}
	}

	/** The fields of an action, checked for presence and bounds: every problem at once (400). */
	static DossierLifecycle.Fields fields(DossierAction action, Map<String, Object> values, boolean versionMissing,
			String actor) {
		InvalidFields.Collector errors = new InvalidFields.Collector();
		if (versionMissing) {
			errors.add("version", "problem.required");
		}
		for (String field : action.requiredFields()) {
			Object value = values.get(field);
			boolean missing = value == null || value instanceof String s && s.isBlank()
					|| value instanceof List<?> l && (l.isEmpty() || l.stream().anyMatch(i -> !(i instanceof String s2) || s2.isBlank()));
			if (missing) {
				errors.add(field, "problem.required");
			}
			else {
				switch (action.fieldKind(field)) {
					case AMOUNT -> {
						if (!(value instanceof Number n && n.longValue() > 0 && n.doubleValue() == n.longValue())) {
							errors.add(field, "dossier.amount.invalid");
						}
					}
					case LINES -> {
						if (!(value instanceof List<?> lines)) {
							errors.add(field, "dossier.items.invalid");
						}
						else if (lines.size() > TextRules.LIST) {
							errors.add(field, "dossier.items.too-many", TextRules.LIST);
						}
						else if (lines.stream().anyMatch(i -> !TextRules.fits(String.valueOf(i), TextRules.FREE_TEXT))) {
							errors.add(field, "dossier.note.too-long");
						}
					}
					case TEXT, TIME -> {
						// bounds below; a time is parsed, with its own answer, where it is used
					}
				}
			}
		}
		for (String field : action.optionalFields()) {
			Object value = values.get(field);
			if (action.fieldKind(field) == DossierAction.FieldKind.CHOICE && value != null
					&& !DossierAction.choices(field).contains(String.valueOf(value))) {
				errors.add(field, "dossier.choice.invalid", String.join(", ", DossierAction.choices(field)));
			}
		}
		// docs/api.md, "Bad input, everywhere": free text up to 4,000 characters
		for (Map.Entry<String, Object> e : values.entrySet()) {
			if (e.getValue() instanceof String s && !TextRules.fits(s, TextRules.FREE_TEXT)) {
				errors.add(e.getKey(), "dossier.note.too-long");
			}
		}
		errors.throwIfAny();
		return new DossierLifecycle.Fields(values, actor);
	}
}
