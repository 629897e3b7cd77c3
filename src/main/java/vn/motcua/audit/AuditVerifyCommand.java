package vn.motcua.audit;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar motcua.jar audit:verify} checks the whole chain, prints the outcome and exits 0 when
 * it holds, 3 when a record was altered or removed.
 */
@Component
class AuditVerifyCommand implements ApplicationRunner, ExitCodeGenerator {

	static final String NAME = "audit:verify";

	private final AuditLog auditLog;
	private int exitCode;

	AuditVerifyCommand(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (args.getNonOptionArgs().isEmpty() || !NAME.equals(args.getNonOptionArgs().get(0))) {
			return;
		}
		AuditLog.ChainVerification result = auditLog.verify();
		if (result.intact()) {
			System.out.printf("audit:verify: chain intact, %d records checked%n", result.checked());
		}
		else {
			System.out.printf("audit:verify: chain BROKEN at record %d (%s); %d records checked%n",
					result.firstBrokenId(), result.problem(), result.checked());
			exitCode = 3;
		}
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}
}
