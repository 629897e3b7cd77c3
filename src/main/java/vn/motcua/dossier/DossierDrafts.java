package vn.motcua.dossier;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.identity.Caller;
import vn.motcua.platform.InvalidParameter;
import vn.motcua.platform.NotFound;
import vn.motcua.platform.TextRules;

/**
 * Hồ sơ nháp — a filing saved before it is submitted, to be resumed later: the filing form's fields as typed,
 * the e-form's answers and the files chosen for each component (which stay in the filer's store). A draft takes
 * no dossier number and is nobody's but its owner's; it goes once the dossier is filed.
 */
@Service
public class DossierDrafts {

	/** Drafts one person may keep. */
	public static final int MAX_DRAFTS = 50;

	private static final int MAX_FIELDS = 200;
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;
	private final Clock clock;

	DossierDrafts(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public record Draft(UUID id, String procedureCode, @Nullable String procedureName, @Nullable String caseCode,
			Map<String, String> fields, Instant createdAt, Instant updatedAt) {
	}

	private static String owner(Caller caller) {
		return (caller.citizen() ? "person:" : "staff:") + caller.username();
	}

	/** Creates a draft ({@code id} null) or replaces the caller's own draft {@code id}. */
	@Transactional
	public Draft save(@Nullable UUID id, String procedureCode, @Nullable String caseCode, Map<String, String> fields,
			Caller caller) {
		if (fields.size() > MAX_FIELDS || fields.entrySet().stream().anyMatch(e -> e.getKey().length() > 100
				|| !TextRules.fits(e.getValue(), TextRules.FREE_TEXT))) {
			throw new InvalidParameter("fields", "Bản nháp tối đa " + MAX_FIELDS + " trường, mỗi trường tối đa "
					+ TextRules.FREE_TEXT + " ký tự.");
		}
		if (!jdbc.sql("select exists (select 1 from catalog_procedure where code = ?)").param(procedureCode)
			.query(Boolean.class).single()) {
			throw new InvalidParameter("procedureCode", "Không có thủ tục " + procedureCode);
		}
		Instant now = clock.instant();
		String body = JSON.writeValueAsString(fields);
		if (id != null) {
			int n = jdbc.sql("""
					update dossier_draft set procedure_code = ?, case_code = ?, body = cast(? as jsonb), updated_at = ?
					where id = ? and owner = ?""")
				.params(procedureCode, caseCode, body, Timestamp.from(now), id, owner(caller))
				.update();
			if (n == 0) {
				throw new NotFound("Không có bản nháp này.");
			}
			return find(id, caller).orElseThrow();
		}
		// one lock per owner so that two tabs saving at once cannot pass the limit together
		jdbc.sql("select pg_advisory_xact_lock(hashtext('dossier_draft:' || ?))").param(owner(caller)).query().singleRow();
		long held = jdbc.sql("select count(*) from dossier_draft where owner = ?").param(owner(caller)).query(Long.class)
			.single();
		if (held >= MAX_DRAFTS) {
			throw new InvalidParameter("drafts", "Đã có " + MAX_DRAFTS + " bản nháp; hãy xóa bớt trước khi lưu thêm.");
		}
		UUID created = UUID.randomUUID();
		jdbc.sql("""
				insert into dossier_draft (id, owner, procedure_code, case_code, body, created_at, updated_at)
				values (?, ?, ?, ?, cast(? as jsonb), ?, ?)""")
			.params(created, owner(caller), procedureCode, caseCode, body, Timestamp.from(now), Timestamp.from(now))
			.update();
		return find(created, caller).orElseThrow();
	}

	/** The caller's drafts, last saved first. */
	@Transactional(readOnly = true)
	public List<Draft> list(Caller caller) {
		return jdbc.sql(SELECT + " where d.owner = ? order by d.updated_at desc").param(owner(caller))
			.query(DossierDrafts::row).list();
	}

	/** The caller's own draft; anyone else's is not found. */
	@Transactional(readOnly = true)
	public Optional<Draft> find(UUID id, Caller caller) {
		return jdbc.sql(SELECT + " where d.id = ? and d.owner = ?").params(id, owner(caller)).query(DossierDrafts::row)
			.optional();
	}

	@Transactional
	public boolean delete(UUID id, Caller caller) {
		return jdbc.sql("delete from dossier_draft where id = ? and owner = ?").params(id, owner(caller)).update() > 0;
	}

	private static final String SELECT = """
			select d.*, p.name as procedure_name from dossier_draft d
			left join catalog_procedure p on p.code = d.procedure_code""";

	private static Draft row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		Map<String, String> fields = JSON.readValue(rs.getString("body"), new TypeReference<LinkedHashMap<String, String>>() {
		});
		return new Draft(rs.getObject("id", UUID.class), rs.getString("procedure_code"), rs.getString("procedure_name"),
				rs.getString("case_code"), fields, rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}
}
