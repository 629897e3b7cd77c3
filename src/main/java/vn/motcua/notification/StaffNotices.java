package vn.motcua.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierEvents.ConsultationRequested;
import vn.motcua.dossier.DossierQuery;
import vn.motcua.dossier.Dossiers;
import vn.motcua.identity.Caller;
import vn.motcua.identity.Role;
import vn.motcua.identity.StaffContact;
import vn.motcua.identity.StaffContacts;
import vn.motcua.organization.Agencies;
import vn.motcua.organization.Agency;
import vn.motcua.platform.Zones;

/**
 * What staff are told: at once, that a consultation (liên thông) waits for their unit; each working morning, the
 * digest of their dossiers (docs/adr/0011). Staff get e-mail, or SMS when they gave no e-mail, in Vietnamese.
 */
@Component
class StaffNotices {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");
	private static final int MOST_LINES = 20;

	private final StaffContacts contacts;
	private final Dossiers dossiers;
	private final Agencies agencies;
	private final WorkingCalendar calendar;
	private final Composer composer;
	private final String publicBaseUrl;

	StaffNotices(StaffContacts contacts, Dossiers dossiers, Agencies agencies, WorkingCalendar calendar,
			Composer composer, @Value("${motcua.public-base-url:http://localhost:8080}") String publicBaseUrl) {
		this.contacts = contacts;
		this.dossiers = dossiers;
		this.agencies = agencies;
		this.calendar = calendar;
		this.composer = composer;
		this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
	}

	@EventListener
	void on(ConsultationRequested e) {
		Dossier d = dossiers.find(e.code()).orElse(null);
		if (d == null) {
			return;
		}
		String unit = agencies.find(e.unitCode()).map(Agency::name).orElse(e.unitCode());
		for (StaffContact s : contacts.ofUnit(e.unitCode())) {
			if (!s.roles().contains(Role.SPECIALIST) && !s.roles().contains(Role.DEPARTMENT_LEADER)) {
				continue;
			}
			Map<String, String> values = Map.of("code", d.code(), "procedure",
					d.procedureName() == null ? d.procedureCode() : d.procedureName(), "name", s.fullName(), "unit", unit,
					"step", e.stepName(), "dossierUrl", publicBaseUrl + "/dossiers/" + d.code());
			send(e.code() + "|CONSULT_REQUEST|" + e.at() + "|" + s.username(), d.code(), NoticeEvent.CONSULT_REQUEST, s,
					values);
		}
	}

	/** A programme task's owner and its unit's leaders hear that its deadline is a week away, or has passed. */
	@EventListener
	void on(vn.motcua.programme.TaskReminder r) {
		String unit = agencies.find(r.unitCode()).map(Agency::name).orElse(r.unitCode());
		NoticeEvent event = r.kind() == vn.motcua.programme.TaskReminder.Kind.OVERDUE ? NoticeEvent.PROGRAMME_OVERDUE
				: NoticeEvent.PROGRAMME_DUE;
		Map<String, StaffContact> to = new LinkedHashMap<>();
		contacts.find(r.ownerUsername()).ifPresent(s -> to.put(s.username(), s));
		for (StaffContact s : contacts.ofUnit(r.unitCode())) {
			if (s.roles().contains(Role.DEPARTMENT_LEADER)) {
				to.putIfAbsent(s.username(), s);
			}
		}
		for (StaffContact s : to.values()) {
			Map<String, String> values = Map.of("name", s.fullName(), "task", r.title(), "code", r.code(), "programme",
					r.programme(), "unit", unit, "deadline", r.deadline().format(DAY), "taskUrl",
					publicBaseUrl + "/staff/programme/tasks/" + r.taskId());
			send("PROGRAMME|" + r.taskId() + "|" + r.kind() + "|" + s.username(), null, event, s, values);
		}
	}

	/** The digest of {@code day} to everyone who wants it; nothing on a day off. Returns how many were written. */
	@Transactional
	int digest(LocalDate day) {
		if (!calendar.isWorkingDay(day)) {
			return 0;
		}
		LocalDate next = day.plusDays(1);
		while (!calendar.isWorkingDay(next)) {
			next = next.plusDays(1);
		}
		int written = 0;
		for (StaffContact s : contacts.wantingDigest()) {
			Digest digest = Digest.of(mine(s), s.username(), s.roles().contains(Role.DEPARTMENT_LEADER), day, next,
					dossiers::remaining);
			if (digest.isEmpty()) {
				continue;
			}
			Map<String, String> values = new LinkedHashMap<>();
			values.put("name", s.fullName());
			values.put("date", day.format(DAY));
			values.put("overdue", String.valueOf(digest.overdue().size()));
			values.put("dueSoon", String.valueOf(digest.dueSoon().size()));
			values.put("waiting", String.valueOf(digest.waiting().size()));
			values.put("lines", digest.lines(MOST_LINES, dossiers.workingDaySeconds()));
			values.put("inboxUrl", publicBaseUrl + "/staff");
			if (send("DIGEST|" + s.username() + "|" + day, null, NoticeEvent.DIGEST, s, values)) {
				written++;
			}
		}
		return written;
	}

	/** The open dossiers the member answers for: a leader's unit, a specialist's own and those at their step. */
	private List<Dossier> mine(StaffContact s) {
		Caller as = new Caller(s.username(), s.roles(), s.unitCode(), 0);
		List<Dossier> found = new ArrayList<>();
		if (s.roles().contains(Role.DEPARTMENT_LEADER) && s.unitCode() != null) {
			found.addAll(all(new DossierQuery(null, s.unitCode(), null, null, null, null, null, false, 0, 100), as));
		}
		if (s.roles().contains(Role.SPECIALIST)) {
			found.addAll(all(new DossierQuery(null, null, null, null, null, s.username(), null, false, 0, 100), as));
			found.addAll(all(new DossierQuery(null, null, null, null, null, null, null, true, 0, 100), as));
		}
		Map<String, Dossier> unique = new LinkedHashMap<>();
		found.stream().filter(d -> vn.motcua.dossier.DossierStatus.OPEN.contains(d.status())).forEach(d -> unique.putIfAbsent(d.code(), d));
		return List.copyOf(unique.values());
	}

	private List<Dossier> all(DossierQuery first, Caller as) {
		List<Dossier> out = new ArrayList<>();
		for (int page = 0; page < 20; page++) {
			DossierQuery q = new DossierQuery(first.status(), first.agency(), first.text(), first.receivedFrom(),
					first.receivedTo(), first.assignee(), first.deadlineState(), first.atCallersStep(), page, 100);
			Dossiers.Page p = dossiers.list(q, as);
			out.addAll(p.items());
			if (out.size() >= p.total() || p.items().isEmpty()) {
				break;
			}
		}
		return out;
	}

	private boolean send(String key, String dossierCode, NoticeEvent event, StaffContact s, Map<String, String> values) {
		if (s.email() != null) {
			return composer.compose(key + "|EMAIL", dossierCode, "STAFF", event, NotificationChannel.EMAIL, s.email(), "vi",
					values);
		}
		if (s.phone() != null) {
			return composer.compose(key + "|SMS", dossierCode, "STAFF", event, NotificationChannel.SMS, s.phone(), "vi",
					values);
		}
		return false;
	}

	/**
	 * One member's morning list: overdue, due today or on the next working day, and waiting for their own step
	 * (assigned to a specialist; for a leader, unassigned or proposed for decision).
	 */
	record Digest(List<Dossier> overdue, List<Dossier> dueSoon, List<Dossier> waiting,
			Map<String, Duration> remaining) {

		static Digest of(List<Dossier> open, String username, boolean leader, LocalDate today, LocalDate nextWorkingDay,
				java.util.function.Function<Dossier, Optional<Duration>> remainingOf) {
			List<Dossier> overdue = new ArrayList<>();
			List<Dossier> dueSoon = new ArrayList<>();
			List<Dossier> waiting = new ArrayList<>();
			Map<String, Duration> remaining = new LinkedHashMap<>();
			for (Dossier d : open) {
				Optional<Duration> left = remainingOf.apply(d);
				left.ifPresent(l -> remaining.put(d.code(), l));
				Instant due = d.extendedDueAt() != null ? d.extendedDueAt() : d.dueAt();
				if (left.isPresent() && left.get().isNegative()) {
					overdue.add(d);
				}
				else if (due != null && !due.atZone(Zones.VIETNAM).toLocalDate().isAfter(nextWorkingDay)) {
					dueSoon.add(d);
				}
				boolean processing = d.status() == vn.motcua.dossier.DossierStatus.PROCESSING;
				if (processing && (leader ? d.assignee() == null || d.approved() : username.equals(d.assignee()))) {
					waiting.add(d);
				}
			}
			return new Digest(overdue, dueSoon, waiting, remaining);
		}

		boolean isEmpty() {
			return overdue.isEmpty() && dueSoon.isEmpty() && waiting.isEmpty();
		}

		/** The dossiers named, overdue first, at most {@code most}. */
		String lines(int most, int daySeconds) {
			List<String> lines = new ArrayList<>();
			for (List<Dossier> group : List.of(overdue, dueSoon, waiting)) {
				for (Dossier d : group) {
					if (lines.size() >= most || lines.stream().anyMatch(l -> l.startsWith("- " + d.code() + " "))) {
						continue;
					}
					Duration left = remaining.get(d.code());
					String when = left == null ? "" : " — " + new vn.motcua.platform.VietnamTime().workingTime(left, daySeconds);
					lines.add("- " + d.code() + " " + (d.procedureName() == null ? d.procedureCode() : d.procedureName()) + when);
				}
			}
			int total = (int) java.util.stream.Stream.of(overdue, dueSoon, waiting).flatMap(List::stream).map(Dossier::code).distinct().count();
			if (total > lines.size()) {
				lines.add("… và " + (total - lines.size()) + " hồ sơ khác.");
			}
			return String.join("\n", lines);
		}
	}
}
