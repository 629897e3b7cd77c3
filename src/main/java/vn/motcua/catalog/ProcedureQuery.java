package vn.motcua.catalog;

import org.jspecify.annotations.Nullable;

/**
 * A catalog search.
 *
 * @param text words of the name (case, diacritics and one typo forgiven) or an exact code
 * @param field a field's exact name
 * @param onlineLevel FULL, PARTIAL or NONE (dịch vụ công trực tuyến toàn trình, một phần, không)
 * @param includeInternal staff see internal procedures (TTHC nội bộ); the public never does
 */
public record ProcedureQuery(@Nullable String text, @Nullable String field, @Nullable String agency,
		@Nullable String level, @Nullable String onlineLevel, boolean includeInternal, int page, int size) {

	public ProcedureQuery(@Nullable String text, @Nullable String field, @Nullable String agency,
			@Nullable String level, boolean includeInternal, int page, int size) {
		this(text, field, agency, level, null, includeInternal, page, size);
	}
}
