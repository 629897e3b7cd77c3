package vn.motcua.dossier;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.platform.InvalidFields;

/**
 * Corrections of an applicant's values found wrong or missing by the data-quality checks: the phone, e-mail or full
 * name held on every dossier of one ID number or tax code, each dossier's history and the audit log saying who
 * corrected what and why. The dossier module stays the only writer of its rows.
 */
@Service
public class ApplicantCorrections {

	private final JdbcClient jdbc;
	private final JdbcDossierRepository repository;
	private final DossierJournal journal;
	private final Clock clock;

	ApplicantCorrections(JdbcClient jdbc, JdbcDossierRepository repository, DossierJournal journal, Clock clock) {
		this.jdbc = jdbc;
		this.repository = repository;
		this.journal = journal;
		this.clock = clock;
	}

	/** Fields this can correct. */
	public static final List<String> FIELDS = List.of("phone", "email", "fullName");

	/**
	 * Sets {@code field} to {@code value} on the applicant's dossiers, in the caller's transaction; 400 when the value
	 * is not well formed. Returns how many dossiers changed.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int correct(String applicantKey, String field, String value, String actor, String why) {
		String v = value.strip();
		InvalidFields.Collector errors = new InvalidFields.Collector();
		switch (field) {
			case "phone" -> {
				if (!v.matches("(\\+84|0)[0-9]{9,10}")) {
					errors.add("value", "quality.error.phone");
				}
			}
			case "email" -> {
				if (!v.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || v.length() > 254) {
					errors.add("value", "quality.error.email");
				}
			}
			case "fullName" -> {
				if (v.length() < 2 || v.length() > 200 || v.matches(".*[0-9].*")) {
					errors.add("value", "quality.error.name");
				}
			}
			default -> errors.add("value", "quality.error.not-correctable");
		}
		errors.throwIfAny();
		List<Dossier> held = jdbc.sql("select code from dossier where applicant_id_number = ? or applicant_tax_code = ?"
				+ " order by code for update")
			.params(applicantKey, applicantKey)
			.query(String.class)
			.list()
			.stream()
			.map(code -> repository.find(code, false).orElseThrow())
			.toList();
		for (Dossier d : held) {
			repository.correctApplicant(d.code(), field, v);
			journal.record(d.code(), d.agencyCode(), clock.instant(), actor, "CORRECT_APPLICANT", d.status(), d.status(),
					why, Map.of("field", field));
		}
		return held.size();
	}
}
