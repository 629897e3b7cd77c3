package vn.motcua.programme;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * Finds the tasks whose deadline is a week away or has passed and tells their owners and leaders once of each
 * ({@link TaskReminder}); run every hour by one instance, so a task that becomes overdue overnight is reminded of
 * in the morning.
 */
@Component
public class ReminderSweep {

	private static final Logger log = LoggerFactory.getLogger(ReminderSweep.class);

	private final JdbcClient jdbc;
	private final Programmes programmes;
	private final ApplicationEventPublisher events;

	ReminderSweep(JdbcClient jdbc, Programmes programmes, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.programmes = programmes;
		this.events = events;
	}

	/** Sends the reminders due today; returns how many. */
	@Transactional
	public int sweep() {
		LocalDate today = programmes.today();
		List<ProgrammeTask> open = jdbc.sql("""
				select * from programme_task where done_at is null and deadline <= ?""")
			.param(today.plusDays(TaskStatus.DUE_SOON_DAYS))
			.query((rs, n) -> programmes.task(rs, today))
			.list();
		int sent = 0;
		for (ProgrammeTask t : open) {
			TaskReminder.Kind kind = t.deadline().isBefore(today) ? TaskReminder.Kind.OVERDUE
					: TaskReminder.Kind.DUE_IN_A_WEEK;
			int fresh = jdbc.sql("insert into programme_reminder (task_id, kind, sent_on) values (?, ?, ?)"
					+ " on conflict do nothing")
				.params(t.id(), kind.name(), today)
				.update();
			if (fresh == 1) {
				events.publishEvent(new TaskReminder(t.id(), t.programme(), t.code(), t.title(), t.ownerUsername(),
						t.unitCode(), t.deadline(), kind));
				sent++;
			}
		}
		if (sent > 0) {
			log.info("Programme reminders: {} sent", sent);
		}
		return sent;
	}

	@Configuration(proxyBeanMethods = false)
	static class Schedule {

		@Bean
		RecurringTask<Void> programmeReminderSweep(ReminderSweep sweep) {
			return Tasks.recurring("programme-reminder-sweep", FixedDelay.of(Duration.ofHours(1)))
				.execute((instance, context) -> sweep.sweep());
		}
	}
}
