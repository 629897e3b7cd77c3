package vn.motcua.registry.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.motcua.identifiers.PersonalIdNumber;
import vn.motcua.platform.ApiTime;
import vn.motcua.platform.InvalidFields;
import vn.motcua.platform.PageRequestParams;
import vn.motcua.platform.Texts;
import vn.motcua.registry.RegistryLookups;
import vn.motcua.registry.RegistryLookups.LoggedLookup;
import vn.motcua.registry.RegistryPurpose;

/** Staff checks against the National Population Database, and its lookup log for administrators. */
@RestController
class RegistryController {

	private final RegistryLookups lookups;

	RegistryController(RegistryLookups lookups) {
		this.lookups = lookups;
	}

	@PostMapping("/api/v1/registry/verify")
	@PreAuthorize("hasAnyRole('ONE_STOP_OFFICER', 'SPECIALIST', 'ADMIN')")
	Map<String, String> verify(@Valid @RequestBody VerifyRequest request, Authentication caller) {
		InvalidFields.Collector errors = new InvalidFields.Collector();
		PersonalIdNumber.check(request.idNumber(), request.dateOfBirth(), null)
			.ifPresent(flaw -> errors.add("idNumber", flaw.messageKey()));
		errors.throwIfAny();
		RegistryLookups.Verification v = lookups.verify(request.idNumber(), request.fullName(),
				request.dateOfBirth(), new RegistryPurpose(caller.getName(), request.purpose().strip(),
						Texts.strippedOrNull(request.dossierCode())));
		return Map.of("result", v.result().name(), "lookupId", v.lookupId().toString());
	}

	@GetMapping("/api/v1/registry/lookups")
	@PreAuthorize("hasRole('ADMIN')")
	Map<String, Object> log(@RequestParam(required = false) @Nullable String idNumber,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		PageRequestParams.check(page, size);
		String person = Texts.strippedOrNull(idNumber);
		List<Map<String, @Nullable Object>> items = lookups.log(person, page, size)
			.stream()
			.map(RegistryController::json)
			.toList();
		return Map.of("items", items, "total", lookups.count(person));
	}

	static Map<String, @Nullable Object> json(LoggedLookup l) {
		java.util.LinkedHashMap<String, @Nullable Object> m = new java.util.LinkedHashMap<>();
		m.put("id", l.id().toString());
		m.put("at", ApiTime.format(l.at()));
		m.put("actor", l.actor());
		m.put("purpose", l.purpose());
		m.put("dossierCode", l.dossierCode());
		m.put("idNumber", l.idNumber());
		m.put("kind", l.kind());
		m.put("result", l.result().name());
		m.put("responseHash", l.responseHash());
		return m;
	}

	record VerifyRequest(@NotBlank @Size(max = 12) String idNumber, @NotBlank @Size(max = 200) String fullName,
			@NotNull LocalDate dateOfBirth, @NotBlank @Size(max = 500) String purpose,
			@Nullable @Size(max = 40) String dossierCode) {
	}
}
