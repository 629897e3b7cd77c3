package vn.motcua.dossier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * Marks open dossiers in time, due soon (one working day or less left) or overdue for the inboxes, on one
 * instance of the cluster every five minutes. A dossier waiting for a supplement keeps its mark: its clock
 * is stopped.
 */
@Component
class DeadlineSweep {

	private static final Logger log = LoggerFactory.getLogger(DeadlineSweep.class);
	private static final int PAGE = 1000;

	private final JdbcClient jdbc;
	private final JdbcDossierRepository repository;
	private final Deadlines deadlines;
	private final Clock clock;

	DeadlineSweep(JdbcClient jdbc, JdbcDossierRepository repository, Deadlines deadlines, Clock clock) {
		this.jdbc = jdbc;
		this.repository = repository;
		this.deadlines = deadlines;
		this.clock = clock;
	}

	/** @return how many dossiers changed mark */
	@Transactional
	public int sweep() {
		Instant now = clock.instant();
		int changed = 0;
		String after = "";
		while (true) {
			List<Dossier> page = repository.withSupplements(jdbc.sql("select " + JdbcDossierRepository.COLUMNS
					+ JdbcDossierRepository.FROM
					+ " where d.status in (" + DossierStatus.sql(DossierStatus.CLOCK_RUNNING) + ") and d.due_at is not null"
					+ " and d.code > :after order by d.code limit " + PAGE)
				.param("after", after)
				.query(repository::row)
				.list());
			if (page.isEmpty()) {
				break;
			}
			List<Object[]> updates = new ArrayList<>();
			for (Dossier d : page) {
				Duration left = deadlines.remaining(d.promisedAt(), d.supplements(), now);
				String state = deadlines.state(left).name();
				if (!state.equals(d.deadlineState())) {
					updates.add(new Object[] { state, d.code() });
				}
			}
			for (Object[] u : updates) {
				repository.markDeadline((String) u[1], (String) u[0]);
			}
			changed += updates.size();
			after = page.get(page.size() - 1).code();
		}
		if (changed > 0) {
			log.info("Deadline sweep: {} dossiers changed mark", changed);
		}
		return changed;
	}

	@Configuration(proxyBeanMethods = false)
	static class Schedule {

		@Bean
		RecurringTask<Void> dossierDeadlineSweep(DeadlineSweep sweep) {
			return Tasks.recurring("dossier-deadline-sweep", FixedDelay.of(Duration.ofMinutes(5)))
				.execute((instance, context) -> sweep.sweep());
		}
	}
}
