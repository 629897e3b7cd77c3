package vn.motcua.sync;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.dossier.Dossiers;
import vn.motcua.identity.Caller;

/** A dossier's deliveries to the national portal, as staff who may see the dossier see them. */
@Service
public class Synchronisation {

	/** {@code SYNCED}, {@code PENDING} or {@code FAILED}, and the deliveries in sequence order. */
	public record State(String state, List<Delivery> deliveries) {
	}

	/**
	 * The sync's health for administrators.
	 *
	 * @param oldestPending when the oldest delivery still waiting was written; null when none waits
	 * @param reasons the dead letters' last errors with how many share each
	 */
	public record Health(long pending, java.time.@org.jspecify.annotations.Nullable Instant oldestPending, long failed,
			long delivered, java.util.Map<String, Long> reasons) {
	}

	/** One row of the status map: internal status, national code, its national name. */
	public record StatusMapping(String status, int nationalCode, String label) {
	}

	private final Deliveries deliveries;
	private final Dossiers dossiers;
	private final SyncWorker worker;
	private final vn.motcua.audit.AuditLog audit;
	private final java.time.Clock clock;

	Synchronisation(Deliveries deliveries, Dossiers dossiers, SyncWorker worker, vn.motcua.audit.AuditLog audit,
			java.time.Clock clock) {
		this.deliveries = deliveries;
		this.dossiers = dossiers;
		this.worker = worker;
		this.audit = audit;
		this.clock = clock;
	}

	public Health health(Caller caller) {
		caller.requireAdmin();
		return deliveries.health();
	}

	public List<Delivery> deadLetters(Caller caller) {
		caller.requireAdmin();
		return deliveries.failed(200);
	}

	public List<StatusMapping> statusMap(Caller caller) {
		caller.requireAdmin();
		return deliveries.statusMap().stream().map(r -> new StatusMapping(r[0], Integer.parseInt(r[1]), r[2])).toList();
	}

	/** Puts a dead letter back in the queue (audited); 409 unless it is one. */
	@Transactional
	public Delivery resend(java.util.UUID id, Caller caller) {
		caller.requireAdmin();
		Delivery d = deliveries.find(id).orElseThrow(() -> new vn.motcua.platform.NotFound("Không có lần gửi này."));
		if (!deliveries.resend(id, clock.instant())) {
			throw new NotDeadLetter(d.status());
		}
		audit.record(new vn.motcua.audit.AuditEntry(caller.username(), "sync.resent", "sync_delivery", id.toString(),
				java.util.Map.of("dossier", d.dossierCode(), "sequence", d.sequence())));
		worker.wakeAfterCommit();
		return deliveries.find(id).orElseThrow();
	}

	/** Only a dead letter can be sent again; a pending one is on its way, a delivered one arrived. */
	static final class NotDeadLetter extends vn.motcua.platform.DomainProblem {
		NotDeadLetter(String status) {
			super(org.springframework.http.HttpStatus.CONFLICT, "delivery-not-failed", "Lần gửi đang ở trạng thái " + status
					+ "; chỉ gửi lại được lần gửi thất bại.");
		}
	}

	@Transactional(readOnly = true)
	public State of(String code, Caller caller) {
		dossiers.get(code, caller); // "not found" unless the caller may see it
		if (caller.citizen()) {
			throw new vn.motcua.platform.NotFound("Không tìm thấy hồ sơ " + code + ".");
		}
		List<Delivery> all = deliveries.ofDossier(code);
		String state = all.stream().anyMatch(d -> d.status().equals("FAILED")) ? "FAILED"
				: all.stream().anyMatch(d -> !d.status().equals("DELIVERED")) ? "PENDING" : "SYNCED";
		return new State(state, all);
	}
}
