package vn.motcua.notification;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a person is told about, with the placeholders its templates may use. The applicant's events carry the
 * names of the dossier actions that cause them (docs/api.md, Notifications); the staff's are their own.
 */
public enum NoticeEvent {

	RECEIVE(true, "appointment"),
	REFUSE(true, "reason"),
	REQUEST_SUPPLEMENT(true, "reason", "items", "itemsInline"),
	REQUEST_PAYMENT(true, "amount", "reason", "payUrl"),
	EXTEND(true, "reason", "newDueDate"),
	FINISH(true, "handover", "handoverShort"),
	STOP(true, "reason"),
	PAYMENT_SETTLED(true, "amount"),
	/** Xin ý kiến liên thông: a unit's staff are asked for their opinion. */
	CONSULT_REQUEST(false, "code", "procedure", "name", "unit", "step", "dossierUrl"),
	/** Thư tổng hợp: the morning list of a specialist's or leader's dossiers. */
	DIGEST(false, "name", "date", "overdue", "dueSoon", "waiting", "lines", "inboxUrl"),
	/** Nhắc hạn nhiệm vụ: a programme task's deadline is a week away. */
	PROGRAMME_DUE(false, "name", "task", "code", "programme", "unit", "deadline", "taskUrl"),
	/** Nhiệm vụ quá hạn: a programme task's deadline has passed without it being done. */
	PROGRAMME_OVERDUE(false, "name", "task", "code", "programme", "unit", "deadline", "taskUrl");

	private final boolean applicant;
	private final Set<String> placeholders;

	NoticeEvent(boolean applicant, String... own) {
		this.applicant = applicant;
		// every applicant's message may name the dossier, its procedure, the applicant, the agency and the tracking page
		Set<String> all = new LinkedHashSet<>(applicant ? List.of("code", "procedure", "applicant", "agency", "trackUrl")
				: List.of());
		all.addAll(List.of(own));
		this.placeholders = Set.copyOf(all);
	}

	public boolean applicant() {
		return applicant;
	}

	public Set<String> placeholders() {
		return placeholders;
	}

	/** In the order of the templates' list: the placeholders a template of this event may use, sorted. */
	public List<String> placeholderList() {
		return placeholders.stream().sorted().toList();
	}
}
