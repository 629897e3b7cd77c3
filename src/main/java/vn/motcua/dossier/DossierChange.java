package vn.motcua.dossier;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What one change does to a dossier, decided before anything is written: its new status, the columns it sets
 * (only those of {@link #COLUMNS}), the supplement request it opens or when it completes the open one, and the details
 * its history and audit record. {@link JdbcDossierRepository#apply} writes it.
 */
record DossierChange(DossierStatus to, Map<String, @Nullable Object> columns, @Nullable SupplementRequest request,
		@Nullable Instant supplementCompletedAt, Map<String, Object> details) {

	/** The columns a change may set, beside status and version. */
	static final Set<String> COLUMNS = Set.of("received_at", "due_at", "stopped_at", "assignee", "fee_vnd", "approved",
			"finished_at", "returned_at", "extended_due_at", "current_step", "step_units", "paid_vnd", "paid_online",
			"fee_exemption");

	/** Yêu cầu bổ sung: the request a change opens. */
	record SupplementRequest(int seq, Instant at, String by, String reason, List<String> items) {
	}

	DossierChange {
		if (!COLUMNS.containsAll(columns.keySet())) {
			throw new IllegalArgumentException("not a column a change may set: " + columns.keySet());
		}
		columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
	}

	/** The same change with more columns set (those the steps of a configured process add). */
	DossierChange with(Map<String, @Nullable Object> more) {
		Map<String, @Nullable Object> all = new LinkedHashMap<>(columns);
		all.putAll(more);
		return new DossierChange(to, all, request, supplementCompletedAt, details);
	}
}
