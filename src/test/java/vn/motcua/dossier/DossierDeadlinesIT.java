package vn.motcua.dossier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import vn.motcua.Api;
import vn.motcua.MotCuaIntegrationTest;
import vn.motcua.TestClock;
import vn.motcua.WebSession;
import vn.motcua.platform.ApiTime;

import static org.assertj.core.api.Assertions.assertThat;

/** Appointment dates from the calendar, the supplement pause, the one-supplement rule and extension, by the clock. */
@MotCuaIntegrationTest
class DossierDeadlinesIT {

	/** Monday 23/11/2026, 08:00 in Cà Mau: a working morning. */
	private static final Instant MONDAY = Instant.parse("2026-11-23T08:00:00+07:00");

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@Autowired
	DeadlineSweep sweep;

	@AfterEach
	void backToNow() {
		clock.set(Clock.systemUTC().instant());
	}

	@Test
	void theAppointmentIsThreeWorkingDaysAndASupplementWaitDoesNotCount() {
		clock.set(MONDAY);
		DossierTestSupport d = support();
		JsonNode filed = d.fileAtCounter(DossierTestSupport.PROCEDURE, 7001);
		String code = filed.get("code").asString();
		assertThat(filed.get("receivedAt").asString()).isEqualTo("2026-11-23T08:00:00+07:00");
		assertThat(filed.get("dueAt").asString()).as("3 working days of 8 hours").isEqualTo("2026-11-26T08:00:00+07:00");
		assertThat(code).contains("-261123-");
		d.ok("officer", code, "FORWARD", Map.of());
		clock.advance(Duration.ofHours(1));
		d = support();
		d.ok("specialist", code, "REQUEST_SUPPLEMENT", Map.of("reason", "Thiếu bản vẽ", "items", List.of("Bản vẽ")));
		clock.advance(Duration.ofDays(7)); // the applicant takes a week
		d = support();
		d.ok("officer", code, "SUPPLEMENT", Map.of("note", "Đã nộp bản vẽ"));
		clock.advance(Duration.ofHours(1));
		d = support();
		d.ok("specialist", code, "APPROVE", Map.of("note", "Đạt"));
		JsonNode finished = d.ok("leader", code, "FINISH", Map.of("note", "Đồng ý"));
		// finished 30/11 10:00, a week after the due date, but the week was the applicant's
		assertThat(finished.get("supplements").get(0).get("completedAt").asString())
			.isEqualTo("2026-11-30T09:00:00+07:00");
		assertThat(finished.get("onTime").asBoolean()).isTrue();
		assertThat(finished.get("onTime").isBoolean()).isTrue();
	}

	@Test
	void aSecondSupplementRequestIsAcceptedAndMakesTheDossierLate() {
		clock.set(MONDAY);
		DossierTestSupport d = support();
		String code = d.fileAtCounter(DossierTestSupport.PROCEDURE, 7002).get("code").asString();
		d.ok("officer", code, "FORWARD", Map.of());
		for (int i = 0; i < 2; i++) {
			d.ok("specialist", code, "REQUEST_SUPPLEMENT", Map.of("reason", "Lần " + (i + 1), "items", List.of("Giấy tờ")));
			clock.advance(Duration.ofMinutes(10));
			d.ok("officer", code, "SUPPLEMENT", Map.of("note", "Đã bổ sung"));
		}
		d.ok("specialist", code, "APPROVE", Map.of("note", "Đạt"));
		JsonNode finished = d.ok("leader", code, "FINISH", Map.of("note", "Đồng ý"));
		assertThat(finished.get("supplements")).hasSize(2);
		assertThat(finished.get("onTime").asBoolean()).as("finished within the hour, but supplemented twice").isFalse();
	}

	@Test
	void anExtensionKeepsTheDueDateThatOnTimeIsJudgedAgainst() {
		clock.set(MONDAY);
		DossierTestSupport d = support();
		String code = d.fileAtCounter(DossierTestSupport.PROCEDURE, 7003).get("code").asString();
		d.ok("officer", code, "FORWARD", Map.of());
		JsonNode extended = d.ok("leader", code, "EXTEND", Map.of("reason", "Chờ ý kiến liên thông", "newDueAt",
				"2026-12-03T08:00:00+07:00"));
		assertThat(extended.get("dueAt").asString()).isEqualTo("2026-11-26T08:00:00+07:00");
		clock.set(Instant.parse("2026-11-30T10:00:00+07:00"));
		d = support();
		d.ok("specialist", code, "APPROVE", Map.of("note", "Đạt"));
		JsonNode finished = d.ok("leader", code, "FINISH", Map.of("note", "Đồng ý"));
		assertThat(ApiTime.parseInstant(finished.get("finishedAt").asString(), "finishedAt"))
			.isBefore(ApiTime.parseInstant(finished.get("extendedDueAt").asString(), "x"));
		assertThat(finished.get("onTime").asBoolean()).as("late against dueAt, whatever the extension").isFalse();
	}

	@Test
	void theSweepMarksDossiersDueSoonAndOverdueWithSupplementWaitsGivenBack() {
		clock.set(MONDAY);
		DossierTestSupport d = support();
		String plain = d.fileAtCounter(DossierTestSupport.PROCEDURE, 7004).get("code").asString();
		String waited = d.fileAtCounter(DossierTestSupport.PROCEDURE, 7005).get("code").asString();
		d.ok("officer", waited, "FORWARD", Map.of());
		d.ok("specialist", waited, "REQUEST_SUPPLEMENT", Map.of("reason", "Thiếu", "items", List.of("Giấy tờ")));
		clock.set(Instant.parse("2026-11-23T10:00:00+07:00"));
		sweep.sweep();
		assertThat(mark(plain)).isEqualTo("IN_TIME");
		// Wednesday 09:00: 7 working hours left of a 3-day limit
		clock.set(Instant.parse("2026-11-25T09:00:00+07:00"));
		d = support();
		d.ok("officer", waited, "SUPPLEMENT", Map.of("note", "Đã bổ sung"));
		sweep.sweep();
		assertThat(mark(plain)).isEqualTo("DUE_SOON");
		assertThat(mark(waited)).as("two days of waiting given back").isEqualTo("IN_TIME");
		clock.set(Instant.parse("2026-11-26T09:00:00+07:00"));
		sweep.sweep();
		assertThat(mark(plain)).isEqualTo("OVERDUE");
		assertThat(mark(waited)).isEqualTo("IN_TIME");
	}

	/** The officer's queues (due today, overdue, supplement returned) and the inbox's order by urgency. */
	@Test
	void queuesHoldWhatTheirNamesSayAndTheInboxPutsTheSoonestDueFirst() {
		clock.set(Instant.parse("2026-11-20T08:00:00+07:00")); // Friday: due Wednesday 08:00
		String late = support().fileAtCounter(DossierTestSupport.PROCEDURE, 7301).get("code").asString();
		clock.set(Instant.parse("2026-11-23T08:00:00+07:00")); // Monday: due Thursday 08:00
		DossierTestSupport d = support();
		String today = d.fileAtCounter(DossierTestSupport.PROCEDURE, 7302).get("code").asString();
		clock.set(Instant.parse("2026-11-23T10:00:00+07:00"));
		d = support();
		String answered = d.fileAtCounter(DossierTestSupport.PROCEDURE, 7303).get("code").asString();
		d.ok("officer", answered, "FORWARD", Map.of());
		d.ok("specialist", answered, "REQUEST_SUPPLEMENT", Map.of("reason", "Thiếu", "items", List.of("Bản vẽ")));
		clock.set(Instant.parse("2026-11-23T11:00:00+07:00"));
		support().ok("officer", answered, "SUPPLEMENT", Map.of("note", "Đã nộp bản vẽ")); // due Thursday 11:00

		clock.set(Instant.parse("2026-11-26T07:45:00+07:00")); // Thursday morning
		sweep.sweep();
		WebSession officer = new WebSession(port);
		officer.signIn("officer", "officer");
		String dueToday = officer.get("/staff/dossiers?focus=DUE_TODAY").body();
		assertThat(dueToday).contains(today, answered).doesNotContain(late);
		assertThat(dueToday).contains("id=\"tab-queue-due-today\"");
		assertThat(dueToday.indexOf(today)).as("08:00 before 11:00").isLessThan(dueToday.indexOf(answered));
		String overdue = officer.get("/staff/dossiers?deadline=OVERDUE").body();
		assertThat(overdue).contains(late).doesNotContain(today);
		String returned = officer.get("/staff/dossiers?focus=SUPPLEMENT_RETURNED").body();
		assertThat(returned).contains(answered).doesNotContain(today).doesNotContain(late);
		String all = officer.get("/staff/dossiers").body();
		assertThat(all.indexOf(late)).as("the late one first").isGreaterThan(0).isLessThan(all.indexOf(today));
		assertThat(all.indexOf(today)).isLessThan(all.indexOf(answered));
		assertThat(officer.get("/staff/dossiers?focus=NONSENSE").statusCode()).isEqualTo(200);

		// once the specialist acts on it, the returned supplement is no longer waiting
		support().ok("specialist", answered, "APPROVE", Map.of("note", "Đạt"));
		assertThat(officer.get("/staff/dossiers?focus=SUPPLEMENT_RETURNED").body()).doesNotContain(answered);
		String counts = officer.get("/staff/queues").body();
		assertThat(counts).contains("id=\"queue-turn\"", "id=\"queue-due-today\"", "id=\"queue-overdue\"",
				"id=\"queue-supplement-returned\"");
	}

	private String mark(String code) {
		return support().current(code).get("deadlineState").asString();
	}

	/** Fresh tokens after the clock jumped, since tokens are checked against the same clock. */
	private DossierTestSupport support() {
		Api api = new Api(port);
		DossierTestSupport.importProcedures(api);
		return new DossierTestSupport(api);
	}
}
