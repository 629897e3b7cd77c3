package vn.motcua.catalog;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.audit.AuditEntry;
import vn.motcua.audit.AuditLog;
import vn.motcua.catalog.search.Fold;
import vn.motcua.identity.Caller;
import vn.motcua.platform.InvalidParameter;
import vn.motcua.platform.NotFound;

/**
 * The search's synonym list (docs/adr/0013), kept by administrators: a phrase as citizens type it and what the
 * catalog calls it. Stored folded (no marks, lower case), as the search compares them; every change audited and
 * seen by every instance's next search.
 */
@Service
public class SearchSynonyms {

	/** One entry: the phrase and its replacements, several separated by {@code |}. */
	public record Synonym(String phrase, String replacements, Instant updatedAt, String updatedBy) {
	}

	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final Clock clock;

	SearchSynonyms(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	public List<Synonym> list(Caller caller) {
		caller.requireAdmin();
		return jdbc.sql("select phrase, replacements, updated_at, updated_by from catalog_synonym order by phrase")
			.query((rs, n) -> new Synonym(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4)))
			.list();
	}

	/** Sets what a phrase stands for; 400 when either side has no word or is too long. */
	@Transactional
	public Synonym put(String phrase, @Nullable String replacements, Caller caller) {
		caller.requireAdmin();
		String p = String.join(" ", Fold.words(phrase == null ? "" : phrase));
		if (p.isEmpty() || p.length() > 100) {
			throw new InvalidParameter("phrase", "Cụm từ cần có chữ hoặc số, tối đa 100 ký tự.");
		}
		String r = replacements == null ? "" : replacements.strip();
		List<String> alternatives = java.util.Arrays.stream(r.split("\\|")).map(String::strip).filter(s -> !s.isEmpty())
			.toList();
		if (alternatives.isEmpty() || r.length() > 500 || alternatives.stream().anyMatch(a -> Fold.words(a).isEmpty())) {
			throw new InvalidParameter("replacements",
					"Cần ít nhất một cách gọi trong danh mục (nhiều cách ngăn bằng |), tối đa 500 ký tự.");
		}
		String stored = String.join("|", alternatives);
		jdbc.sql("""
				insert into catalog_synonym (phrase, replacements, updated_at, updated_by) values (?, ?, ?, ?)
				on conflict (phrase) do update set replacements = excluded.replacements, updated_at = excluded.updated_at,
				  updated_by = excluded.updated_by""")
			.params(p, stored, Timestamp.from(clock.instant()), caller.username()).update();
		audit.record(AuditEntry.of(caller.username(), "catalog.synonym-set", "catalog_synonym", p)
			.with(Map.of("replacements", stored)));
		return new Synonym(p, stored, clock.instant(), caller.username());
	}

	@Transactional
	public void remove(String phrase, Caller caller) {
		caller.requireAdmin();
		String p = String.join(" ", Fold.words(phrase == null ? "" : phrase));
		if (jdbc.sql("delete from catalog_synonym where phrase = ?").param(p).update() == 0) {
			throw new NotFound("Không có từ đồng nghĩa \"" + phrase + "\".");
		}
		audit.record(AuditEntry.of(caller.username(), "catalog.synonym-removed", "catalog_synonym", p));
	}
}
