package vn.motcua.dossier;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.identity.Caller;

/**
 * Phí, lệ phí of a dossier as the payment module sees them: what is owed, a settled payment and an exemption
 * with its reason — the last two rows of the action table ({@link DossierAction#SETTLE_PAYMENT},
 * {@link DossierAction#EXEMPT_FEE}), taken through the same rules, lifecycle and journal as every other action.
 */
@Service
public class DossierFees {

	private final DossierAccess access;
	private final JdbcDossierRepository repository;
	private final DossierWorkflow workflow;

	DossierFees(DossierAccess access, JdbcDossierRepository repository, DossierWorkflow workflow) {
		this.access = access;
		this.repository = repository;
		this.workflow = workflow;
	}

	/** A dossier and what it still owes. */
	public record Owed(Dossier dossier, long owedVnd) {
	}

	/** What the dossier owes, for a caller who may see it (otherwise "not found"); locked when asked. */
	@Transactional
	public Owed owed(String code, Caller caller, boolean lock) {
		Dossier d = access.visible(code, caller, lock);
		return new Owed(d, d.owedVnd());
	}

	/** The dossier as it stands, for the system's own work on it (receipts, refunds): no caller to check. */
	@Transactional(readOnly = true)
	public Dossier current(String code) {
		return repository.find(code, false).orElseThrow(() -> new DossierProblems.DossierNotFound(code));
	}

	/**
	 * Records a confirmed payment, if the dossier still takes it.
	 *
	 * @return why it was not taken (nothing owed any more, or the dossier ended): the payment is to be refunded
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<String> settle(String code, long amountVnd, boolean online, String paymentRef, String actor) {
		Dossier d = repository.find(code, true).orElseThrow(() -> new DossierProblems.DossierNotFound(code));
		Optional<String> refusal = DossierRules.refusal(DossierAction.SETTLE_PAYMENT, d)
			.map(vn.motcua.platform.Text::vietnamese);
		if (refusal.isEmpty()) {
			workflow.take(d, DossierAction.SETTLE_PAYMENT, new DossierLifecycle.Fields(
					Map.of("amountVnd", amountVnd, "online", online, "payment", paymentRef), actor));
		}
		return refusal;
	}

	/** Miễn phí, lệ phí: the dossier owes nothing from now on; one-stop officers and leaders, with a reason. */
	@Transactional
	public Dossier exempt(String code, String reason, Caller caller) {
		Dossier d = access.visible(code, caller, true);
		if (!access.mayAct(caller, DossierAction.EXEMPT_FEE, d)) {
			throw new DossierProblems.ActionForbidden("Chỉ cán bộ một cửa hoặc lãnh đạo được miễn phí, lệ phí.");
		}
		DossierLifecycle.Fields fields = DossierWorkflow.fields(DossierAction.EXEMPT_FEE, Map.of("reason", reason), false,
				caller.username());
		return workflow.take(d, DossierAction.EXEMPT_FEE, fields);
	}
}
