package vn.motcua.payment;

/** Trực tuyến through the gateway, or recorded at the counter: tiền mặt, chuyển khoản. */
public enum PaymentMethod {
	ONLINE, CASH, TRANSFER
}
