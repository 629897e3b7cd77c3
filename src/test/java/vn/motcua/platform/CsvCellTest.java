package vn.motcua.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvCellTest {

	@Test
	void cellsAreQuotedAndFormulasNeutralised() {
		assertThat(Csv.cell("Tiếp nhận \"hồ sơ\", khai sinh")).isEqualTo("\"Tiếp nhận \"\"hồ sơ\"\", khai sinh\"");
		assertThat(Csv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
		assertThat(Csv.cell("+84")).isEqualTo("\"'+84\"");
		assertThat(Csv.cell("@cmd")).isEqualTo("\"'@cmd\"");
		assertThat(Csv.cell(null)).isEmpty();
	}
}
