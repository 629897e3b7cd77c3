package vn.motcua.audit;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;
import vn.motcua.platform.Hashes;

/**
 * Appends under a transaction-scoped advisory lock, so records are chained in commit order across every
 * instance sharing the database. The lock is held until the caller's transaction ends: audited changes
 * serialise on it, which is the price of a single provable chain.
 */
@Service
class JdbcAuditLog implements AuditLog {

	static final String GENESIS = "0".repeat(64);
	private static final long CHAIN_LOCK = 0x4d6f74437561L; // "MotCua"

	private final JdbcClient jdbc;
	private final Clock clock;
	private final JsonMapper json;

	JdbcAuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.json = JsonMapper.builder().build();
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public AuditRecord record(AuditEntry entry) {
		jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query((rs, i) -> 1).list();
		String previous = jdbc.sql("select hash from audit_record order by id desc limit 1")
			.query(String.class)
			.optional()
			.orElse(GENESIS);
		long id = jdbc.sql("select nextval('audit_record_id_seq')").query(Long.class).single();
		Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS); // PostgreSQL keeps microseconds
		String details = json.writeValueAsString(new java.util.TreeMap<>(entry.details()));
		String hash = hash(previous, id, at, entry.actor(), entry.action(), entry.subjectType(), entry.subjectId(),
				details);
		jdbc.sql("""
				insert into audit_record (id, at, actor, action, subject_type, subject_id, details, previous_hash, hash)
				values (:id, :at, :actor, :action, :subjectType, :subjectId, :details, :previous, :hash)""")
			.param("id", id)
			.param("at", Timestamp.from(at))
			.param("actor", entry.actor())
			.param("action", entry.action())
			.param("subjectType", entry.subjectType())
			.param("subjectId", entry.subjectId())
			.param("details", details)
			.param("previous", previous)
			.param("hash", hash)
			.update();
		return new AuditRecord(id, at, entry.actor(), entry.action(), entry.subjectType(), entry.subjectId(), details,
				previous, hash);
	}

	@Override
	@Transactional(readOnly = true)
	public List<AuditRecord> page(@Nullable String subjectType, @Nullable String subjectId, int page, int size) {
		return jdbc.sql("""
				select * from audit_record
				where (cast(:type as text) is null or subject_type = :type)
				  and (cast(:id as text) is null or subject_id = :id)
				order by id desc limit :size offset :offset""")
			.param("type", subjectType)
			.param("id", subjectId)
			.param("size", size)
			.param("offset", (long) page * size)
			.query(JdbcAuditLog::map)
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public long count(@Nullable String subjectType, @Nullable String subjectId) {
		return jdbc.sql("""
				select count(*) from audit_record
				where (cast(:type as text) is null or subject_type = :type)
				  and (cast(:id as text) is null or subject_id = :id)""")
			.param("type", subjectType)
			.param("id", subjectId)
			.query(Long.class)
			.single();
	}

	@Override
	@Transactional(readOnly = true)
	public ChainVerification verify() {
		AtomicReference<String> previous = new AtomicReference<>(GENESIS);
		AtomicLong checked = new AtomicLong();
		AtomicReference<ChainVerification> broken = new AtomicReference<>();
		jdbc.sql("select * from audit_record order by id").withFetchSize(1000).query(rs -> {
			if (broken.get() != null) {
				return;
			}
			AuditRecord r = map(rs, 0);
			checked.incrementAndGet();
			if (!r.previousHash().equals(previous.get())) {
				broken.set(new ChainVerification(checked.get(), r.id(), "link to the previous record does not hold"));
			}
			else if (!r.hash().equals(hash(r.previousHash(), r.id(), r.at(), r.actor(), r.action(), r.subjectType(),
					r.subjectId(), r.details()))) {
				broken.set(new ChainVerification(checked.get(), r.id(), "record content does not match its hash"));
			}
			previous.set(r.hash());
		});
		return broken.get() != null ? broken.get() : new ChainVerification(checked.get(), null, null);
	}

	/** Length-prefixed fields, so no two different records can serialise alike. */
	static String hash(String previous, long id, Instant at, String actor, String action, String subjectType,
			String subjectId, String details) {
		StringBuilder canonical = new StringBuilder();
		for (String field : new String[] { previous, Long.toString(id), at.toString(), actor, action, subjectType,
				subjectId, details }) {
			canonical.append(field.length()).append(':').append(field).append(';');
		}
		return Hashes.sha256Hex(canonical.toString().getBytes(StandardCharsets.UTF_8));
	}

	private static AuditRecord map(ResultSet rs, int row) throws SQLException {
		return new AuditRecord(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
				rs.getString("action"), rs.getString("subject_type"), rs.getString("subject_id"),
				rs.getString("details"), rs.getString("previous_hash"), rs.getString("hash"));
	}
}
