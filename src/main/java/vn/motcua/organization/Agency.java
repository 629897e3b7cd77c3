package vn.motcua.organization;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Cơ quan, đơn vị — a unit that receives or decides dossiers.
 *
 * @param code MotCua's stable key for the unit
 * @param identifier the electronic identifier (mã định danh điện tử, QĐ 20/2020/QĐ-TTg), such as
 *        {@code 000.00.01.H12}
 * @param validFrom first day the unit exists (null: since before records began)
 * @param validTo last day the unit exists (null: still exists); merged units keep their rows
 * @param demo true for made-up demonstration data
 */
public record Agency(String code, String name, @Nullable String parentCode, AgencyLevel level,
		@Nullable String identifier, @Nullable LocalDate validFrom, @Nullable LocalDate validTo, boolean demo) {

	public boolean validOn(LocalDate day) {
		return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
	}
}
