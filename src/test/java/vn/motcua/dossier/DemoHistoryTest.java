package vn.motcua.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.platform.Zones;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo history: lines the legacy import takes, nothing dated after the day the demo starts. */
class DemoHistoryTest {

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void fourteenMonthsOfPlausibleDossiersNoneInTheFuture() {
		LocalDate today = LocalDate.of(2026, 11, 26);
		Instant start = today.atStartOfDay(Zones.VIETNAM).toInstant();
		List<String> lines = DemoHistory.lines(today, List.of(new String[] { "2.001101", "SXD" },
				new String[] { "1.001101", "X_NAMCAN" }), 2000).lines().toList();
		assertThat(lines).hasSize(2000);
		Set<String> codes = new HashSet<>();
		int open = 0;
		int supplements = 0;
		int late = 0;
		for (String line : lines) {
			JsonNode n = json.readTree(line);
			codes.add(n.get("code").asString());
			Instant received = instant(n.get("receivedAt"));
			assertThat(received).isAfterOrEqualTo(LocalDate.of(2025, 9, 1).atStartOfDay(Zones.VIETNAM).toInstant())
				.isBefore(start);
			for (String field : List.of("finishedAt", "returnedAt")) {
				if (!n.get(field).isNull()) {
					assertThat(instant(n.get(field))).as(line).isBefore(start).isAfter(received);
				}
			}
			for (JsonNode s : n.get("supplements")) {
				supplements++;
				if (!s.get("completedAt").isNull()) {
					assertThat(instant(s.get("completedAt"))).as(line).isBefore(start);
				}
				else {
					assertThat(n.get("nationalStatus").asInt()).as("waiting for the applicant: " + line).isEqualTo(5);
				}
			}
			if (n.get("finishedAt").isNull()) {
				open++;
			}
			else if (instant(n.get("finishedAt")).isAfter(instant(n.get("dueAt")))) {
				late++;
			}
			if (!n.get("rating").isNull()) {
				assertThat(n.get("returnedAt").isNull()).as("only returned dossiers are rated").isFalse();
			}
		}
		assertThat(codes).hasSize(2000);
		assertThat(supplements).isBetween(150, 260);
		assertThat(open).as("mostly the last three weeks'").isBetween(60, 200);
		assertThat(late).isBetween(100, 260);
	}

	private static Instant instant(JsonNode n) {
		return OffsetDateTime.parse(n.asString()).toInstant();
	}
}
