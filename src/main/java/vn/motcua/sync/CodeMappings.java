package vn.motcua.sync;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditLog;
import vn.motcua.identity.Caller;
import vn.motcua.platform.DomainProblem;
import vn.motcua.platform.InvalidParameter;
import vn.motcua.platform.NotFound;

/**
 * Local ↔ national codes (ánh xạ mã) where the province's differ from the national portal's: procedures (mã TTHC),
 * fields (mã lĩnh vực) and agencies (mã đơn vị). Payloads are written with the national code, national catalog
 * records are read into the local one; where no mapping exists the code is the same on both sides (an agency's
 * national code is then its electronic identifier). Read on every payload, so kept in memory and reread each
 * minute (another instance may have changed them) and at once after a change here.
 */
@Service
public class CodeMappings {

	/** What is mapped. */
	public enum Kind {
		PROCEDURE, FIELD, AGENCY
	}

	/** One mapping; {@code source}: ADMIN (typed by an administrator) or CATALOG_PULL (read from a record). */
	public record Mapping(Kind kind, String localCode, String nationalCode, @Nullable String nationalName, String source,
			Instant updatedAt, String updatedBy) {
	}

	private static final Duration FRESH = Duration.ofMinutes(1);

	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final Clock clock;
	private final vn.motcua.organization.Agencies agencies;
	private final vn.motcua.catalog.Procedures procedures;
	private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of(), Instant.MIN);

	private record Snapshot(Map<String, String> toNational, Map<String, String> toLocal, Instant readAt) {
	}

	CodeMappings(JdbcClient jdbc, AuditLog audit, Clock clock, vn.motcua.organization.Agencies agencies,
			vn.motcua.catalog.Procedures procedures) {
		this.agencies = agencies;
		this.procedures = procedures;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** The national code of a local one, if they differ. */
	Optional<String> national(Kind kind, String local) {
		return Optional.ofNullable(current().toNational().get(kind + "|" + local));
	}

	/**
	 * A dossier's codes as the portal knows them.
	 *
	 * @param fieldCode the national field code (MaLinhVuc); the field's name when none is mapped
	 */
	record NationalCodes(String procedure, @Nullable String fieldCode, @Nullable String fieldName, String agency,
			String receivingUnit) {
	}

	NationalCodes of(vn.motcua.dossier.Dossier d) {
		String field = procedures.find(d.procedureCode(), true).map(p -> p.summary().field()).orElse(null);
		return new NationalCodes(national(Kind.PROCEDURE, d.procedureCode()).orElse(d.procedureCode()),
				field == null ? null : national(Kind.FIELD, field).orElse(field), field, agency(d.agencyCode()),
				agency(d.receivingUnitCode()));
	}

	/** A unit's national code: the mapped one, else its electronic identifier (mã định danh), else its own code. */
	String agency(String local) {
		return national(Kind.AGENCY, local).or(() -> agencies.find(local).map(vn.motcua.organization.Agency::identifier)
			.filter(i -> i != null && !i.isBlank())).orElse(local);
	}

	/** The local code of a national one, if they differ. */
	Optional<String> local(Kind kind, String national) {
		return Optional.ofNullable(current().toLocal().get(kind + "|" + national));
	}

	private Snapshot current() {
		Snapshot s = snapshot;
		Instant now = clock.instant();
		if (s.readAt().isBefore(now.minus(FRESH)) || s.readAt().isAfter(now)) {
			s = reload(now);
		}
		return s;
	}

	private Snapshot reload(Instant now) {
		Map<String, String> toNational = new HashMap<>();
		Map<String, String> toLocal = new HashMap<>();
		jdbc.sql("select kind, local_code, national_code from sync_code_map").query((java.sql.ResultSet rs) -> {
			toNational.put(rs.getString(1) + "|" + rs.getString(2), rs.getString(3));
			toLocal.put(rs.getString(1) + "|" + rs.getString(3), rs.getString(2));
		});
		Snapshot s = new Snapshot(Map.copyOf(toNational), Map.copyOf(toLocal), now);
		snapshot = s;
		return s;
	}

	/** Every mapping of a kind (all kinds when null), for administrators. */
	public List<Mapping> list(@Nullable Kind kind, Caller caller) {
		caller.requireAdmin();
		return jdbc.sql("""
				select kind, local_code, national_code, national_name, source, updated_at, updated_by from sync_code_map
				where (? = '' or kind = ?) order by kind, local_code""")
			.params(kind == null ? "" : kind.name(), kind == null ? "" : kind.name())
			.query((rs, n) -> new Mapping(Kind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7)))
			.list();
	}

	/** Sets a mapping (audited); 409 when the national code already maps another local code of the kind. */
	@Transactional
	public Mapping put(Kind kind, String localCode, String nationalCode, @Nullable String nationalName, Caller caller) {
		caller.requireAdmin();
		String local = code("localCode", localCode);
		String national = code("nationalCode", nationalCode);
		if (nationalName != null && nationalName.length() > 500) {
			throw new InvalidParameter("nationalName", "Tên quá dài (tối đa 500 ký tự).");
		}
		save(kind, local, national, nationalName, "ADMIN", caller.username());
		audit.record(AuditEntry.of(caller.username(), "sync.code-mapped", "sync_code_map", kind + ":" + local)
			.with(Map.of("nationalCode", national)));
		return list(kind, caller).stream().filter(m -> m.localCode().equals(local)).findFirst().orElseThrow();
	}

	/** Removes a mapping (audited): the code is then the same on both sides. */
	@Transactional
	public void remove(Kind kind, String localCode, Caller caller) {
		caller.requireAdmin();
		int n = jdbc.sql("delete from sync_code_map where kind = ? and local_code = ?").params(kind.name(), localCode).update();
		if (n == 0) {
			throw new NotFound("Không có ánh xạ " + kind + " cho mã " + localCode + ".");
		}
		audit.record(AuditEntry.of(caller.username(), "sync.code-unmapped", "sync_code_map", kind + ":" + localCode));
		reload(clock.instant());
	}

	/** Records what a national catalog record says (a field's national code), unless an administrator said otherwise. */
	void learn(Kind kind, String localCode, String nationalCode, @Nullable String nationalName) {
		jdbc.sql("""
				insert into sync_code_map (kind, local_code, national_code, national_name, source, updated_at, updated_by)
				select ?, ?, ?, ?, 'CATALOG_PULL', ?, 'dvcqg-catalog-pull'
				where not exists (select 1 from sync_code_map where kind = ? and (local_code = ? or national_code = ?))""")
			.params(kind.name(), localCode, nationalCode, nationalName, Timestamp.from(clock.instant()), kind.name(),
					localCode, nationalCode)
			.update();
	}

	private void save(Kind kind, String local, String national, @Nullable String name, String source, String actor) {
		boolean taken = jdbc.sql("select exists (select 1 from sync_code_map where kind = ? and national_code = ? and local_code <> ?)")
			.params(kind.name(), national, local).query(Boolean.class).single();
		if (taken) {
			throw new MappingTaken(kind, national);
		}
		jdbc.sql("""
				insert into sync_code_map (kind, local_code, national_code, national_name, source, updated_at, updated_by)
				values (?, ?, ?, ?, ?, ?, ?)
				on conflict (kind, local_code) do update set national_code = excluded.national_code,
				  national_name = excluded.national_name, source = excluded.source, updated_at = excluded.updated_at,
				  updated_by = excluded.updated_by""")
			.params(kind.name(), local, national, name, source, Timestamp.from(clock.instant()), actor)
			.update();
		snapshot = new Snapshot(Map.of(), Map.of(), Instant.MIN); // reread on next use, after this commits
	}

	private static String code(String name, @Nullable String value) {
		String v = value == null ? "" : value.strip();
		if (!v.matches("[\\p{L}0-9][\\p{L}0-9 ._-]{0,99}")) {
			throw new InvalidParameter(name, "Mã không hợp lệ: chữ, số, dấu chấm, gạch ngang; tối đa 100 ký tự.");
		}
		return v;
	}

	/** One national code stands for one local code of a kind. */
	static final class MappingTaken extends DomainProblem {
		MappingTaken(Kind kind, String national) {
			super(org.springframework.http.HttpStatus.CONFLICT, "mapping-taken",
					"Mã quốc gia " + national + " đã được ánh xạ cho một mã " + kind + " khác.");
		}
	}
}
