/**
 * Shared infrastructure every module relies on: the run mode (demo or production), the database
 * (embedded PostgreSQL by default), the injected clock, problem+json error answers and command support.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {  })
@NullMarked
package vn.motcua.platform;

import org.jspecify.annotations.NullMarked;
