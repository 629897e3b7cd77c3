package vn.motcua.sandbox;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.motcua.identifiers.TaxCode;
import vn.motcua.sandbox.DemoCitizens.DemoCitizen;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCitizensTest {

	@Test
	void demoCitizensAreLivingAdultsAtBothLevelsWithOneBusiness() {
		assertThat(DemoCitizens.all()).extracting(DemoCitizen::level).contains(1, 2);
		for (DemoCitizen c : DemoCitizens.all()) {
			assertThat(c.person().alive()).isTrue();
			assertThat(c.person().dateOfBirth()).isBefore(LocalDate.of(2007, 1, 1));
		}
		assertThat(DemoCitizens.all()).filteredOn(c -> c.taxCode() != null)
			.singleElement()
			.satisfies(c -> assertThat(TaxCode.isValid(c.taxCode())).isTrue());
		assertThat(DemoCitizens.all()).extracting(c -> c.person().idNumber().substring(0, 3))
			.contains("096", "095");
	}

	@Test
	void theIdTokenCarriesTheNationalClaimNames() {
		DemoCitizen business = DemoCitizens.all().stream().filter(c -> c.taxCode() != null).findFirst().orElseThrow();
		var claims = SandboxIdentityProvider.claims(business.signIn());
		assertThat(claims).containsEntry("SoDinhDanh", business.person().idNumber())
			.containsEntry("HoVaTen", business.person().fullName())
			.containsEntry("loAs", "LoA2")
			.containsEntry("acr", "2")
			.containsEntry("LoaiTaiKhoan", "2")
			.containsEntry("MaSoDoanhNghiep", business.taxCode())
			.containsKey("TenDoanhNghiep");
		assertThat((String) claims.get("NgayThangNamSinh")).matches("\\d{8}")
			.isEqualTo(business.person().dateOfBirth().toString().replace("-", ""));
	}
}
