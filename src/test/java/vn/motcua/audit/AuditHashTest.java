package vn.motcua.audit;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditHashTest {

	final Instant at = Instant.parse("2026-04-24T03:00:00.123456Z");

	@Test
	void hashCoversEveryFieldAndThePreviousHash() {
		String base = JdbcAuditLog.hash(JdbcAuditLog.GENESIS, 1, at, "admin", "a.b", "t", "1", "{}");
		assertThat(base).hasSize(64).matches("[0-9a-f]{64}");
		assertThat(JdbcAuditLog.hash(JdbcAuditLog.GENESIS, 1, at, "admin", "a.b", "t", "1", "{}")).isEqualTo(base);
		assertThat(JdbcAuditLog.hash("1".repeat(64), 1, at, "admin", "a.b", "t", "1", "{}")).isNotEqualTo(base);
		assertThat(JdbcAuditLog.hash(JdbcAuditLog.GENESIS, 2, at, "admin", "a.b", "t", "1", "{}")).isNotEqualTo(base);
		assertThat(JdbcAuditLog.hash(JdbcAuditLog.GENESIS, 1, at.plusNanos(1000), "admin", "a.b", "t", "1", "{}"))
			.isNotEqualTo(base);
		assertThat(JdbcAuditLog.hash(JdbcAuditLog.GENESIS, 1, at, "admin", "a.b", "t", "1", "{\"x\":1}"))
			.isNotEqualTo(base);
	}

	@Test
	void fieldBoundariesCannotBeShifted() {
		assertThat(JdbcAuditLog.hash(JdbcAuditLog.GENESIS, 1, at, "ad", "min", "t", "1", "{}"))
			.isNotEqualTo(JdbcAuditLog.hash(JdbcAuditLog.GENESIS, 1, at, "adm", "in", "t", "1", "{}"));
	}
}
