package vn.motcua.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.platform.InvalidFields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of notifications without a database: template text, retry schedule, the digest's choice. */
class NotificationRulesTest {

	private static final NotificationSettings.Outbox SETTINGS = new NotificationSettings.Outbox(true, true, Duration.ofSeconds(1),
			20, 4, Duration.ofMinutes(2), Duration.ofSeconds(5), Duration.ofMinutes(10), Duration.ofHours(2),
			Set.of(NotificationChannel.EMAIL, NotificationChannel.SMS));

	@Test
	void placeholdersAreFilledAndAnUnknownOneIsNamed() {
		assertThat(TemplateText.fields("Hồ sơ ((code)) hẹn ((appointment)), ((code))")).containsExactly("code", "appointment");
		assertThat(TemplateText.render("Hồ sơ ((code)): ((missing))$1\\", Map.of("code", "A-$1"))).isEqualTo("Hồ sơ A-$1: $1\\");
		assertThatThrownBy(() -> Templates.check(NoticeEvent.RECEIVE, NotificationChannel.SMS, "vi", null, "((code)) ((reason))"))
			.isInstanceOfSatisfying(InvalidFields.class, e -> assertThat(e.errors()).singleElement()
				.satisfies(err -> assertThat(err.args()[0]).isEqualTo("((reason))")));
		assertThatThrownBy(() -> Templates.check(NoticeEvent.RECEIVE, NotificationChannel.EMAIL, "fr", " ", " "))
			.isInstanceOfSatisfying(InvalidFields.class, e -> assertThat(e.errors()).extracting(InvalidFields.Error::field)
				.containsExactly("language", "body", "subject"));
		Templates.check(NoticeEvent.REFUSE, NotificationChannel.EMAIL, "en", "((code))", "((reason)) ((trackUrl))");
	}

	@Test
	void smsTextLosesItsDiacriticsAndEmailKeepsThem() {
		assertThat(vn.motcua.platform.Texts.unaccented("Hồ sơ ĐÃ được tiếp nhận; Ủy ban Đồng Tháp, Phường Tân Thành"))
			.isEqualTo("Ho so DA duoc tiep nhan; Uy ban Dong Thap, Phuong Tan Thanh");
		assertThat(Composer.render(NotificationChannel.SMS, null, "Hồ sơ ((code))", Map.of("code", "X")).body()).isEqualTo("Ho so X");
		Composer.Rendered mail = Composer.render(NotificationChannel.EMAIL, "Hồ sơ\n((code))", "Hồ sơ ((code))", Map.of("code", "X"));
		assertThat(mail.subject()).isEqualTo("Hồ sơ X");
		assertThat(mail.body()).isEqualTo("Hồ sơ X");
	}

	@Test
	void failuresAreRetriedWithDoublingWaitsForTheWholeWindowThenGivenUp() {
		Instant since = Instant.parse("2026-12-07T00:00:00Z");
		List<Duration> waits = new ArrayList<>();
		Instant now = since;
		int attempts = 1;
		Instant next;
		while ((next = Dispatcher.retryAt(attempts, now, since, SETTINGS)) != null) {
			waits.add(Duration.between(now, next));
			now = next;
			attempts++;
		}
		assertThat(waits.subList(0, 8)).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20),
				Duration.ofSeconds(40), Duration.ofSeconds(80), Duration.ofSeconds(160), Duration.ofSeconds(320),
				Duration.ofMinutes(10));
		assertThat(waits).allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(Duration.ofMinutes(10)));
		assertThat(now).as("the last try falls at the end of the window, at least an hour").isEqualTo(since.plus(Duration.ofHours(2)));
		assertThat(attempts).isBetween(15, 25);
		assertThat(Dispatcher.retryAt(1, since.plus(Duration.ofHours(2)), since, SETTINGS)).isNull();
	}

	@Test
	void theDigestCountsTheNextWorkingDayAfterAHolidayAsDueSoon() {
		// Wednesday 29/04/2026: 30/04 and 01/05 are holidays, then a weekend: the next working day is Monday 04/05
		LocalDate today = LocalDate.parse("2026-04-29");
		LocalDate next = LocalDate.parse("2026-05-04");
		Dossier overdue = dossier("A", DossierStatus.PROCESSING, "2026-04-28T09:00:00Z", "specialist");
		Dossier dueMonday = dossier("B", DossierStatus.PROCESSING, "2026-05-04T09:00:00Z", null);
		Dossier dueTuesday = dossier("C", DossierStatus.RECEIVED, "2026-05-05T09:00:00Z", null);
		Dossier mine = dossier("D", DossierStatus.PROCESSING, "2026-05-20T09:00:00Z", "specialist");
		List<Dossier> open = List.of(overdue, dueMonday, dueTuesday, mine);
		java.util.function.Function<Dossier, Optional<Duration>> remaining = d -> Optional.of(
				d.code().equals("A") ? Duration.ofHours(-3) : Duration.ofHours(10));
		StaffNotices.Digest specialist = StaffNotices.Digest.of(open, "specialist", false, today, next, remaining);
		assertThat(specialist.overdue()).extracting(Dossier::code).containsExactly("A");
		assertThat(specialist.dueSoon()).extracting(Dossier::code).containsExactly("B");
		assertThat(specialist.waiting()).extracting(Dossier::code).containsExactly("A", "D");
		StaffNotices.Digest leader = StaffNotices.Digest.of(open, "leader", true, today, next, remaining);
		assertThat(leader.waiting()).extracting(Dossier::code).containsExactly("B");
		assertThat(leader.lines(5, 8 * 3600)).isEqualTo("- A Thủ tục A — quá 3 giờ\n- B Thủ tục B — còn 1 ngày 2 giờ");
		assertThat(specialist.lines(2, 8 * 3600)).as("each dossier once, the rest counted")
			.isEqualTo("- A Thủ tục A — quá 3 giờ\n- B Thủ tục B — còn 1 ngày 2 giờ\n… và 1 hồ sơ khác.");
		assertThat(StaffNotices.Digest.of(List.of(dueTuesday), "leader", true, today, next, remaining).isEmpty()).isTrue();
	}

	private static Dossier dossier(String code, DossierStatus status, String due, String assignee) {
		Instant filed = Instant.parse("2026-04-20T01:00:00Z");
		return new Dossier(code, "9.9", "Thủ tục " + code, 1, "01", "SXD", "TTPVHCC", status, Channel.COUNTER,
				new Applicant("CITIZEN", null, "Nguyễn Văn A", null, null, null, null, null, null), "officer", null, filed,
				filed, Instant.parse(due), null, null, null, null, null, List.of(), 0, 0, false, null, null, "NOT_CHECKED",
				false, assignee, null, "IN_TIME", 1, Map.of(), List.of(), false, false);
	}
}
