package vn.motcua.dossier;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Chủ hồ sơ — the person or business the dossier is for.
 *
 * @param type {@code CITIZEN} or {@code BUSINESS}
 * @param idNumber số định danh cá nhân (of the citizen, or of a business's representative)
 */
public record Applicant(String type, @Nullable String idNumber, @Nullable String fullName,
		@Nullable LocalDate dateOfBirth, @Nullable String taxCode, @Nullable String businessName,
		@Nullable String phone, @Nullable String email, @Nullable String address) {
}
