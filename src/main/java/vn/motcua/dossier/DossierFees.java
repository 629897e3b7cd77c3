package vn.motcua.dossier;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.identity.Role;
import vn.motcua.identity.Caller;

/**
 * Phí, lệ phí of a dossier as the payment module sees them: what is owed, a settled payment (which moves a
 * dossier waiting for payment back to processing by itself), and an exemption with its reason. Every change
 * writes history, audit and event in the caller's transaction.
 */
@Service
public class DossierFees {

	private final DossierAccess access;
	private final JdbcDossierRepository repository;
	private final DossierJournal journal;
	private final Clock clock;

	DossierFees(DossierAccess access, JdbcDossierRepository repository, DossierJournal journal,
			Clock clock) {
		this.access = access;
		this.repository = repository;
		this.journal = journal;
		this.clock = clock;
	}

	/** A dossier and what it still owes. */
	public record Owed(Dossier dossier, long owedVnd) {
	}

	/** What the dossier owes, for a caller who may see it (otherwise "not found"); locked when asked. */
	@Transactional
	public Owed owed(String code, Caller caller, boolean lock) {
		Dossier d = access.visible(code, caller, lock);
		return new Owed(d, owed(d));
	}

	/** The dossier as it stands, for the system's own work on it (receipts, refunds): no caller to check. */
	@Transactional(readOnly = true)
	public Dossier current(String code) {
		return repository.find(code, false).orElseThrow(() -> new DossierProblems.DossierNotFound(code));
	}

	/**
	 * Records a settled payment if the dossier still owes it.
	 *
	 * @return false when nothing was owed any more (a double payment, to be refunded)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean settle(String code, long amountVnd, boolean online, String paymentRef, String actor) {
		Dossier d = repository.find(code, true).orElseThrow(() -> new DossierProblems.DossierNotFound(code));
		if (owed(d) <= 0) {
			return false;
		}
		Instant now = clock.instant();
		DossierChange change = DossierLifecycle.settle(d, amountVnd, online, paymentRef);
		repository.apply(d, change);
		journal.record(code, d.agencyCode(), now, actor, "PAYMENT_SETTLED", d.status(), change.to(), null,
				change.details());
		return true;
	}

	/** Miễn phí, lệ phí: the dossier owes nothing from now on; one-stop officers and leaders, with a reason. */
	@Transactional
	public Dossier exempt(String code, String reason, Caller caller) {
		Dossier d = access.visible(code, caller, true);
		if (!caller.has(Role.ONE_STOP_OFFICER) && !caller.has(Role.DEPARTMENT_LEADER)) {
			throw new DossierProblems.ActionForbidden("Chỉ cán bộ một cửa hoặc lãnh đạo được miễn phí, lệ phí.");
		}
		if (reason.isBlank() || !vn.motcua.platform.TextRules.fits(reason, vn.motcua.platform.TextRules.FREE_TEXT)) {
			throw new vn.motcua.platform.InvalidParameter("reason", "Cần lý do miễn phí, lệ phí (tối đa 4.000 ký tự).");
		}
		if (d.feeExemption() != null) {
			throw new DossierProblems.ActionNotAllowedNow("Hồ sơ đã được miễn phí, lệ phí.");
		}
		Instant now = clock.instant();
		DossierChange change = DossierLifecycle.exempt(d, reason, owed(d));
		repository.apply(d, change);
		journal.record(code, d.agencyCode(), now, caller.username(), "FEE_EXEMPTED", d.status(), change.to(),
				reason.strip(), change.details());
		return repository.find(code, false).orElseThrow();
	}

	private static long owed(Dossier d) {
		return d.feeExemption() != null ? 0 : Math.max(0, d.feeVnd() - d.paidVnd());
	}
}
