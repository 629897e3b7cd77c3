package vn.motcua.catalog;

import java.time.LocalDate;
import java.util.Map;

/**
 * How often each procedure is filed: the search's tie-breaker between equally good names (docs/adr/0013). The
 * module that counts dossiers answers it; without one, every procedure counts the same.
 */
public interface ProcedureDemand {

	/** Dossiers received per procedure code since {@code since} (codes with none may be left out). */
	Map<String, Long> receivedSince(LocalDate since);
}
