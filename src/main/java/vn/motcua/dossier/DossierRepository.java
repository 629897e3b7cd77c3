package vn.motcua.dossier;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.motcua.dossier.Dossier.Supplement;

/** Reads dossiers with their supplements; the one place that maps rows to {@link Dossier}. */
@Repository
class DossierRepository {

	static final String COLUMNS = """
			d.*, p.name as procedure_name""";

	private final JdbcClient jdbc;

	DossierRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Dossier> find(String code, boolean forUpdate) {
		return jdbc.sql("select " + COLUMNS + " from dossier d join procedure p on p.code = d.procedure_code"
				+ " where d.code = :code" + (forUpdate ? " for update of d" : ""))
			.param("code", code)
			.query(this::row)
			.optional()
			.map(d -> withSupplements(List.of(d)).get(0));
	}

	/** Attaches the supplements of a page of dossiers in one query. */
	List<Dossier> withSupplements(List<Dossier> dossiers) {
		if (dossiers.isEmpty()) {
			return dossiers;
		}
		Map<String, List<Supplement>> byCode = new HashMap<>();
		jdbc.sql("""
				select dossier_code, requested_at, completed_at, reason, items from dossier_supplement
				where dossier_code = any(:codes) order by dossier_code, seq""")
			.param("codes", dossiers.stream().map(Dossier::code).toArray(String[]::new))
			.query(rs -> {
				byCode.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
					.add(new Supplement(instant(rs, "requested_at"), instant(rs, "completed_at"), rs.getString("reason"),
							items(rs)));
			});
		return dossiers.stream().map(d -> {
			List<Supplement> s = byCode.getOrDefault(d.code(), List.of());
			return new Dossier(d.code(), d.procedureCode(), d.procedureName(), d.procedureVersion(), d.caseCode(), d.agencyCode(),
					d.receivingUnitCode(), d.status(), d.channel(), d.applicant(), d.submitter(), d.assuranceLevel(),
					d.submittedAt(), d.receivedAt(), d.dueAt(), d.extendedDueAt(), d.finishedAt(), d.returnedAt(),
					d.stoppedAt(), OnTimeRule.ofEnded(d.dueAt(), d.finishedAt(), d.returnedAt(), d.stoppedAt(), s), s,
					d.feeVnd(), d.paidVnd(), d.paidOnline(), d.registryCheck(), d.approved(), d.assignee(),
					d.deadlineState(), d.version());
		}).toList();
	}

	List<Dossier.Event> history(String code) {
		return jdbc.sql("""
				select at, actor, action, from_status, to_status, note from dossier_history
				where dossier_code = :code order by id""")
			.param("code", code)
			.query((rs, n) -> new Dossier.Event(instant(rs, "at"), rs.getString("actor"), rs.getString("action"),
					status(rs.getString("from_status")), status(rs.getString("to_status")), rs.getString("note")))
			.list();
	}

	Dossier row(ResultSet rs, int n) throws SQLException {
		Applicant applicant = new Applicant(rs.getString("applicant_type"), rs.getString("applicant_id_number"),
				rs.getString("applicant_name"), rs.getObject("applicant_birth_date", LocalDate.class),
				rs.getString("applicant_tax_code"), rs.getString("business_name"), rs.getString("applicant_phone"),
				rs.getString("applicant_email"), rs.getString("applicant_address"));
		return new Dossier(rs.getString("code"), rs.getString("procedure_code"), rs.getString("procedure_name"),
				(Integer) rs.getObject("procedure_version", Integer.class), rs.getString("case_code"), rs.getString("agency_code"), rs.getString("receiving_unit_code"),
				DossierStatus.valueOf(rs.getString("status")), Channel.valueOf(rs.getString("channel")), applicant,
				rs.getString("submitter"), (Integer) rs.getObject("assurance_level", Integer.class),
				instant(rs, "submitted_at"), instant(rs, "received_at"), instant(rs, "due_at"),
				instant(rs, "extended_due_at"), instant(rs, "finished_at"), instant(rs, "returned_at"),
				instant(rs, "stopped_at"), null, List.of(), rs.getLong("fee_vnd"), rs.getLong("paid_vnd"),
				rs.getBoolean("paid_online"), rs.getString("registry_check"), rs.getBoolean("approved"),
				rs.getString("assignee"), rs.getString("deadline_state"), rs.getInt("version"));
	}

	static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static List<String> items(ResultSet rs) throws SQLException {
		java.sql.Array a = rs.getArray("items");
		return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
	}

	private static @Nullable DossierStatus status(@Nullable String s) {
		return s == null ? null : DossierStatus.valueOf(s);
	}
}
