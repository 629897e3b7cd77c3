/**
 * The procedure catalog (danh mục thủ tục hành chính): procedures and their published versions, cases
 * with time limits and fees per channel, required documents, internal procedures, imports, and the
 * citizens' search.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "identity", "organization", "platform" })
@NullMarked
package vn.motcua.catalog;

import org.jspecify.annotations.NullMarked;
