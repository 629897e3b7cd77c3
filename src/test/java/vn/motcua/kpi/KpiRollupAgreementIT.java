package vn.motcua.kpi;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.motcua.MotCuaIntegrationTest;
import vn.motcua.platform.Zones;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rollups (kept by triggers, folded, rebuilt) against the raw rule of {@link KpiCalculator} on random
 * dossiers of 2018 (a year no other test uses): open and ended ones, none to three supplements (open,
 * completed, requested after the end), no due date, periods ending at the end of a day or in the middle of
 * one ("now"), by unit, procedure and month, then after random changes of every kind.
 */
@MotCuaIntegrationTest
class KpiRollupAgreementIT {

	static final Instant DATA_START = LocalDate.of(2018, 1, 1).atStartOfDay(Zones.VIETNAM).toInstant();
	/** No dossier is received after this. */
	static final Instant LAST_RECEIPT = LocalDate.of(2018, 5, 20).atStartOfDay(Zones.VIETNAM).toInstant();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	KpiRollups rollups;

	@Autowired
	KpiCalculator raw;

	final Random random = new Random(766);

	List<String> agencies;

	List<String> procedures;

	@Test
	void rollupsAgreeWithTheRawRuleThroughChangesFoldsAndRebuilds() {
		agencies = jdbc.sql("select code from agency where parent_code is not null order by code limit 4")
			.query(String.class).list();
		procedures = jdbc.sql("select code from procedure order by code limit 3").query(String.class).list();
		assertThat(agencies).hasSize(4);
		assertThat(procedures).hasSizeGreaterThanOrEqualTo(2);

		for (int i = 0; i < 600; i++) {
			insertDossier("RND-" + i);
		}
		int late = checkAgreement("as inserted");
		assertThat(late).as("the data has late dossiers to agree on").isGreaterThan(20);

		for (int round = 0; round < 3; round++) {
			for (int i = 0; i < 600; i++) {
				if (random.nextInt(4) == 0) {
					change("RND-" + i);
				}
			}
			checkAgreement("after changes, round " + round);
		}

		rollups.compact(); // the scheduled fold may have run first: what matters is that nothing is left unfolded
		assertThat(jdbc.sql("select count(*) from kpi_rollup where not compacted").query(Long.class).single()).isZero();
		checkAgreement("folded");

		List<Map<String, Object>> kept = contributions();
		assertThat(rollups.rebuild()).isGreaterThanOrEqualTo(600);
		assertThat(contributions()).as("what the triggers kept is what a rebuild computes").isEqualTo(kept);
		checkAgreement("rebuilt");

		// dossiers are never deleted (their history is append-only); one no longer received is taken back
		jdbc.sql("update dossier set received_at = null where code like 'RND-%'").update();
		assertThat(jdbc.sql("select coalesce(sum(dossiers), 0) from kpi_rollup where received_on < '2019-01-01'")
			.query(Long.class).single()).isZero();
		assertThat(contributions()).isEmpty();
	}

	@Autowired
	KpiRebuildCommand rebuildCommand;

	@Autowired
	vn.motcua.TestClock clock;

	@Test
	void theRebuildCommandRepairsARollupThatDriftedFromTheDossiers() {
		LocalDate from = LocalDate.ofInstant(clock.instant(), Zones.VIETNAM).minusYears(1).withDayOfYear(1);
		LocalDate day = from.plusDays(100); // last year, which the command checks
		String agency = jdbc.sql("select code from agency order by code limit 1").query(String.class).single();
		String procedure = jdbc.sql("select code from procedure order by code limit 1").query(String.class).single();
		// what a bulk fix made with triggers off would leave: counts no dossier stands behind
		jdbc.sql("""
				insert into kpi_rollup (received_on, agency_code, procedure_code, late_on, dossiers, online, fee, paid_online,
				  digitized, electronic, dissatisfied, citizen_data) values (?, ?, ?, 'infinity', 7, 7, 0, 0, 0, 0, 0, 0)""")
			.params(java.sql.Date.valueOf(day), agency, procedure).update();
		Instant start = from.atStartOfDay(Zones.VIETNAM).toInstant();
		LocalDate to = from.withDayOfYear(from.lengthOfYear());
		Instant end = to.plusDays(1).atStartOfDay(Zones.VIETNAM).toInstant();
		KpiFigures none = KpiFigures.NONE;
		KpiFigures drifted = rollups.figures(KpiRollups.Grouping.TOTAL, from, to, end, null).getOrDefault("", none);
		KpiFigures direct = raw.figures(start, end, null);
		assertThat(drifted.received()).isEqualTo(direct.received() + 7);

		rebuildCommand.run(new org.springframework.boot.DefaultApplicationArguments("kpi:rebuild"));

		assertThat(rebuildCommand.getExitCode()).as("this year and last agree with the dossiers").isZero();
		assertThat(rollups.figures(KpiRollups.Grouping.TOTAL, from, to, end, null).getOrDefault("", none))
			.isEqualTo(direct);
	}

	/** On-time dossiers of the period by {@link vn.motcua.dossier.OnTimeRule}, read dossier by dossier. */
	private long javaOnTime(Instant start, Instant end, List<String> units) {
		Map<String, List<vn.motcua.dossier.Dossier.Supplement>> supplements = new java.util.HashMap<>();
		jdbc.sql("""
				select x.dossier_code, x.requested_at, x.completed_at from dossier_supplement x
				join dossier d on d.code = x.dossier_code where d.received_at >= ? and d.received_at < ?
				order by x.requested_at, x.seq""")
			.params(java.sql.Timestamp.from(start), java.sql.Timestamp.from(end))
			.query((java.sql.ResultSet rs) -> {
				supplements.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>())
					.add(new vn.motcua.dossier.Dossier.Supplement(rs.getTimestamp(2).toInstant(),
							rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(), null, List.of()));
			});
		return jdbc.sql("""
				select code, agency_code, due_at, finished_at, returned_at, stopped_at from dossier
				where received_at >= ? and received_at < ?""")
			.params(java.sql.Timestamp.from(start), java.sql.Timestamp.from(end))
			.query((rs, n) -> units == null || units.contains(rs.getString("agency_code"))
					? vn.motcua.dossier.OnTimeRule.asOf(instant(rs, "due_at"), instant(rs, "finished_at"),
							instant(rs, "returned_at"), instant(rs, "stopped_at"),
							supplements.getOrDefault(rs.getString("code"), List.of()), end)
					: null)
			.list()
			.stream()
			.filter(Boolean.TRUE::equals)
			.count();
	}

	private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		java.sql.Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private List<Map<String, Object>> contributions() {
		return jdbc.sql("select * from kpi_dossier where dossier_code like 'RND-%' order by dossier_code")
			.query().listOfRows();
	}

	/** @return the late dossiers of the whole data judged at its last end */
	private int checkAgreement(String stage) {
		int lateAtLast = 0;
		for (int p = 0; p < 40; p++) {
			LocalDate from = LocalDate.of(2018, 1, 1).plusDays(random.nextInt(150));
			LocalDate to = from.plusDays(random.nextInt(180));
			Instant endOfTo = to.plusDays(1).atStartOfDay(Zones.VIETNAM).toInstant();
			// half the periods end "now", in the middle of a day, mostly after the last receipt: receipts stamped
			// after "now" (another node's clock) are not counted
			Instant now = LAST_RECEIPT.minus(Duration.ofDays(40)).plusSeconds(random.nextLong(Duration.ofDays(100).toSeconds()));
			Instant end = p % 2 == 0 || endOfTo.isBefore(now) ? endOfTo : now;
			if (end.isBefore(endOfTo)) {
				to = to.isBefore(LocalDate.ofInstant(end, Zones.VIETNAM)) ? LocalDate.ofInstant(end, Zones.VIETNAM) : to;
			}
			Instant start = from.atStartOfDay(Zones.VIETNAM).toInstant();
			List<String> units = p % 3 == 0 ? null : agencies.subList(0, 1 + random.nextInt(agencies.size()));
			String at = stage + ", " + from + "–" + to + " ending " + end + ", units " + units;

			KpiFigures expected = raw.figures(start, end, units);
			KpiFigures total = rollups.figures(KpiRollups.Grouping.TOTAL, from, to, end, units)
				.getOrDefault("", KpiFigures.NONE);
			assertThat(total).as(at).isEqualTo(expected);
			// the third way: the dossier module's own rule, in Java, dossier by dossier
			assertThat(javaOnTime(start, end, units)).as(at + ", Java rule").isEqualTo(expected.onTime());

			Map<String, KpiFigures> byProcedure = rollups.figures(KpiRollups.Grouping.PROCEDURE, from, to, end, units);
			for (KpiCalculator.ByProcedure b : raw.byProcedure(start, end, units)) {
				assertThat(byProcedure.get(b.code())).as(at + ", procedure " + b.code()).isEqualTo(b.figures());
			}
			Map<String, KpiFigures> byUnit = rollups.figures(KpiRollups.Grouping.UNIT, from, to, end, units);
			for (String unit : units == null ? agencies : units) {
				KpiFigures u = raw.figures(start, end, List.of(unit));
				assertThat(byUnit.getOrDefault(unit, KpiFigures.NONE)).as(at + ", unit " + unit)
					.isEqualTo(u);
			}
			assertThat(rollups.late(from, to, end, units, null, 10_000)).as(at + ", late list")
				.hasSize((int) (expected.received() - expected.onTime()));
			lateAtLast = (int) (expected.received() - expected.onTime());
		}
		// months of 2018, each judged at its end, the current one "now"
		Instant now = LocalDate.of(2018, 6, 14).atTime(15, 27, 11).atZone(Zones.VIETNAM).toInstant();
		Map<String, KpiFigures> months = rollups.figures(KpiRollups.Grouping.MONTH, LocalDate.of(2018, 1, 1),
				LocalDate.of(2018, 12, 31), now, null);
		for (int m = 1; m <= 6; m++) {
			LocalDate first = LocalDate.of(2018, m, 1);
			Instant monthEnd = first.plusMonths(1).atStartOfDay(Zones.VIETNAM).toInstant();
			KpiFigures expected = raw.figures(first.atStartOfDay(Zones.VIETNAM).toInstant(),
					monthEnd.isBefore(now) ? monthEnd : now, null);
			assertThat(months.getOrDefault("2018-%02d".formatted(m), KpiFigures.NONE))
				.as(stage + ", month " + m).isEqualTo(expected);
		}
		return lateAtLast;
	}

	private Instant someTimeAfter(Instant t, int maxDays) {
		return t.plusSeconds(random.nextLong(Duration.ofDays(maxDays).toSeconds()));
	}

	private void insertDossier(String code) {
		Instant received = someTimeAfter(DATA_START, 139);
		Instant due = random.nextInt(10) == 0 ? null : someTimeAfter(received, 20);
		Instant ended = random.nextInt(4) == 0 ? null : someTimeAfter(received, 30);
		int kind = random.nextInt(10);
		jdbc.sql("""
				insert into dossier (code, procedure_code, agency_code, receiving_unit_code, channel, status, applicant_type,
				  submitted_at, received_at, due_at, finished_at, returned_at, stopped_at, fee_vnd, fee_exemption,
				  paid_online, digitized, electronic_result, rating, vneid_verified, registry_check, data_reused, store_reused)
				values (:code, :procedure, :agency, :agency, :channel, :status, 'CITIZEN', :received, :received, :due,
				  :finished, :returned, :stopped, :fee, :exemption, :paidOnline, :digitized, :electronic, :rating, :vneid, :registry,
				  :dataReused, :storeReused)""")
			.param("code", code)
			.param("procedure", procedures.get(random.nextInt(procedures.size())))
			.param("agency", agencies.get(random.nextInt(agencies.size())))
			.param("channel", random.nextBoolean() ? "ONLINE" : "COUNTER")
			.param("status", ended == null ? "PROCESSING" : kind < 7 ? "FINISHED" : kind < 9 ? "RETURNED" : "STOPPED")
			.param("received", ts(received))
			.param("due", ts(due))
			.param("finished", ts(ended != null && kind < 7 ? ended : null))
			.param("returned", ts(ended != null && kind >= 7 && kind < 9 ? ended
					: ended != null && kind < 7 && random.nextBoolean() ? someTimeAfter(ended, 3) : null))
			.param("stopped", ts(ended != null && kind == 9 ? ended : null))
			.param("fee", random.nextInt(3) == 0 ? 0 : 50_000)
			.param("exemption", random.nextInt(8) == 0 ? "miễn phí theo quy định" : null)
			.param("paidOnline", random.nextBoolean())
			.param("digitized", random.nextBoolean())
			.param("electronic", random.nextBoolean())
			.param("rating", random.nextInt(5) == 0 ? "DISSATISFIED" : random.nextInt(4) == 0 ? "SATISFIED" : null)
			.param("vneid", random.nextInt(3) == 0)
			.param("dataReused", random.nextInt(3) == 0)
			.param("storeReused", random.nextInt(4) == 0)
			.param("registry", random.nextBoolean() ? "MATCH" : random.nextBoolean() ? "NOT_CHECKED" : "UNAVAILABLE")
			.update();
		int supplements = random.nextInt(20) < 12 ? 0 : random.nextInt(5) < 3 ? 1 : random.nextInt(3) < 2 ? 2 : 3;
		for (int s = 1; s <= supplements; s++) {
			addSupplement(code, s, received);
		}
	}

	private void addSupplement(String code, int seq, Instant received) {
		Instant requested = someTimeAfter(received, 25);
		Instant completed = random.nextInt(3) == 0 ? null : someTimeAfter(requested, 8);
		jdbc.sql("""
				insert into dossier_supplement (dossier_code, seq, requested_at, completed_at)
				values (?, ?, ?, ?)""").params(code, seq, ts(requested), ts(completed)).update();
	}

	/** One random change of the kinds the workflow, payments, ratings and imports make. */
	private void change(String code) {
		Map<String, Object> d = jdbc.sql("select received_at, due_at from dossier where code = ?").param(code)
			.query().singleRow();
		Instant received = ((Timestamp) d.get("received_at")).toInstant();
		switch (random.nextInt(9)) {
			case 0 -> jdbc.sql("update dossier set finished_at = ?, status = 'FINISHED' where code = ? and finished_at is null")
				.params(ts(someTimeAfter(received, 40)), code).update();
			case 1 -> jdbc.sql("update dossier set due_at = ? where code = ?").params(ts(someTimeAfter(received, 25)), code)
				.update();
			case 2 -> jdbc.sql("""
					update dossier_supplement set completed_at = requested_at + interval '2 days 3 hours'
					where dossier_code = ? and completed_at is null""").param(code).update();
			case 3 -> addSupplement(code,
					jdbc.sql("select coalesce(max(seq), 0) + 1 from dossier_supplement where dossier_code = ?").param(code)
						.query(Integer.class).single(), received);
			case 4 -> jdbc.sql("""
					delete from dossier_supplement where dossier_code = ?
					  and seq = (select min(seq) from dossier_supplement where dossier_code = ?)""").params(code, code).update();
			case 5 -> jdbc.sql("update dossier set agency_code = ? where code = ?")
				.params(agencies.get(random.nextInt(agencies.size())), code).update();
			case 6 -> jdbc.sql("""
					update dossier set paid_online = not paid_online, rating = 'DISSATISFIED', vneid_verified = not vneid_verified,
					  data_reused = not data_reused, store_reused = not store_reused,
					  registry_check = case when registry_check = 'MATCH' then 'NO_MATCH' else 'MATCH' end where code = ?""")
				.param(code).update();
			case 7 -> jdbc.sql("update dossier set received_at = ? where code = ?")
				.params(ts(someTimeAfter(DATA_START, 139)), code).update();
			default -> jdbc.sql("update dossier set stopped_at = ?, finished_at = null, returned_at = null where code = ?")
				.params(ts(someTimeAfter(received, 30)), code).update();
		}
	}

	private static @Nullable Timestamp ts(@Nullable Instant t) {
		return t == null ? null : Timestamp.from(t);
	}
}
