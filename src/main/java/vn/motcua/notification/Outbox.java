package vn.motcua.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The notification table as an outbox: messages are added in the caller's transaction and claimed by workers
 * with {@code FOR UPDATE SKIP LOCKED} and a lease, so two instances never send one message at once and a worker
 * that dies mid-send leaves it to be claimed again when its lease ends.
 */
@Component
class Outbox {

	/** What a cause asks to send, rendered from its template. */
	record Message(String dedupeKey, @Nullable String dossierCode, String audience, String event,
			NotificationChannel channel, String recipient, String language, int templateVersion,
			@Nullable String subject, String body) {
	}

	private static final String COLUMNS = "id, dossier_code, audience, event, channel, recipient, language, "
			+ "template_version, subject, body, status, attempts, next_attempt_at, created_at, sent_at, last_error ";

	private final JdbcClient jdbc;
	private final vn.motcua.platform.OutboxTable table;

	Outbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.table = new vn.motcua.platform.OutboxTable(jdbc, "notification");
	}

	/** Adds the message unless its cause already did (same dedupe key): true when added. */
	boolean add(Message m, Instant now) {
		return jdbc.sql("""
				insert into notification (id, dedupe_key, dossier_code, audience, event, channel, recipient, language,
				  template_version, subject, body, status, attempts, next_attempt_at, retry_since, created_at)
				values (:id, :key, :dossier, :audience, :event, :channel, :recipient, :language, :version, :subject,
				  :body, 'PENDING', 0, :now, :now, :now)
				on conflict (dedupe_key) do nothing""")
			.param("id", UUID.randomUUID())
			.param("key", m.dedupeKey())
			.param("dossier", m.dossierCode())
			.param("audience", m.audience())
			.param("event", m.event())
			.param("channel", m.channel().name())
			.param("recipient", m.recipient())
			.param("language", m.language())
			.param("version", m.templateVersion())
			.param("subject", m.subject())
			.param("body", m.body())
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/**
	 * Takes up to {@code batch} messages due now, counting an attempt for each, leased until {@code now + lease}; the
	 * last error is cleared, so one shown belongs to the last attempt, which has ended.
	 */
	List<Notification> claim(int batch, Instant now, Duration lease) {
		return jdbc.sql("""
				update notification n set lease_until = :until, attempts = n.attempts + 1, last_error = null
				where n.id in (select id from notification
				               where status = 'PENDING' and next_attempt_at <= :now
				                 and (lease_until is null or lease_until <= :now)
				               order by next_attempt_at, seq limit :batch for update skip locked)
				returning\s""" + COLUMNS)
			.param("until", Timestamp.from(now.plus(lease)))
			.param("now", Timestamp.from(now))
			.param("batch", batch)
			.query(Outbox::row)
			.list();
	}

	void sent(UUID id, Instant at, @Nullable String providerId) {
		jdbc.sql("""
				update notification set status = 'SENT', sent_at = ?, provider_id = ?, lease_until = null, last_error = null
				where id = ? and status = 'PENDING'""")
			.params(Timestamp.from(at), providerId, id)
			.update();
	}

	Optional<Notification> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from notification where id = ?").param(id).query(Outbox::row).optional();
	}

	/** The applicant's messages about a dossier, oldest first. */
	List<Notification> ofDossier(String code) {
		return jdbc.sql("select " + COLUMNS + """
				 from notification where dossier_code = ? and audience = 'APPLICANT' order by created_at, seq""")
			.param(code)
			.query(Outbox::row)
			.list();
	}

	/** The applicant's messages about any of {@code codes}, newest first. */
	List<Notification> ofDossiers(List<String> codes, int limit) {
		if (codes.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select " + COLUMNS + """
				 from notification where dossier_code = any (?) and audience = 'APPLICANT' order by created_at desc, seq desc limit ?""")
			.params(codes.toArray(String[]::new), limit)
			.query(Outbox::row)
			.list();
	}

	/** Messages in one status, newest first; {@code total} of them. */
	List<Notification> inStatus(String status, int page, int size) {
		return jdbc.sql("select " + COLUMNS + " from notification where status = ? order by created_at desc, seq desc limit ? offset ?")
			.params(status, size, (long) page * size)
			.query(Outbox::row)
			.list();
	}

	long count(String status) {
		return jdbc.sql("select count(*) from notification where status = ?").param(status).query(Long.class).single();
	}

	/** The creation time of the oldest message still waiting, if any. */
	Optional<Instant> oldestPending() {
		return jdbc.sql("select created_at from notification where status = 'PENDING' order by created_at limit 1")
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant);
	}

	private static Notification row(ResultSet rs, int n) throws SQLException {
		Timestamp sent = rs.getTimestamp("sent_at");
		return new Notification(rs.getObject("id", UUID.class), rs.getString("dossier_code"), rs.getString("audience"),
				rs.getString("event"), NotificationChannel.valueOf(rs.getString("channel")), rs.getString("recipient"),
				rs.getString("language"), rs.getInt("template_version"), rs.getString("subject"), rs.getString("body"),
				rs.getString("status"), rs.getInt("attempts"), rs.getTimestamp("next_attempt_at").toInstant(),
				rs.getTimestamp("created_at").toInstant(), sent == null ? null : sent.toInstant(),
				rs.getString("last_error"));
	}

	void failed(UUID id, String error, @Nullable Instant retryAt) {
		table.failed(id, error, retryAt);
	}

	Instant retrySince(UUID id) {
		return table.retrySince(id);
	}

	boolean resend(UUID id, Instant now) {
		return table.resend(id, now);
	}
}
