/**
 * The agency tree (cơ cấu tổ chức): province, departments, service centres and communes, with their
 * electronic identifiers and validity dates, so units merged away keep their history.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "platform" })
@NullMarked
package vn.motcua.organization;

import org.jspecify.annotations.NullMarked;
