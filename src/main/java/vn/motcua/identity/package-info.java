/**
 * Who is acting: staff accounts and their roles in units, sign-in for the web (sessions in PostgreSQL)
 * and the API (short-lived signed tokens), two-factor codes, lockout and rate limits.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "identifiers", "organization", "platform" })
@NullMarked
package vn.motcua.identity;

import org.jspecify.annotations.NullMarked;
