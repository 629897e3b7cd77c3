package vn.motcua.dossier;

import static vn.motcua.dossier.DossierStatus.FINISHED;
import static vn.motcua.dossier.DossierStatus.PAYMENT_REQUESTED;
import static vn.motcua.dossier.DossierStatus.PROCESSING;
import static vn.motcua.dossier.DossierStatus.RECEIVED;
import static vn.motcua.dossier.DossierStatus.REFUSED;
import static vn.motcua.dossier.DossierStatus.RETURNED;
import static vn.motcua.dossier.DossierStatus.STOPPED;
import static vn.motcua.dossier.DossierStatus.SUBMITTED;
import static vn.motcua.dossier.DossierStatus.SUPPLEMENT_REQUESTED;
import static vn.motcua.dossier.DossierStatus.WITHDRAWN;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The default internal process of docs/api.md as a transition table: who may take each action, from which
 * statuses, to which status ({@code null}: the status stays), and which fields it needs. The rules that are
 * not a status (approval before FINISH, one extension, a fee settled before the result is handed over, the steps
 * of a configured {@link InternalProcess}) are {@link DossierRules}; what each action sets is
 * {@link DossierLifecycle}. Changing the default process is this table and its tests (CONTRIBUTING.md).
 */
public enum DossierAction {

	RECEIVE(Actor.ONE_STOP_OFFICER, EnumSet.of(SUBMITTED), RECEIVED),
	REFUSE(Actor.ONE_STOP_OFFICER, EnumSet.of(SUBMITTED), REFUSED, "reason"),
	FORWARD(Actor.ONE_STOP_OFFICER, EnumSet.of(RECEIVED), PROCESSING),
	ASSIGN(Actor.DECIDING_LEADER, EnumSet.of(PROCESSING), null, "assignee"),
	/** Chuyển bước: the holder of the current step of a configured process hands the dossier to the next. */
	HAND_OVER(Actor.STEP_HOLDER, EnumSet.of(PROCESSING), null),
	/** Ý kiến liên thông: the unit consulted at the current step answers. */
	CONSULT_REPLY(Actor.CONSULTED_UNIT, EnumSet.of(PROCESSING), null, "note"),
	REQUEST_SUPPLEMENT(Actor.DECIDING_SPECIALIST, EnumSet.of(PROCESSING), SUPPLEMENT_REQUESTED, "reason", "items"),
	SUPPLEMENT(Actor.APPLICANT_OR_OFFICER, EnumSet.of(SUPPLEMENT_REQUESTED), PROCESSING, "note"),
	REQUEST_PAYMENT(Actor.DECIDING_SPECIALIST, EnumSet.of(PROCESSING), PAYMENT_REQUESTED, "amountVnd", "reason"),
	APPROVE(Actor.DECIDING_SPECIALIST, EnumSet.of(PROCESSING), null, "note"),
	FINISH(Actor.DECIDING_LEADER, EnumSet.of(PROCESSING), FINISHED, "note"),
	RETURN_RESULT(Actor.ONE_STOP_OFFICER, EnumSet.of(FINISHED), RETURNED),
	EXTEND(Actor.DECIDING_LEADER, EnumSet.of(RECEIVED, PROCESSING, SUPPLEMENT_REQUESTED, PAYMENT_REQUESTED), null,
			"reason", "newDueAt"),
	STOP(Actor.DECIDING_LEADER, EnumSet.of(PROCESSING, SUPPLEMENT_REQUESTED, PAYMENT_REQUESTED), STOPPED, "reason"),
	WITHDRAW(Actor.APPLICANT_OR_OFFICER,
			EnumSet.of(SUBMITTED, RECEIVED, PROCESSING, SUPPLEMENT_REQUESTED, PAYMENT_REQUESTED), WITHDRAWN, "reason"),
	/**
	 * Nộp phí, lệ phí: a payment the gateway or the counter confirmed, recorded by the payment module; a dossier
	 * waiting for payment goes back to PROCESSING once nothing is owed. Recorded as {@code PAYMENT_SETTLED}.
	 */
	SETTLE_PAYMENT(Actor.PAYMENT_MODULE, EnumSet.of(SUBMITTED, RECEIVED, PROCESSING, SUPPLEMENT_REQUESTED,
			PAYMENT_REQUESTED, FINISHED), null, "amountVnd", "payment"),
	/**
	 * Miễn phí, lệ phí: nothing is owed from now on, and a dossier waiting for payment goes back to PROCESSING.
	 * Recorded as {@code FEE_EXEMPTED}.
	 */
	EXEMPT_FEE(Actor.FEE_OFFICER, EnumSet.of(SUBMITTED, RECEIVED, PROCESSING, SUPPLEMENT_REQUESTED,
			PAYMENT_REQUESTED, FINISHED), null, "reason");

	/** Who may take an action, relative to the dossier. */
	public enum Actor {
		/** A one-stop officer who can see the dossier. */
		ONE_STOP_OFFICER,
		/** A specialist of the deciding unit. */
		DECIDING_SPECIALIST,
		/** A department leader of the deciding unit (or a unit above it). */
		DECIDING_LEADER,
		/** Staff with the role of the current step, in its unit (or a leader above it). */
		STEP_HOLDER,
		/** A specialist or leader of the unit consulted at the current step. */
		CONSULTED_UNIT,
		/** The applicant or submitter (a citizen), or a one-stop officer at their request. */
		APPLICANT_OR_OFFICER,
		/** A one-stop officer or a department leader who can see the dossier. */
		FEE_OFFICER,
		/** No caller: the payment module, on a payment it has confirmed (docs/api.md, "Payments"). */
		PAYMENT_MODULE
	}

	/** How a field of an action is written: free text, one item per line, an amount in đồng, a date and time. */
	public enum FieldKind {
		TEXT, LINES, AMOUNT, TIME,
		/** One of {@link #choices}. */
		CHOICE
	}

	private final Actor actor;
	private final Set<DossierStatus> from;
	private final @Nullable DossierStatus to;
	private final List<String> requiredFields;

	DossierAction(Actor actor, Set<DossierStatus> from, @Nullable DossierStatus to, String... requiredFields) {
		this.actor = actor;
		this.from = from;
		this.to = to;
		this.requiredFields = List.of(requiredFields);
	}

	public Actor actor() {
		return actor;
	}

	public Set<DossierStatus> from() {
		return from;
	}

	/** The status after the action: the given one, or {@code current} when the action keeps it. */
	public DossierStatus to(DossierStatus current) {
		return to == null ? current : to;
	}

	public List<String> requiredFields() {
		return requiredFields;
	}

	/** Fields the action takes when they are given, beside the required ones. */
	public List<String> optionalFields() {
		return switch (this) {
			case HAND_OVER -> List.of("note");
			// how the result was handed over: in the system, at the counter, by post
			case RETURN_RESULT -> List.of("handover");
			default -> List.of();
		};
	}

	/** How {@code field} is written, for the API's checks and the page's form alike. */
	public FieldKind fieldKind(String field) {
		return switch (field) {
			case "items" -> FieldKind.LINES;
			case "amountVnd" -> FieldKind.AMOUNT;
			case "newDueAt" -> FieldKind.TIME;
			case "handover" -> FieldKind.CHOICE;
			default -> FieldKind.TEXT;
		};
	}

	/** The values a {@link FieldKind#CHOICE} field takes. */
	public static List<String> choices(String field) {
		return "handover".equals(field) ? List.of("ELECTRONIC", "COUNTER", "POSTAL") : List.of();
	}

	/** Whether the action ends the dossier without a result (a page marks it as one to think twice about). */
	public boolean endsWithoutResult() {
		return to != null && DossierStatus.ENDED_WITHOUT_RESULT.contains(to);
	}

	/** The name history, audit and events know the action by. */
	public String recordedAs() {
		return switch (this) {
			case SETTLE_PAYMENT -> "PAYMENT_SETTLED";
			case EXEMPT_FEE -> "FEE_EXEMPTED";
			default -> name();
		};
	}

	/**
	 * Whether the action is taken through {@code POST /api/v1/dossiers/{code}/actions} and offered on the dossier
	 * page; the fee rows have their own entry points (payments, fee exemption).
	 */
	public boolean viaActions() {
		return actor != Actor.PAYMENT_MODULE && actor != Actor.FEE_OFFICER;
	}

	static {
		// terminal statuses accept no action at all
		for (DossierAction a : values()) {
			if (a.from.contains(REFUSED) || a.from.contains(WITHDRAWN) || a.from.contains(STOPPED)
					|| a.from.contains(RETURNED)) {
				throw new ExceptionInInitializerError("an action leaves a terminal status: " + a);
			}
		}
	}
}
