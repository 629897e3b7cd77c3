package vn.motcua.payment;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The VNPAY signature against vectors computed outside Java (Python's {@code hmac} with {@code quote_plus},
 * '*' kept and '~' as %7E, as api.md fixes the encoding).
 */
class VnpaySignerTest {

	private final VnpaySigner signer = new VnpaySigner("motcua-demo-secret");

	@Test
	void spacesStarsTildesAndParenthesesAreEncodedAsJavaFormsDoAndSigned() {
		Map<String, String> p = new HashMap<>();
		p.put("vnp_TmnCode", "MOTCUA01");
		p.put("vnp_Amount", "15000000");
		p.put("vnp_OrderInfo", "Thanh toan le phi ho so ~ (ma*)");
		p.put("vnp_TxnRef", "000.00.01.H12-261126-0001-1");
		p.put("vnp_ResponseCode", "00");
		p.put("vnp_TransactionStatus", "00");
		p.put("vnp_TransactionNo", "14000001");
		p.put("vnp_PayDate", "20261126101500");
		p.put("vnp_BankCode", "NCB");
		assertThat(VnpaySigner.hashData(p)).isEqualTo("vnp_Amount=15000000&vnp_BankCode=NCB"
				+ "&vnp_OrderInfo=Thanh+toan+le+phi+ho+so+%7E+%28ma*%29&vnp_PayDate=20261126101500&vnp_ResponseCode=00"
				+ "&vnp_TmnCode=MOTCUA01&vnp_TransactionNo=14000001&vnp_TransactionStatus=00"
				+ "&vnp_TxnRef=000.00.01.H12-261126-0001-1");
		String expected = "b8867f8051b35196e55cde1cd55708891978ed809d7aa643b6c0d382a5a6195f092d573eb7b27e90666f774be4ca1b73"
				+ "bc44f01cb6d73bed8a6390e6a7cbf2db";
		assertThat(signer.sign(p)).isEqualTo(expected);

		p.put(VnpaySigner.HASH, expected.toUpperCase());
		p.put(VnpaySigner.HASH_TYPE, "HmacSHA512");
		p.put("other", "not a vnp_ field");
		assertThat(signer.verify(p)).as("hash fields and non-vnp_ fields are left out").isTrue();
		p.put("vnp_Amount", "15000100");
		assertThat(signer.verify(p)).isFalse();
	}

	@Test
	void vietnameseTextIsSignedOverItsUtf8Bytes() {
		Map<String, String> p = Map.of("vnp_OrderInfo", "Lệ phí cấp giấy phép xây dựng", "vnp_Amount", "7500000",
				"vnp_TmnCode", "MOTCUA01");
		assertThat(VnpaySigner.hashData(p)).isEqualTo("vnp_Amount=7500000"
				+ "&vnp_OrderInfo=L%E1%BB%87+ph%C3%AD+c%E1%BA%A5p+gi%E1%BA%A5y+ph%C3%A9p+x%C3%A2y+d%E1%BB%B1ng&vnp_TmnCode=MOTCUA01");
		assertThat(signer.sign(p)).isEqualTo("231ac5769525f81946dda3e08b33555333dbd4f2f5039efed4774ab18386d40bd77ad3f7ba"
				+ "851c58b718c6d09da73d66edda074b925f9420737aab2bede4e23a");
		assertThat(new VnpaySigner("another-secret").verify(Map.of("vnp_Amount", "7500000", VnpaySigner.HASH,
				signer.sign(p)))).isFalse();
	}

	@Test
	void merchantApiCallsAreSignedOverPipeJoinedFieldsWithMissingOnesEmpty() {
		assertThat(signer.signFields("a", "b", null, "2.1.0")).isEqualTo("78039539159d14ce8ede74c0e795c787fa92b17b65e79f4"
				+ "9f1464e81208a6298a3f5bc05c2efd8226475227eada88226fbf65518522e10cf3edb57404c9681a6");
	}

	@Test
	void amountsReadInVietnameseWords() {
		assertThat(VietnameseAmount.words(150_000)).isEqualTo("Một trăm năm mươi nghìn đồng");
		assertThat(VietnameseAmount.words(1_005_000)).isEqualTo("Một triệu không trăm linh năm nghìn đồng");
		assertThat(VietnameseAmount.words(25_000)).isEqualTo("Hai mươi lăm nghìn đồng");
		assertThat(VietnameseAmount.words(21_000)).isEqualTo("Hai mươi mốt nghìn đồng");
		assertThat(VietnameseAmount.words(14_500)).isEqualTo("Mười bốn nghìn năm trăm đồng");
		assertThat(VietnameseAmount.words(1_000_000_000)).isEqualTo("Một tỷ đồng");
		assertThat(VietnameseAmount.words(0)).isEqualTo("Không đồng");
	}

	@Test
	void theTransitionTableLetsALatePaymentSettleAnExpiredAttemptAndNothingLeaveAnEnd() {
		assertThat(PaymentStatus.EXPIRED.mayBecome(PaymentStatus.PAID)).isTrue();
		assertThat(PaymentStatus.PAID.mayBecome(PaymentStatus.REFUNDED)).isTrue();
		assertThat(PaymentStatus.PAID.mayBecome(PaymentStatus.FAILED)).isFalse();
		assertThat(PaymentStatus.REFUNDED.mayBecome(PaymentStatus.PAID)).isFalse();
		assertThat(PaymentStatus.CANCELLED.mayBecome(PaymentStatus.PAID)).isFalse();
		assertThat(PaymentStatus.EXPIRED.endedForIpn()).as("a late IPN for an expired attempt is still heard").isFalse();
	}
}
