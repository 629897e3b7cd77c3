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
class JdbcDossierRepository {

	static final String COLUMNS = """
			d.*, p.name as procedure_name, s.position as step_position, s.name as step_name,
			s.unit_code as step_unit, s.role as step_role, s.time_share as step_share, s.started_at as step_started,
			s.due_at as step_due, s.consult_unit_code as step_consult, s.consulted_at as step_consulted""";

	/** The dossier with its procedure and current step; a {@code where} on {@code d} follows. */
	static final String FROM = " from dossier d join catalog_procedure p on p.code = d.procedure_code"
			+ " left join dossier_step s on s.dossier_code = d.code and s.position = d.current_step";

	private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
		.enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private final JdbcClient jdbc;

	JdbcDossierRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Writes a decided change of a dossier the caller has locked: its status and columns, with the version
	 * raised, and the supplement request it opens or completes. The one place that updates a dossier's row after
	 * filing.
	 */
	void apply(Dossier d, DossierChange change) {
		StringBuilder sql = new StringBuilder("update dossier set status = :to, version = version + 1");
		Map<String, @Nullable Object> params = new java.util.LinkedHashMap<>();
		change.columns().forEach((column, value) -> {
			sql.append(", ").append(column).append(" = :").append(column);
			params.put(column, value instanceof java.time.Instant i ? java.sql.Timestamp.from(i) : value);
		});
		jdbc.sql(sql.append(" where code = :code").toString())
			.param("to", change.to().name())
			.param("code", d.code())
			.params(params)
			.update();
		DossierChange.SupplementRequest r = change.request();
		if (r != null) {
			jdbc.sql("""
					insert into dossier_supplement (dossier_code, seq, requested_at, requested_by, reason, items)
					values (?, ?, ?, ?, ?, ?)""")
				.params(d.code(), r.seq(), java.sql.Timestamp.from(r.at()), r.by(), r.reason(), r.items().toArray(String[]::new))
				.update();
		}
		if (change.supplementCompletedAt() != null) {
			jdbc.sql("update dossier_supplement set completed_at = ? where dossier_code = ? and completed_at is null")
				.params(java.sql.Timestamp.from(change.supplementCompletedAt()), d.code())
				.update();
		}
	}

	/** A dossier as filing writes it. */
	record NewDossier(String code, String procedureCode, @Nullable Integer procedureVersion, String caseCode,
			String agencyCode, String receivingUnitCode, Channel channel, DossierStatus status, Applicant applicant,
			String submitter, @Nullable Integer assuranceLevel, boolean vneidVerified, @Nullable String note,
			Instant submittedAt, @Nullable Instant receivedAt, @Nullable Instant dueAt, long feeVnd, String registryCheck,
			Map<String, Object> formData) {
	}

	/** Writes a newly filed dossier (the legacy import's batches write theirs set-based, LegacyImport). */
	void insert(NewDossier n) {
		Applicant a = n.applicant();
		jdbc.sql("""
				insert into dossier (code, procedure_code, procedure_version, case_code, agency_code, receiving_unit_code,
				  channel, status, applicant_type, applicant_id_number, applicant_name, applicant_birth_date,
				  applicant_tax_code, business_name, applicant_phone, applicant_email, applicant_address, submitter,
				  assurance_level, vneid_verified, note, submitted_at, received_at, due_at, fee_vnd, registry_check, form_data)
				values (:code, :procedure, :version, :case, :agency, :receiving, :channel, :status, :type, :idNumber,
				  :name, :born, :taxCode, :business, :phone, :email, :address, :submitter, :level, :vneid, :note,
				  :now, :received, :due, :fee, :registry, cast(:form as jsonb))""")
			.param("code", n.code())
			.param("procedure", n.procedureCode())
			.param("version", n.procedureVersion())
			.param("case", n.caseCode())
			.param("agency", n.agencyCode())
			.param("receiving", n.receivingUnitCode())
			.param("channel", n.channel().name())
			.param("status", n.status().name())
			.param("type", a.type())
			.param("idNumber", a.idNumber())
			.param("name", a.fullName())
			.param("born", a.dateOfBirth() == null ? null : java.sql.Date.valueOf(a.dateOfBirth()))
			.param("taxCode", a.taxCode())
			.param("business", a.businessName())
			.param("phone", a.phone())
			.param("email", a.email())
			.param("address", a.address())
			.param("submitter", n.submitter())
			.param("level", n.assuranceLevel())
			.param("vneid", n.vneidVerified())
			.param("note", n.note())
			.param("now", Timestamp.from(n.submittedAt()))
			.param("received", n.receivedAt() == null ? null : Timestamp.from(n.receivedAt()))
			.param("due", n.dueAt() == null ? null : Timestamp.from(n.dueAt()))
			.param("fee", n.feeVnd())
			.param("registry", n.registryCheck())
			.param("form", JSON.writeValueAsString(n.formData()))
			.update();
	}

	/** Records a component as held; a file of a component held on paper or as data takes that entry's place. */
	void holdComponent(String code, String component, Dossier.ComponentKind kind, java.util.@Nullable UUID documentId,
			boolean reused, String actor, Instant at) {
		if (kind == Dossier.ComponentKind.FILE) {
			jdbc.sql("delete from dossier_component where dossier_code = ? and component = ? and kind <> 'FILE'")
				.params(code, component)
				.update();
		}
		jdbc.sql("""
				insert into dossier_component (dossier_code, component, kind, document_id, reused, added_at, added_by)
				values (?, ?, ?, ?, ?, ?, ?)
				on conflict (dossier_code, component) where kind <> 'FILE' do nothing""")
			.params(code, component, kind.name(), documentId, reused, Timestamp.from(at), actor)
			.update();
	}

	/**
	 * Sets what the indicators read from the components held (docs/api.md): {@code digitized}, at least one and
	 * none on paper only; {@code data_reused}, one supplied from a national database or the applicant's store
	 * (Decision 766, 4.3); {@code store_reused}, one from the applicant's store (4.4). Not a change of the
	 * dossier's version: no decision of anyone's rests on them.
	 */
	void refreshHoldings(String code) {
		jdbc.sql("""
				update dossier d set (digitized, data_reused, store_reused) = (
				  select count(*) > 0 and count(*) filter (where c.kind = 'PAPER') = 0,
				         count(*) filter (where c.kind = 'DATA' or c.reused) > 0, count(*) filter (where c.reused) > 0
				  from dossier_component c where c.dossier_code = d.code)
				where code = ?""")
			.param(code)
			.update();
	}

	/** Đánh giá: the applicant's rating of a returned dossier, once. */
	void rate(String code, String rating, @Nullable String comment, Instant at) {
		jdbc.sql("update dossier set rating = ?, rating_comment = ?, rated_at = ?, version = version + 1 where code = ?")
			.params(rating, comment, Timestamp.from(at), code)
			.update();
	}

	/** A signed result was issued: counted as an electronic result (Decision 766, 4.1). */
	void markElectronicResult(String code) {
		jdbc.sql("update dossier set electronic_result = true where code = ?").param(code).update();
	}

	/** The deadline sweep's mark (in time, due soon, overdue): no change of the dossier's version. */
	/** Corrects one applicant value (phone, e-mail, full name) of a dossier, from a data-quality correction. */
	void correctApplicant(String code, String field, String value) {
		String column = switch (field) {
			case "phone" -> "applicant_phone";
			case "email" -> "applicant_email";
			case "fullName" -> "applicant_name";
			default -> throw new IllegalArgumentException(field);
		};
		jdbc.sql("update dossier set " + column + " = ?, version = version + 1 where code = ?").params(value, code).update();
	}

	void markDeadline(String code, String state) {
		jdbc.sql("update dossier set deadline_state = ? where code = ?").params(state, code).update();
	}

	Optional<Dossier> find(String code, boolean forUpdate) {
		return jdbc.sql("select " + COLUMNS + FROM + " where d.code = :code" + (forUpdate ? " for update of d" : ""))
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
		Map<String, List<Dossier.Component>> components = components(dossiers);
		return dossiers.stream()
			.map(d -> with(d, byCode.getOrDefault(d.code(), List.of()), components.getOrDefault(d.code(), List.of())))
			.toList();
	}

	/** The components held by each of the dossiers, in the order they came. */
	private Map<String, List<Dossier.Component>> components(List<Dossier> dossiers) {
		Map<String, List<Dossier.Component>> byCode = new HashMap<>();
		jdbc.sql("""
				select c.*, f.file_name from dossier_component c left join document f on f.id = c.document_id
				where c.dossier_code = any(:codes) order by c.dossier_code, c.id""")
			.param("codes", dossiers.stream().map(Dossier::code).toArray(String[]::new))
			.query(rs -> {
				byCode.computeIfAbsent(rs.getString("dossier_code"), k -> new ArrayList<>())
					.add(new Dossier.Component(rs.getString("component"),
							Dossier.ComponentKind.valueOf(rs.getString("kind")),
							rs.getObject("document_id", java.util.UUID.class), rs.getString("file_name"),
							rs.getBoolean("reused"), instant(rs, "added_at"), rs.getString("added_by")));
			});
		return byCode;
	}

	/** The dossier as stored now, with supplements the caller knows are unchanged (one query, not two). */
	Dossier reload(String code, List<Supplement> supplements) {
		Dossier d = jdbc.sql("select " + COLUMNS + FROM + " where d.code = :code").param("code", code).query(this::row).single();
		return with(d, supplements, components(List.of(d)).getOrDefault(code, List.of()));
	}

	private static Dossier with(Dossier d, List<Supplement> s, List<Dossier.Component> components) {
		return new Dossier(d.code(), d.procedureCode(), d.procedureName(), d.procedureVersion(), d.caseCode(), d.agencyCode(),
					d.receivingUnitCode(), d.status(), d.channel(), d.applicant(), d.submitter(), d.assuranceLevel(),
					d.submittedAt(), d.receivedAt(), d.dueAt(), d.extendedDueAt(), d.finishedAt(), d.returnedAt(),
					d.stoppedAt(), OnTimeRule.ofEnded(d.dueAt(), d.finishedAt(), d.returnedAt(), d.stoppedAt(), s), s,
					d.feeVnd(), d.paidVnd(), d.paidOnline(), d.feeExemption(), d.rating(), d.registryCheck(), d.approved(), d.assignee(), d.step(),
					d.deadlineState(), d.version(), d.formData(), components, d.digitized(), d.electronicResult());
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
				rs.getBoolean("paid_online"), rs.getString("fee_exemption"), rs.getString("rating"), rs.getString("registry_check"), rs.getBoolean("approved"),
				rs.getString("assignee"), currentStep(rs), rs.getString("deadline_state"), rs.getInt("version"),
				formData(rs.getString("form_data")), List.of(), rs.getBoolean("digitized"), rs.getBoolean("electronic_result"));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> formData(@Nullable String json) {
		return json == null ? Map.of()
				: java.util.Collections.unmodifiableMap(JSON.readValue(json, java.util.LinkedHashMap.class));
	}

	private static Dossier.@Nullable Step currentStep(ResultSet rs) throws SQLException {
		int position = rs.getInt("step_position");
		if (rs.wasNull()) {
			return null;
		}
		return new Dossier.Step(position, rs.getString("step_name"), rs.getString("step_unit"), rs.getString("step_role"),
				rs.getInt("step_share"), instant(rs, "step_started"), instant(rs, "step_due"), null, null, null,
				rs.getString("step_consult"), instant(rs, "step_consulted"), null, null);
	}

	/** Every step of a dossier's internal process, in order; empty under the default process. */
	List<Dossier.Step> steps(String code) {
		return jdbc.sql("select * from dossier_step where dossier_code = ? order by position")
			.param(code)
			.query((rs, n) -> new Dossier.Step(rs.getInt("position"), rs.getString("name"), rs.getString("unit_code"),
					rs.getString("role"), rs.getInt("time_share"), instant(rs, "started_at"), instant(rs, "due_at"),
					instant(rs, "completed_at"), rs.getString("completed_by"), rs.getString("note"),
					rs.getString("consult_unit_code"), instant(rs, "consulted_at"), rs.getString("consulted_by"),
					rs.getString("consult_note")))
			.list();
	}

	/** Whether one of {@code units} holds a step of the dossier or is consulted on it. */
	boolean involves(String code, List<String> units) {
		return !units.isEmpty() && jdbc.sql("""
				select exists (select 1 from dossier_step where dossier_code = :code
				  and (unit_code = any(:units) or consult_unit_code = any(:units)))""")
			.param("code", code)
			.param("units", units.toArray(String[]::new))
			.query(Boolean.class)
			.single();
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
