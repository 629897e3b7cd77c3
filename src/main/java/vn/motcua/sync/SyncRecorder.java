package vn.motcua.sync;

import java.time.Clock;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierChanged;
import vn.motcua.dossier.Dossiers;

/**
 * Writes what the national portal must hear, in the transaction of the change, at its end (when the dossier is as
 * the change leaves it): the whole dossier the first time it has a national status, then each change of that
 * status as a step. The national status comes from {@code sync_status_map}, which administrators can read and
 * correct. Imported dossiers publish no change and are not sent.
 */
@Component
class SyncRecorder {

	private final Deliveries deliveries;
	private final Dossiers dossiers;
	private final vn.motcua.dossier.DossierResults results;
	private final JdbcClient jdbc;
	private final SyncWorker worker;
	private final Clock clock;
	private final CodeMappings codes;
	private final JsonMapper json = JsonMapper.builder().build();

	SyncRecorder(Deliveries deliveries, Dossiers dossiers, vn.motcua.dossier.DossierResults results, JdbcClient jdbc,
			SyncWorker worker, Clock clock, CodeMappings codes) {
		this.codes = codes;
		this.results = results;
		this.deliveries = deliveries;
		this.dossiers = dossiers;
		this.jdbc = jdbc;
		this.worker = worker;
		this.clock = clock;
	}

	@EventListener
	void on(DossierChanged change) {
		if (change.fromStatus() == change.toStatus()) {
			return; // a document, a rating, an assignment: no national status changes
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void beforeCommit(boolean readOnly) {
					record(change);
				}

				@Override
				public void afterCommit() {
					worker.wake();
				}
			});
		}
		else {
			record(change);
			worker.wake();
		}
	}

	private void record(DossierChanged change) {
		Dossier d = dossiers.find(change.code()).orElse(null);
		Integer national = national(change.toStatus().name());
		if (d == null || national == null) {
			return;
		}
		Deliveries.Last last = deliveries.last(d.code());
		if (last != null && last.nationalStatus() == national) {
			return; // two internal statuses with one national code: nothing new for the portal
		}
		int sequence = last == null ? 1 : last.sequence() + 1;
		Map<String, @Nullable Object> payload = last == null ? Payloads.dossier(d, codes.of(d), national, sequence)
				: Payloads.step(d, codes.agency(d.agencyCode()), change.action(), change.actor(), change.at(), national,
						sequence,
						d.electronicResult() ? results.issued(d.code()) : java.util.List.of());
		deliveries.add(d.code(), sequence, last == null ? "DongBoHoSoMC" : "CapNhatTienDoHoSoMC", national,
				json.writeValueAsString(payload), clock.instant());
	}

	private @Nullable Integer national(String status) {
		return jdbc.sql("select national_code from sync_status_map where status = ?").param(status)
			.query(Integer.class).optional().orElse(null);
	}
}
