/**
 * Hồ sơ — dossiers from submission to result: filing on the three channels, the one-stop status machine
 * with the national status codes, supplements, extension, stop and withdrawal, the gap-free dossier code,
 * history and audit of every change in its transaction, and who may see what.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "calendar", "catalog", "document", "identifiers", "identity", "organization", "platform", "registry" })
@NullMarked
package vn.motcua.dossier;

import org.jspecify.annotations.NullMarked;
