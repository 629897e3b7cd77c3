/**
 * Tài liệu — files people hand in and results handed out: checked by content and size, stored with a safe
 * name and a SHA-256, on the filesystem under the data directory by default, behind {@link DocumentStore}
 * so that an S3-compatible store can take its place.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "identity", "platform" })
@NullMarked
package vn.motcua.document;

import org.jspecify.annotations.NullMarked;
