package vn.motcua.identity;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Tài khoản công dân — a citizen (or a business's representative) known from their e-ID sign-in.
 *
 * @param idNumber số định danh cá nhân, also the account's user name
 * @param assuranceLevel mức độ định danh điện tử at the last sign-in: 1 or 2 (Nghị định 69/2024/NĐ-CP)
 * @param businessTaxCode mã số doanh nghiệp when they signed in for a business
 */
public record CitizenAccount(String idNumber, String fullName, @Nullable LocalDate dateOfBirth, int assuranceLevel,
		@Nullable String businessTaxCode, @Nullable String businessName) {

	/** Whether the account may use a service that requires {@code level}. */
	public boolean meets(int level) {
		return assuranceLevel >= level;
	}
}
