/**
 * The port to the National Population Database (CSDL quốc gia về dân cư): verify who an applicant is and
 * look up their data for prefill, through an HTTP adapter with timeouts, retries and a circuit breaker, and a
 * log of every lookup — who, why, for which dossier, when, and hashes of what was exchanged — that the
 * citizen can read (Nghị định 13/2023/NĐ-CP on personal data).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "identifiers", "platform" })
@NullMarked
package vn.motcua.registry;

import org.jspecify.annotations.NullMarked;
