/**
 * Chất lượng dữ liệu "đúng, đủ, sạch, sống": rules as data over applicants, dossiers, the catalog and the agency
 * tree, runs scored per dataset, dimension and unit, a correction queue worked by the units that own the records, and
 * re-verification of old identities against the population database (docs/adr/0016).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "dossier", "identity", "organization", "platform", "registry" })
@NullMarked
package vn.motcua.quality;

import org.jspecify.annotations.NullMarked;
