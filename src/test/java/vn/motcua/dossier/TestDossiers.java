package vn.motcua.dossier;

import java.time.Instant;
import java.util.List;

/** Dossiers as records, for tests of the pure rules (no database). */
final class TestDossiers {

	static final Instant FILED = Instant.parse("2026-12-01T01:00:00Z");
	static final Instant DUE = Instant.parse("2026-12-10T10:00:00Z");

	private TestDossiers() {
	}

	static Dossier dossier(DossierStatus status, boolean approved, long fee, long paid, String exemption, Instant dueAt,
			Instant extendedDueAt, Dossier.Step step) {
		return dossier(status, approved, fee, paid, exemption, dueAt, extendedDueAt, step, List.of());
	}

	static Dossier dossier(DossierStatus status, boolean approved, long fee, long paid, String exemption, Instant dueAt,
			Instant extendedDueAt, Dossier.Step step, List<Dossier.Supplement> supplements) {
		return new Dossier("C-1", "9.900001", null, 1, "01", "SXD", "TTPVHCC", status, Channel.COUNTER,
				new Applicant("CITIZEN", null, "Nguyễn Văn A", null, null, null, null, null, null), "officer", null, FILED,
				FILED, dueAt, extendedDueAt, null, null, null, null, supplements, fee, paid, false, exemption, null,
				"NOT_CHECKED", approved, null, step, "IN_TIME", 3, java.util.Map.of(), List.of(), false, false);
	}

	static Dossier in(DossierStatus status) {
		return dossier(status, false, 0, 0, null, DUE, null, null);
	}
}
