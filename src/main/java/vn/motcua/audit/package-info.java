/**
 * The audit log (nhật ký): an append-only, hash-chained record of every state change, written in the
 * same transaction as the change it records, and a verifier that detects any tampering.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform" })
@NullMarked
package vn.motcua.audit;

import org.jspecify.annotations.NullMarked;
