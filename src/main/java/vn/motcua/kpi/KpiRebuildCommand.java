package vn.motcua.kpi;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

import vn.motcua.platform.Zones;

/**
 * {@code java -jar motcua.jar kpi:rebuild} recomputes the rollups from the dossiers (after a restore, a bulk
 * correction made with triggers disabled, or a change of the rule), then checks this year and last year
 * against the raw rule; exits 0 when they agree, 4 when they do not.
 */
@Component
class KpiRebuildCommand implements ApplicationRunner, ExitCodeGenerator {

	static final String NAME = "kpi:rebuild";

	private final KpiRollups rollups;
	private final KpiCalculator raw;
	private final Clock clock;
	private int exitCode;

	KpiRebuildCommand(KpiRollups rollups, KpiCalculator raw, Clock clock) {
		this.rollups = rollups;
		this.raw = raw;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (args.getNonOptionArgs().isEmpty() || !NAME.equals(args.getNonOptionArgs().get(0))) {
			return;
		}
		long started = System.nanoTime();
		long dossiers = rollups.rebuild();
		System.out.printf("kpi:rebuild: %d received dossiers rolled up in %.1f s%n", dossiers,
				(System.nanoTime() - started) / 1e9);
		Instant now = clock.instant();
		int year = LocalDate.ofInstant(now, Zones.VIETNAM).getYear();
		for (int y = year - 1; y <= year; y++) {
			LocalDate from = LocalDate.of(y, 1, 1);
			LocalDate to = LocalDate.of(y, 12, 31);
			Instant endOfYear = to.plusDays(1).atStartOfDay(Zones.VIETNAM).toInstant();
			Instant end = endOfYear.isBefore(now) ? endOfYear : now;
			KpiFigures rolled = rollups.figures(KpiRollups.Grouping.TOTAL, from, to, end, null)
				.getOrDefault("", KpiFigures.NONE);
			KpiFigures direct = raw.figures(from.atStartOfDay(Zones.VIETNAM).toInstant(), end, null);
			boolean agree = rolled.equals(direct);
			System.out.printf("kpi:rebuild: %d: %s received %d, on time %d%n", y, agree ? "agrees with the dossiers,"
					: "DIFFERS from the dossiers (" + direct + "),", rolled.received(), rolled.onTime());
			if (!agree) {
				exitCode = 4;
			}
		}
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}
}
