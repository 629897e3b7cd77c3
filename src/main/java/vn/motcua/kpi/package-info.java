/**
 * Chỉ số Quyết định 766: the province's operational rates (online submission, on time, online payment,
 * digitization) for any period and unit subtree, exactly as api.md defines them, and the Decision 766 groups
 * the system's data supports, each indicator with its ratio, numerator, denominator, score and maximum.
 */
@NullMarked
package vn.motcua.kpi;

import org.jspecify.annotations.NullMarked;
