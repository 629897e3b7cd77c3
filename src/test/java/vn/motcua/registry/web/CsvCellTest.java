package vn.motcua.registry.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvCellTest {

	@Test
	void cellsAreQuotedAndFormulasNeutralised() {
		assertThat(RegistryAdminPages.cell("Tiếp nhận \"hồ sơ\", khai sinh")).isEqualTo("\"Tiếp nhận \"\"hồ sơ\"\", khai sinh\"");
		assertThat(RegistryAdminPages.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
		assertThat(RegistryAdminPages.cell("+84")).isEqualTo("\"'+84\"");
		assertThat(RegistryAdminPages.cell("@cmd")).isEqualTo("\"'@cmd\"");
		assertThat(RegistryAdminPages.cell(null)).isEmpty();
	}
}
