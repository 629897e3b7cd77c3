package vn.motcua.dossier.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.motcua.identity.Caller;
import vn.motcua.platform.Zones;
import vn.motcua.registry.RegistryLookups;
import vn.motcua.registry.RegistryPurpose;
import vn.motcua.registry.RegistryResult;
import vn.motcua.registry.Resident;

/**
 * What the population database says of an applicant, for the pages: the address that prefills a citizen's form,
 * and, before an officer confirms a counter filing, which of the entered name and date of birth differ from the
 * record (a bare "no match" tells the officer nothing to correct). Every look-up is logged by the registry module.
 */
@Component
class RegistryComparison {

	private final RegistryLookups registry;

	RegistryComparison(RegistryLookups registry) {
		this.registry = registry;
	}

	/** One field that differs: as entered, and as the registry has it. */
	record Difference(String field, String entered, String registry) {
	}

	/**
	 * @param result {@code MATCH}, {@code NO_MATCH} (with differences), {@code NOT_FOUND}, {@code DECEASED},
	 *     {@code UNAVAILABLE}, or {@code NOT_CHECKED} without an ID number
	 */
	record Comparison(String result, List<Difference> differences) {
	}

	Optional<String> addressOf(String idNumber, String procedureCode) {
		return registry.lookUp(idNumber, new RegistryPurpose(idNumber, "Điền sẵn tờ khai thủ tục " + procedureCode, null))
			.resident()
			.map(r -> r.currentAddress() != null ? r.currentAddress() : r.permanentAddress());
	}

	Comparison compare(@Nullable String idNumber, @Nullable String fullName, @Nullable String dateOfBirth,
			String procedureCode, Caller caller) {
		if (idNumber == null || !idNumber.strip().matches("\\d{12}")) {
			return new Comparison("NOT_CHECKED", List.of());
		}
		RegistryLookups.Lookup found = registry.lookUp(idNumber.strip(), new RegistryPurpose(caller.username(),
				"Đối chiếu trước khi tiếp nhận hồ sơ thủ tục " + procedureCode, null));
		if (found.result() == RegistryResult.UNAVAILABLE) {
			return new Comparison("UNAVAILABLE", List.of());
		}
		Resident r = found.resident().orElse(null);
		if (r == null) {
			return new Comparison("NOT_FOUND", List.of());
		}
		List<Difference> differences = new ArrayList<>();
		if (fullName == null || !vn.motcua.registry.Names.same(fullName, r.fullName())) {
			differences.add(new Difference("fullName", fullName == null ? "" : fullName.strip(), r.fullName()));
		}
		LocalDate entered = dateOfBirth == null ? null : Zones.parseDay(dateOfBirth).orElse(null);
		if (!r.dateOfBirth().equals(entered)) {
			differences.add(new Difference("dateOfBirth", entered == null ? String.valueOf(dateOfBirth).strip()
					: entered.format(Zones.DAY), r.dateOfBirth().format(Zones.DAY)));
		}
		String result = !differences.isEmpty() ? "NO_MATCH" : r.alive() ? "MATCH" : "DECEASED";
		return new Comparison(result, differences);
	}
}
