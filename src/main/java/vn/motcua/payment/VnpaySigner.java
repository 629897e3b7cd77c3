package vn.motcua.payment;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signatures of VNPAY 2.1.0: HMAC-SHA512 in lower-case hex over the sorted {@code vnp_} parameters, each
 * value form-encoded as {@link URLEncoder} does (docs/api.md), for payment URLs, returns and IPNs; and over the
 * {@code |}-joined fields of the querydr and refund calls.
 */
public final class VnpaySigner {

	public static final String HASH = "vnp_SecureHash";
	public static final String HASH_TYPE = "vnp_SecureHashType";

	private final byte[] secret;

	public VnpaySigner(String secret) {
		this.secret = secret.getBytes(StandardCharsets.UTF_8);
	}

	/** The string signed for a parameter set: sorted by name, {@code name=encoded value} joined by {@code &}. */
	public static String hashData(Map<String, String> params) {
		return new TreeMap<>(params).entrySet()
			.stream()
			.filter(e -> e.getKey().startsWith("vnp_") && !e.getKey().equals(HASH) && !e.getKey().equals(HASH_TYPE))
			.filter(e -> e.getValue() != null && !e.getValue().isEmpty())
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	public String sign(Map<String, String> params) {
		return hmac(hashData(params));
	}

	/** The query string of a signed payment URL: the parameters as signed, then the hash. */
	public String signedQuery(Map<String, String> params) {
		String data = hashData(params);
		return data + "&" + HASH + "=" + hmac(data);
	}

	/** Whether the parameters carry a valid signature; compared in constant time. */
	public boolean verify(Map<String, String> params) {
		String given = params.get(HASH);
		if (given == null || given.isBlank()) {
			return false;
		}
		return MessageDigest.isEqual(hmac(hashData(params)).getBytes(StandardCharsets.US_ASCII),
				given.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
	}

	/** The signature of the {@code |}-joined fields of a querydr or refund request or response. */
	public String signFields(String... fields) {
		return hmac(java.util.Arrays.stream(fields).map(f -> Objects.toString(f, "")).collect(Collectors.joining("|")));
	}

	public String hmac(String data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA512");
			mac.init(new SecretKeySpec(secret, "HmacSHA512"));
			return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException e) {
			throw new IllegalStateException(e);
		}
	}
}
