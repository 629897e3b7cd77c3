/**
 * Thông báo: messages to applicants at every step of their dossier (e-mail, SMS, Zalo) and to staff (a consultation
 * waiting for their unit, the morning digest), from templates administrators edit. A message is written to the
 * outbox in the transaction of the change that causes it and sent afterwards by a worker of any instance, retried
 * with back-off, so a change is told once and nothing is lost (docs/adr/0011).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "calendar", "dossier", "identifiers", "identity", "programme",
		"organization", "platform" })
@NullMarked
package vn.motcua.notification;

import org.jspecify.annotations.NullMarked;
