/**
 * Hồ sơ — dossiers from submission to result: filing on the three channels, the one-stop status machine
 * with the national status codes, supplements, extension, stop and withdrawal, the gap-free dossier code,
 * history and audit of every change in its transaction, and who may see what.
 */
@NullMarked
package vn.motcua.dossier;

import org.jspecify.annotations.NullMarked;
