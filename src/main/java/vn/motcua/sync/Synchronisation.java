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

	private final Deliveries deliveries;
	private final Dossiers dossiers;

	Synchronisation(Deliveries deliveries, Dossiers dossiers) {
		this.deliveries = deliveries;
		this.dossiers = dossiers;
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
