package vn.motcua.registry;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import vn.motcua.identifiers.Sex;

/** Công dân as the population database returns them: what MotCua may prefill on a form. */
public record Resident(String idNumber, String fullName, LocalDate dateOfBirth, @Nullable Sex sex,
		@Nullable String permanentAddress, @Nullable String currentAddress, @Nullable String householdHead,
		@Nullable LocalDate diedOn) implements java.io.Serializable {

	public boolean alive() {
		return diedOn == null;
	}
}
