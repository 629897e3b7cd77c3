/**
 * Chỉ số Quyết định 766: the province's operational rates (online submission, on time, online payment,
 * digitization) for any period and unit subtree, exactly as docs/api.md defines them, and the Decision 766 groups
 * the system's data supports, each indicator with its ratio, numerator, denominator, score and maximum.
 *
 * <p>Figures come from rollups the database keeps in the transaction that changes a dossier (triggers of V21,
 * folded by {@code KpiCompaction}); {@code KpiCalculator} is the rule applied to the dossiers directly, the
 * reference {@code kpi:rebuild} and the tests check the rollups against.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "catalog", "dossier", "identity", "organization", "platform" })
@NullMarked
package vn.motcua.kpi;

import org.jspecify.annotations.NullMarked;
