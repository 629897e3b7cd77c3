/**
 * Phí, lệ phí and online payment: payment attempts for what a dossier owes, held as a state machine; the
 * VNPAY 2.1.0 protocol (signed payment URL, IPN, return, querydr, refund) behind a gateway port; cash and
 * transfer recorded at the counter; the mop-up of attempts left pending, refunds of double payments and of
 * dossiers refused or stopped after payment, daily reconciliation, and electronic receipts.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "document", "dossier", "identity", "organization", "platform" })
@NullMarked
package vn.motcua.payment;

import org.jspecify.annotations.NullMarked;
