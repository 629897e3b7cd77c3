package vn.motcua.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.Api;
import vn.motcua.MotCuaApplication;
import vn.motcua.MotCuaIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MotCuaIntegrationTest
class AuditLogIT {

	@Autowired
	AuditLog auditLog;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Test
	void eachRecordCarriesThePreviousRecordsHash() {
		AuditLog.AuditRecord first = tx.execute(s -> auditLog.record(entry("first")));
		AuditLog.AuditRecord second = tx.execute(s -> auditLog.record(entry("second")));
		assertThat(second.previousHash()).isEqualTo(first.hash());
		assertThat(second.id()).isGreaterThan(first.id());
		assertThat(auditLog.verify().intact()).isTrue();
	}

	@Test
	void recordingNeedsTheCallersTransaction() {
		assertThatThrownBy(() -> auditLog.record(entry("no transaction")))
			.isInstanceOf(IllegalTransactionStateException.class);
	}

	@Test
	void aRolledBackChangeLeavesNoRecord() {
		long before = auditLog.count("test", "rolled-back");
		tx.executeWithoutResult(s -> {
			auditLog.record(AuditEntry.of("tester", "test.rolled-back", "test", "rolled-back"));
			s.setRollbackOnly();
		});
		assertThat(auditLog.count("test", "rolled-back")).isEqualTo(before);
		assertThat(auditLog.verify().intact()).isTrue();
	}

	@Test
	void theDatabaseRefusesUpdatesAndDeletes() {
		AuditLog.AuditRecord r = tx.execute(s -> auditLog.record(entry("protected")));
		assertThatThrownBy(() -> jdbc.sql("update audit_record set actor = 'mallory' where id = ?").param(r.id()).update())
			.rootCause()
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("delete from audit_record where id = ?").param(r.id()).update())
			.rootCause()
			.hasMessageContaining("append-only");
	}

	@Test
	void concurrentWritersStillFormOneUnbrokenChain() throws Exception {
		long before = auditLog.count("test", "concurrent");
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < 8; t++) {
				futures.add(pool.submit(() -> {
					for (int i = 0; i < 25; i++) {
						tx.executeWithoutResult(s -> auditLog.record(AuditEntry.of("tester", "test.concurrent", "test",
								"concurrent")));
					}
				}));
			}
			for (Future<?> f : futures) {
				f.get();
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(auditLog.count("test", "concurrent")).isEqualTo(before + 200);
		assertThat(auditLog.verify().intact()).isTrue();
	}

	@Test
	void tamperingIsFoundByTheVerifierTheCommandAndTheApi() {
		AuditLog.AuditRecord victim = tx.execute(s -> auditLog.record(entry("victim")));
		tx.execute(s -> auditLog.record(entry("after victim")));
		assertThat(runVerifyCommand()).isZero();

		tamper(victim.id(), "{\"note\":\"rewritten\"}");
		try {
			AuditLog.ChainVerification broken = auditLog.verify();
			assertThat(broken.intact()).isFalse();
			assertThat(broken.firstBrokenId()).isEqualTo(victim.id());
			assertThat(runVerifyCommand()).isEqualTo(3);
			Api api = new Api(port);
			Api.Response r = api.post("/api/v1/admin/audit/verification", "", api.token("admin"));
			assertThat(r.status()).isEqualTo(200);
			assertThat(r.json().get("intact").asBoolean()).isFalse();
			assertThat(r.json().get("firstBrokenId").asLong()).isEqualTo(victim.id());
		}
		finally {
			tamper(victim.id(), victim.details());
		}
		assertThat(auditLog.verify().intact()).isTrue();
	}

	@Test
	void administratorsReadTheLogNewestFirst() {
		tx.execute(s -> auditLog.record(AuditEntry.of("tester", "test.readable", "test", "readable")));
		Api api = new Api(port);
		Api.Response r = api.get("/api/v1/admin/audit?subjectType=test&subjectId=readable&size=5", api.token("admin"));
		assertThat(r.status()).isEqualTo(200);
		assertThat(r.json().get("total").asLong()).isPositive();
		assertThat(r.json().get("items").get(0).get("action").asString()).isEqualTo("test.readable");
		assertThat(r.json().get("items").get(0).get("at").asString()).endsWith("+07:00");
	}

	private void tamper(long id, String details) {
		tx.executeWithoutResult(s -> {
			jdbc.sql("alter table audit_record disable trigger audit_record_no_update").update();
			jdbc.sql("update audit_record set details = ? where id = ?").params(details, id).update();
			jdbc.sql("alter table audit_record enable trigger audit_record_no_update").update();
		});
	}

	private static int runVerifyCommand() {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(MotCuaApplication.class)
			.web(WebApplicationType.NONE)
			.properties(Map.of("db-scheduler.enabled", "false"))
			.run("audit:verify");
		return SpringApplication.exit(context);
	}

	private static AuditEntry entry(String note) {
		return AuditEntry.of("tester", "test.chain", "test", "chain").with(Map.of("note", note));
	}
}
