package vn.motcua.catalog;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.motcua.catalog.EForm.Condition;
import vn.motcua.catalog.EForm.Field;
import vn.motcua.catalog.EForm.FieldType;

import static org.assertj.core.api.Assertions.assertThat;

/** The e-form's rules without a database: what a definition may be, and how answers are read and checked. */
class EFormTest {

	private static final EForm FORM = new EForm(List.of(
			new Field("ten", "Tên", FieldType.TEXT, true, List.of(), null),
			new Field("soLuong", "Số lượng", FieldType.NUMBER, false, List.of(), null),
			new Field("ngay", "Ngày", FieldType.DATE, false, List.of(), null),
			new Field("loai", "Loại", FieldType.SELECT, true, List.of("Một", "Hai"), null),
			new Field("buuChinh", "Qua bưu chính", FieldType.BOOLEAN, false, List.of(), null),
			new Field("diaChi", "Địa chỉ nhận", FieldType.TEXT, true, List.of(), new Condition("buuChinh", null)),
			new Field("ghiChu", "Ghi chú loại hai", FieldType.TEXT, true, List.of(), new Condition("loai", "Hai"))));

	@Test
	void aSoundDefinitionHasNoProblemsAndEachFlawIsNamed() {
		assertThat(FORM.definitionProblems()).isEmpty();
		EForm bad = new EForm(List.of(new Field("1x", "A", FieldType.TEXT, false, List.of(), null),
				new Field("a", "", FieldType.TEXT, false, List.of(), null),
				new Field("a", "A", FieldType.TEXT, false, List.of(), null),
				new Field("s", "S", FieldType.SELECT, false, List.of("x", "x"), null),
				new Field("n", "N", FieldType.NUMBER, false, List.of("1"), null),
				new Field("c", "C", FieldType.TEXT, false, List.of(), new Condition("later", null)),
				new Field("later", "L", FieldType.TEXT, false, List.of(), null)));
		assertThat(bad.definitionProblems()).extracting(EForm.Problem::messageKey)
			.containsExactly("catalog.template.field-name", "catalog.template.field-label",
					"catalog.template.field-repeated", "catalog.template.options", "catalog.template.options-not-select",
					"catalog.template.condition");
	}

	@Test
	void answersOfTheRightTypeAreKeptAndOthersNamed() {
		Map<String, Object> answers = new HashMap<>(Map.of("ten", " An ", "soLuong", 3, "ngay", "2027-01-31", "loai",
				"Một", "buuChinh", false, "diaChi", "ignored while hidden", "extra", "dropped"));
		EForm.Checked ok = FORM.check(answers);
		assertThat(ok.problems()).isEmpty();
		assertThat(ok.values()).containsOnlyKeys("ten", "soLuong", "ngay", "loai", "buuChinh")
			.containsEntry("ten", "An")
			.containsEntry("soLuong", new BigDecimal("3"));

		Map<String, Object> wrong = new HashMap<>(Map.of("ten", "", "soLuong", "ba", "ngay", "2027-02-29", "loai", "Ba",
				"buuChinh", "true"));
		assertThat(FORM.check(wrong).problems()).extracting(p -> p.field() + ":" + p.messageKey())
			.containsExactly("ten:form.required", "soLuong:form.number", "ngay:form.date", "loai:form.option",
					"buuChinh:form.boolean");
		assertThat(FORM.check(Map.of("ten", "An", "loai", "Một", "ngay", "1899-12-31")).problems())
			.extracting(EForm.Problem::field).containsExactly("ngay");
	}

	@Test
	void aConditionalQuestionIsAskedAndRequiredOnlyWhenItsConditionHolds() {
		assertThat(FORM.check(Map.of("ten", "An", "loai", "Một", "buuChinh", true)).problems())
			.extracting(EForm.Problem::field).containsExactly("diaChi");
		assertThat(FORM.check(Map.of("ten", "An", "loai", "Hai")).problems()).extracting(EForm.Problem::field)
			.containsExactly("ghiChu");
		assertThat(FORM.check(Map.of("ten", "An", "loai", "Hai", "ghiChu", "x")).problems()).isEmpty();
	}

	@Test
	void aPagesTextIsReadAsTypedValues() {
		Map<String, Object> typed = FORM.fromText(Map.of("ten", "An", "soLuong", "1.234,5", "ngay", "31/01/2027",
				"loai", "Một", "buuChinh", "on"));
		assertThat(typed).containsEntry("soLuong", new BigDecimal("1234.5"))
			.containsEntry("ngay", "2027-01-31")
			.containsEntry("buuChinh", true);
		assertThat(FORM.fromText(Map.of("soLuong", "mười")).get("soLuong")).as("left as text, to be refused")
			.isEqualTo("mười");
		assertThat(FORM.fromText(Map.of()).get("buuChinh")).as("an unticked box is false").isEqualTo(false);
	}
}
