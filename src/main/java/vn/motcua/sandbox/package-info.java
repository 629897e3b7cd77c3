/**
 * Sandboxes of the national systems MotCua cannot reach from a demo or a test: the National Population
 * Database (a synthetic population served over HTTP) and the VNeID sign-in provider (OpenID Connect). They
 * exist only in demo mode and speak to MotCua over the same protocols as the real systems, never through
 * Java calls, so going live is a change of configuration.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "identifiers", "payment", "platform" })
@NullMarked
package vn.motcua.sandbox;

import org.jspecify.annotations.NullMarked;
