package vn.motcua.quality;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import vn.motcua.registry.RegistryLookups;
import vn.motcua.registry.RegistryPurpose;
import vn.motcua.registry.RegistryResult;

/**
 * Keeps identities "sống": people whose dossiers the province holds and whose identity the population database has not
 * answered for within a year (or ever) are verified again, the oldest first, at most
 * {@code motcua.quality.reverify-per-minute} a minute (0 turns it off) and never while the registry does not answer:
 * the first unavailable answer ends the batch. Each lookup is logged by the registry module with the purpose "đánh giá
 * chất lượng dữ liệu".
 */
@Component
public class ReVerification {

	static final String PURPOSE = "đánh giá chất lượng dữ liệu";

	private static final Logger log = LoggerFactory.getLogger(ReVerification.class);

	private final JdbcClient jdbc;
	private final RegistryLookups registry;
	private final Clock clock;
	private final int perMinute;

	ReVerification(JdbcClient jdbc, RegistryLookups registry, Clock clock,
			@Value("${motcua.quality.reverify-per-minute:30}") int perMinute) {
		this.jdbc = jdbc;
		this.registry = registry;
		this.clock = clock;
		this.perMinute = Math.max(0, perMinute);
	}

	/** One person to verify, as their latest dossier names them. */
	record Person(String idNumber, String fullName, LocalDate dateOfBirth) {
	}

	/** The people due, oldest answer first. */
	List<Person> due(int limit) {
		return jdbc.sql("""
				with p as (
				  select distinct on (d.applicant_id_number) d.applicant_id_number as id, d.applicant_name as name,
				         d.applicant_birth_date as dob
				  from dossier d
				  where d.applicant_id_number ~ '^[0-9]{12}$' and d.applicant_name is not null
				    and d.applicant_birth_date is not null
				  order by d.applicant_id_number, d.submitted_at desc nulls last
				)
				select p.id, p.name, p.dob from p
				left join lateral (select max(l.at) as at from registry_lookup l
				  where l.id_number = p.id and l.kind = 'VERIFY'
				    and l.result in ('MATCH', 'NO_MATCH', 'NOT_FOUND', 'DECEASED')) a on true
				where a.at is null or a.at < cast(:now as timestamptz) - interval '365 days'
				order by a.at nulls first, p.id
				limit :limit""")
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.param("limit", limit)
			.query((rs, n) -> new Person(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class)))
			.list();
	}

	/** Verifies up to {@code limit} people; stops at the first answer the registry could not give. Returns how many it verified. */
	public int verifyDue(int limit) {
		int verified = 0;
		for (Person p : due(limit)) {
			RegistryLookups.Verification v = registry.verify(p.idNumber(), p.fullName(), p.dateOfBirth(),
					new RegistryPurpose("system", PURPOSE, null));
			if (v.result() == RegistryResult.UNAVAILABLE) {
				log.info("Re-verification paused: the population registry did not answer ({} verified)", verified);
				break;
			}
			verified++;
		}
		return verified;
	}

	int perMinute() {
		return perMinute;
	}

	@Configuration(proxyBeanMethods = false)
	static class Schedule {

		@Bean
		RecurringTask<Void> qualityReVerification(ReVerification re) {
			return Tasks.recurring("quality-re-verification", FixedDelay.of(Duration.ofMinutes(1)))
				.execute((instance, context) -> {
					if (re.perMinute() > 0) {
						re.verifyDue(re.perMinute());
					}
				});
		}
	}
}
