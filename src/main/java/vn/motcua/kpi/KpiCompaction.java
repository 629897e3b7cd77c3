package vn.motcua.kpi;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * Every minute, on one instance of the cluster: fold the rows dossier changes appended to the rollup, so a
 * read sums about one row per day, unit, procedure and late day.
 */
@Configuration(proxyBeanMethods = false)
class KpiCompaction {

	@Bean
	RecurringTask<Void> kpiRollupCompaction(KpiRollups rollups) {
		return Tasks.recurring("kpi-rollup-compaction", FixedDelay.of(Duration.ofMinutes(1)))
			.execute((instance, context) -> rollups.compact());
	}
}
