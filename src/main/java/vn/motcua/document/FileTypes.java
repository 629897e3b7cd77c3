package vn.motcua.document;

import java.util.Optional;

/**
 * What a file is, from its first bytes rather than its name or the browser's word: PDF, JPEG and PNG are
 * accepted (scans and photos of papers, signed PDFs).
 */
final class FileTypes {

	private FileTypes() {
	}

	static Optional<String> sniff(byte[] head, int length) {
		if (starts(head, length, new byte[] { '%', 'P', 'D', 'F', '-' })) {
			return Optional.of("application/pdf");
		}
		if (starts(head, length, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF })) {
			return Optional.of("image/jpeg");
		}
		if (starts(head, length, new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' })) {
			return Optional.of("image/png");
		}
		return Optional.empty();
	}

	/** The name without any path, control characters or reserved punctuation, at most 120 characters. */
	static String safeName(String name, String contentType) {
		String base = vn.motcua.platform.TextRules.safeFileName(name);
		base = base.replaceAll("[<>:\"|?*]", "").replaceAll("\\s+", " ").strip();
		while (base.startsWith(".")) {
			base = base.substring(1);
		}
		if (base.isEmpty()) {
			base = "tai-lieu";
		}
		String extension = switch (contentType) {
			case "application/pdf" -> ".pdf";
			case "image/jpeg" -> ".jpg";
			default -> ".png";
		};
		if (!base.toLowerCase(java.util.Locale.ROOT).endsWith(extension)
				&& !(extension.equals(".jpg") && base.toLowerCase(java.util.Locale.ROOT).endsWith(".jpeg"))) {
			base = base + extension;
		}
		return base.length() > 120 ? base.substring(0, 120 - extension.length()) + extension : base;
	}

	private static boolean starts(byte[] head, int length, byte[] magic) {
		if (length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if (head[i] != magic[i]) {
				return false;
			}
		}
		return true;
	}
}
