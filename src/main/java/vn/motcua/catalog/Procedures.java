package vn.motcua.catalog;

import java.util.List;
import java.util.Optional;

/** Reads of the catalog. */
public interface Procedures {

	/** Published procedures matching {@code query}: closest names first with text, else in code order. */
	Result search(ProcedureQuery query);

	/** The version in force; internal procedures only when {@code includeInternal}. */
	Optional<ProcedureDetail> find(String code, boolean includeInternal);

	/** A given version, abolished ones included (old dossiers keep theirs). */
	Optional<ProcedureDetail> version(String code, int version);

	/** Names of the fields in use, in order. */
	List<String> fields(boolean includeInternal);

	/** Published procedures (not internal) that serve businesses, and those of them with an online service. */
	BusinessOffer businessOffer();

	/**
	 * @param suggestion the query with its unknown words replaced by the closest the catalog holds ("Có phải bạn muốn
	 *        tìm"), when it had such words
	 */
	record Result(List<ProcedureSummary> items, long total, @org.jspecify.annotations.Nullable String suggestion) {

		public Result(List<ProcedureSummary> items, long total) {
			this(items, total, null);
		}
	}

	record BusinessOffer(long published, long online) {

		/** Percentage rounded half-up to 2 decimals; null when no procedure serves businesses. */
		public java.math.@org.jspecify.annotations.Nullable BigDecimal rate() {
			return published == 0 ? null : java.math.BigDecimal.valueOf(online * 100)
				.divide(java.math.BigDecimal.valueOf(published), 2, java.math.RoundingMode.HALF_UP);
		}
	}
}
