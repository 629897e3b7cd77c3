package vn.motcua.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import vn.motcua.platform.Zones;

/**
 * Time per due-date computation of the working calendar, over random starts in 2000–2100 and durations of
 * 1, 30 and 365 working days (the longest the API accepts), and the cost of rebuilding the 1900–2201 table
 * after a schedule change.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DueDateBenchmark {

	@Param({ "1", "30", "365" })
	int workingDays;

	WorkingTime time;
	Instant[] starts;
	long seconds;
	int next;

	@Setup
	public void setUp() {
		time = WorkingTime.build(1900, 2201, Zones.VIETNAM, WorkingHours.standard(), Map.of());
		Random random = new Random(42);
		starts = new Instant[4096];
		for (int i = 0; i < starts.length; i++) {
			starts[i] = ZonedDateTime.of(LocalDateTime.of(2000 + random.nextInt(100), 1 + random.nextInt(12),
					1 + random.nextInt(28), random.nextInt(24), random.nextInt(60)), Zones.VIETNAM).toInstant();
		}
		seconds = WorkingDuration.days(workingDays).seconds(time.hours());
	}

	@Benchmark
	public Instant due() {
		return time.due(starts[next++ & 4095], seconds);
	}

	@Benchmark
	public long workingTimeBetween() {
		Instant a = starts[next++ & 4095];
		return time.between(a, a.plusSeconds(seconds * 3)).toSeconds();
	}

	@Benchmark
	@OutputTimeUnit(TimeUnit.MILLISECONDS)
	public WorkingTime rebuildTable() {
		return WorkingTime.build(1900, 2201, Zones.VIETNAM, WorkingHours.standard(), Map.of());
	}
}
