package vn.motcua.identity;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Time-based one-time codes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), one step of drift allowed. */
final class Totp {

	private static final int STEP_SECONDS = 30;
	private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private Totp() {
	}

	static boolean verify(String base32Secret, String code, Instant now) {
		if (code == null || !code.matches("\\d{6}")) {
			return false;
		}
		long step = now.getEpochSecond() / STEP_SECONDS;
		boolean ok = false;
		for (long s = step - 1; s <= step + 1; s++) {
			// compare every candidate in constant time so the answer's timing tells nothing
			ok |= MessageDigest.isEqual(code(base32Secret, s).getBytes(), code.getBytes());
		}
		return ok;
	}

	static String code(String base32Secret, long step) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(decodeBase32(base32Secret), "HmacSHA1"));
			byte[] h = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(step).array());
			int offset = h[h.length - 1] & 0xf;
			int binary = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16) | ((h[offset + 2] & 0xff) << 8)
					| (h[offset + 3] & 0xff);
			return String.format("%06d", binary % 1_000_000);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	static byte[] decodeBase32(String s) {
		String clean = s.replace("=", "").replace(" ", "").toUpperCase();
		byte[] out = new byte[clean.length() * 5 / 8];
		int buffer = 0;
		int bits = 0;
		int index = 0;
		for (char c : clean.toCharArray()) {
			int v = BASE32.indexOf(c);
			if (v < 0) {
				throw new IllegalArgumentException("not base32: " + c);
			}
			buffer = (buffer << 5) | v;
			bits += 5;
			if (bits >= 8) {
				out[index++] = (byte) (buffer >> (bits - 8));
				bits -= 8;
			}
		}
		return out;
	}

	static String encodeBase32(byte[] bytes) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
		StringBuilder out = new StringBuilder();
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				out.append(alphabet.charAt((buffer >> (bits - 5)) & 31));
				bits -= 5;
			}
		}
		if (bits > 0) {
			out.append(alphabet.charAt((buffer << (5 - bits)) & 31));
		}
		return out.toString();
	}
}
