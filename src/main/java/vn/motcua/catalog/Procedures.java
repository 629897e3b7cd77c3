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

	record Result(List<ProcedureSummary> items, long total) {
	}
}
