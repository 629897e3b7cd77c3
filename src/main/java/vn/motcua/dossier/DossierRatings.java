package vn.motcua.dossier;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.platform.InvalidFields;
import vn.motcua.identity.Caller;

/**
 * Đánh giá mức độ hài lòng: once the result is returned, the applicant (or whoever filed for them) rates the
 * service once, satisfied or not, with an optional comment; the rating feeds the satisfaction indicator.
 */
@Service
public class DossierRatings {

	static final Set<String> RATINGS = Set.of("SATISFIED", "DISSATISFIED");

	private final DossierAccess access;
	private final JdbcDossierRepository repository;
	private final DossierJournal journal;
	private final Clock clock;

	DossierRatings(DossierAccess access, JdbcDossierRepository repository, DossierJournal journal,
			Clock clock) {
		this.access = access;
		this.repository = repository;
		this.journal = journal;
		this.clock = clock;
	}

	@Transactional
	public Dossier rate(String code, @Nullable String rating, @Nullable String comment, Caller caller) {
		Dossier d = access.visible(code, caller, true);
		if (!caller.citizen()) {
			throw new DossierProblems.ActionForbidden("Chỉ người nộp hồ sơ đánh giá mức độ hài lòng.");
		}
		String value = rating == null ? "" : rating.strip().toUpperCase(Locale.ROOT);
		InvalidFields.Collector errors = new InvalidFields.Collector();
		if (!RATINGS.contains(value)) {
			errors.add("rating", "dossier.rating.invalid");
		}
		if (comment != null && comment.length() > 1000) {
			errors.add("comment", "dossier.rating.comment-too-long");
		}
		errors.throwIfAny();
		if (d.status() != DossierStatus.RETURNED) {
			throw new DossierProblems.ActionNotAllowedNow("Chỉ đánh giá khi đã nhận kết quả.");
		}
		if (d.rating() != null) {
			throw new DossierProblems.ActionNotAllowedNow("Hồ sơ đã được đánh giá.");
		}
		Instant now = clock.instant();
		String note = comment == null || comment.isBlank() ? null : comment.strip();
		repository.rate(code, value, note, now);
		journal.record(code, d.agencyCode(), now, caller.username(), "RATED", d.status(), d.status(), note,
				Map.of("rating", value));
		return repository.find(code, false).orElseThrow();
	}
}
