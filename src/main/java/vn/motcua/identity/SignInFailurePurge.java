package vn.motcua.identity;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/** Hourly, on one instance of the cluster: forget old sign-in failures and ended locks. */
@Configuration(proxyBeanMethods = false)
class SignInFailurePurge {

	@Bean
	RecurringTask<Void> purgeSignInFailures(SignInThrottle throttle) {
		return Tasks.recurring("identity-purge-sign-in-failures", FixedDelay.of(Duration.ofHours(1)))
			.execute((instance, context) -> throttle.purge());
	}
}
