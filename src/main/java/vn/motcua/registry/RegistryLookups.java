package vn.motcua.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Verifies and looks up people in the National Population Database, logging every exchange. A failed or
 * unreachable registry never throws: the answer is {@link RegistryResult#UNAVAILABLE} and the caller carries
 * on (a dossier is never blocked by the registry).
 */
public interface RegistryLookups {

	Verification verify(String idNumber, String fullName, LocalDate dateOfBirth, RegistryPurpose why);

	/** Names the dossier a lookup was made for once it has its code; in the caller's transaction. */
	void linkToDossier(java.util.UUID lookupId, String dossierCode);

	/** The person's record for prefill; empty unless the registry answered and found them. */
	Lookup lookUp(String idNumber, RegistryPurpose why);

	/** The log, newest first, optionally for one ID number. */
	List<LoggedLookup> log(@Nullable String idNumber, int page, int size);

	long count(@Nullable String idNumber);

	/** The log between two instants, oldest first, for export. */
	void export(Instant from, Instant to, java.util.function.Consumer<LoggedLookup> sink);

	record Verification(RegistryResult result, UUID lookupId) {
	}

	record Lookup(RegistryResult result, UUID lookupId, Optional<Resident> resident) {
	}

	/** One exchange with the registry as the log keeps it. */
	record LoggedLookup(UUID id, Instant at, String actor, String purpose, @Nullable String dossierCode,
			String idNumber, String kind, RegistryResult result, @Nullable String responseHash) {
	}
}
