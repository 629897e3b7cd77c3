package vn.motcua.dossier;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.motcua.platform.DemoMode;
import vn.motcua.platform.DemoSeed;
import vn.motcua.platform.Zones;

/**
 * Fourteen months of past dossiers of the demo catalog's procedures, so that the leaders' dashboard and the
 * KPI API have something to show: migrated through the legacy import (as a province's old system would be),
 * once. Off with {@code motcua.demo.history=false} (the tests, which compute their own examples).
 */
@Component
@DemoMode
@Order(500)
class DemoHistory implements DemoSeed {

	private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);
	static final String PREFIX = "LS-";
	private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'+07:00'");

	private final LegacyImport imports;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final boolean enabled;

	DemoHistory(LegacyImport imports, JdbcClient jdbc, Clock clock,
			@Value("${motcua.demo.history:true}") boolean enabled) {
		this.imports = imports;
		this.jdbc = jdbc;
		this.clock = clock;
		this.enabled = enabled;
	}

	@Override
	public void seed() {
		if (!enabled || jdbc.sql("select exists (select 1 from dossier where code like 'LS-%')").query(Boolean.class)
			.single()) {
			return;
		}
		List<String[]> procedures = jdbc.sql("""
				select code, agency_code from catalog_procedure where status = 'PUBLISHED' and not internal and demo
				order by code""").query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).list();
		if (procedures.isEmpty()) {
			return;
		}
		String lines = lines(LocalDate.now(clock.withZone(Zones.VIETNAM)), procedures, 4000);
		try {
			LegacyImport.Result r = imports.importLines(
					new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), "demo");
			log.info("Demo history: {} past dossiers imported, {} refused", r.imported(), r.errorCount());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * {@code count} NDJSON lines received on working hours of the 14 months before {@code today}: most filed
	 * online, one in ten with a supplement, about one in twelve finished after its due date, those of the last
	 * three weeks often still open; fees on a quarter, nearly all paid online.
	 */
	static String lines(LocalDate today, List<String[]> procedures, int count) {
		Random random = new Random(766);
		LocalDate first = today.minusMonths(14).withDayOfMonth(1);
		int days = (int) (today.toEpochDay() - first.toEpochDay());
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < count; i++) {
			String[] p = procedures.get((int) Math.min(procedures.size() - 1,
					Math.abs(random.nextGaussian()) * procedures.size() / 2.5));
			int day = (int) ((long) i * days / count);
			LocalDateTime received = first.plusDays(day).atTime(7, 30).plusMinutes(random.nextInt(540));
			LocalDateTime due = received.plusDays(3 + random.nextInt(12));
			boolean open = day > days - 21 ? random.nextInt(3) > 0 : random.nextInt(100) < 2;
			boolean late = random.nextInt(12) == 0;
			LocalDateTime finished = open ? null
					: late ? due.plusHours(2 + random.nextInt(120)) : received.plusHours(4 + random.nextInt(
							(int) java.time.Duration.between(received, due).toHours() - 4));
			LocalDateTime now = today.atStartOfDay(); // nothing is dated after the demo starts
			String supplements = "[]";
			boolean waiting = false;
			if (random.nextInt(10) == 0) {
				LocalDateTime requested = received.plusHours(3 + random.nextInt(30));
				LocalDateTime completed = requested.plusHours(20 + random.nextInt(60));
				if (finished != null && !late) {
					finished = finished.plusHours(java.time.Duration.between(requested, completed).toHours());
				}
				waiting = finished == null && random.nextBoolean() || completed.isAfter(now);
				supplements = "[{\"requestedAt\":\"" + ISO.format(requested) + "\",\"completedAt\":"
						+ (waiting ? "null" : "\"" + ISO.format(completed) + "\"") + "}]";
				if (waiting) {
					finished = null;
				}
			}
			if (finished != null && finished.isAfter(now)) {
				finished = null;
			}
			LocalDateTime returned = finished == null || finished.plusHours(18).isAfter(now) ? null
					: finished.plusHours(18);
			int status = waiting ? 5 : finished == null ? 4 : returned == null ? 9 : 10;
			boolean fee = random.nextInt(4) == 0;
			boolean online = random.nextInt(100) < 88;
			out.append("{\"code\":\"").append(PREFIX).append(String.format("%06d", i))
				.append("\",\"procedureCode\":\"").append(p[0]).append("\",\"agencyCode\":\"").append(p[1])
				.append("\",\"channel\":\"").append(online ? "ONLINE" : "COUNTER")
				.append("\",\"submittedAt\":\"").append(ISO.format(received.minusMinutes(20)))
				.append("\",\"receivedAt\":\"").append(ISO.format(received))
				.append("\",\"dueAt\":\"").append(ISO.format(due))
				.append("\",\"finishedAt\":").append(finished == null ? "null" : "\"" + ISO.format(finished) + "\"")
				.append(",\"returnedAt\":").append(returned == null ? "null" : "\"" + ISO.format(returned) + "\"")
				.append(",\"nationalStatus\":").append(status)
				.append(",\"supplements\":").append(supplements)
				.append(",\"feeVnd\":").append(fee ? 50000 * (1 + random.nextInt(6)) : 0)
				.append(",\"paidOnline\":").append(fee && online && random.nextInt(100) < 96)
				.append(",\"digitized\":").append(random.nextInt(100) < 85)
				.append(",\"electronicResult\":").append(finished != null && random.nextInt(100) < 75)
				.append(",\"vneidVerified\":").append(online && random.nextInt(100) < 90)
				.append(",\"rating\":")
				.append(returned == null || random.nextInt(3) > 0 ? "null"
						: random.nextInt(25) == 0 ? "\"DISSATISFIED\"" : "\"SATISFIED\"")
				.append("}\n");
		}
		return out.toString();
	}
}
