package vn.motcua.catalog;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Filling a result template, and the placeholders a template may not use. */
class ResultTemplateTest {

	@Test
	void placeholdersAreFilledAndUnknownOnesLeftBlank() {
		Map<String, String> values = Map.of("applicant.fullName", "Lê Văn A", "form.dienTich", "120,5");
		String filled = ResultTemplate.fill("Cấp cho {{ applicant.fullName }}: {{form.dienTich}} m² {{nothing}}.",
				values::get);
		assertThat(filled).isEqualTo("Cấp cho Lê Văn A: 120,5 m² .");
		assertThat(ResultTemplate.fill("$1 \\ {{applicant.fullName}}", n -> "$2 \\")).as("values are taken literally")
			.isEqualTo("$1 \\ $2 \\");
	}

	@Test
	void aTemplateMayUseTheDossiersFieldsAndItsOwnFormOnly() {
		EForm form = new EForm(List.of(new EForm.Field("dienTich", "Diện tích", EForm.FieldType.NUMBER, true, List.of(),
				null)));
		ResultTemplate ok = new ResultTemplate("Giấy phép {{dossier.code}}", "{{applicant.fullName}} {{form.dienTich}} {{date}}");
		assertThat(ok.unknownPlaceholders(form)).isEmpty();
		ResultTemplate bad = new ResultTemplate("Giấy phép", "{{applicant.salary}} {{form.soTang}}");
		assertThat(bad.unknownPlaceholders(form)).containsExactly("applicant.salary", "form.soTang");
	}
}
