package vn.motcua.dossier;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;
import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditLog;

/**
 * Writes what happened to a dossier — history, audit and events (the generic {@link DossierChanged} and the
 * typed ones of {@link DossierEvents}) — inside the transaction of the change.
 */
@Component
class DossierJournal {

	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final JsonMapper json = JsonMapper.builder().build();

	DossierJournal(JdbcClient jdbc, AuditLog audit, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.events = events;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void record(String code, String agencyCode, Instant at, String actor, String action,
			@Nullable DossierStatus from, DossierStatus to, @Nullable String note, Map<String, ?> details) {
		jdbc.sql("""
				insert into dossier_history (dossier_code, at, actor, action, from_status, to_status, note, details)
				values (:code, :at, :actor, :action, :from, :to, :note, cast(:details as jsonb))""")
			.param("code", code)
			.param("at", Timestamp.from(at))
			.param("actor", actor)
			.param("action", action)
			.param("from", from == null ? null : from.name())
			.param("to", to.name())
			.param("note", note)
			.param("details", json.writeValueAsString(details))
			.update();
		audit.record(new AuditEntry(actor, "dossier." + action.toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
				"dossier", code, details));
		events.publishEvent(new DossierChanged(code, action, from, to, agencyCode, at, actor));
		DossierEvents.of(code, agencyCode, at, action, from, to, note, details).forEach(events::publishEvent);
	}
}
