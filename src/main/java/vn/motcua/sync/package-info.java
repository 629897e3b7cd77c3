/**
 * Đồng bộ Cổng DVCQG: every dossier received and every later change of its national status is delivered to the
 * national public-service portal ({@code DongBoHoSoMC} once, then {@code CapNhatTienDoHoSoMC}), through an outbox
 * written in the change's transaction and drained in order per dossier by a worker of any instance (docs/adr/0012).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "catalog", "dossier", "identity", "organization", "platform" })
@NullMarked
package vn.motcua.sync;

import org.jspecify.annotations.NullMarked;
