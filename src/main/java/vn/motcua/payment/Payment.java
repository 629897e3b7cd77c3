package vn.motcua.payment;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One attempt to pay what a dossier owes. */
public record Payment(UUID id, String txnRef, String dossierCode, long amountVnd, PaymentMethod method,
		PaymentStatus status, Instant createdAt, String createdBy, @Nullable Instant expiresAt,
		@Nullable String gatewayTransactionNo, @Nullable String bankCode, @Nullable String responseCode,
		@Nullable Instant paidAt, boolean refundDue, @Nullable String refundReason, @Nullable Instant refundedAt,
		@Nullable String receiptNumber, @Nullable UUID receiptDocument, int version) {

	public boolean expired(Instant now) {
		return expiresAt != null && !now.isBefore(expiresAt);
	}
}
