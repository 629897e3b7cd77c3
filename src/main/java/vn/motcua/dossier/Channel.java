package vn.motcua.dossier;

/** Kênh thực hiện, with its national code ({@code KenhThucHien}). */
public enum Channel {
	/** Trực tiếp — at the one-stop desk. */
	COUNTER(1),
	/** Trực tuyến. */
	ONLINE(2),
	/** Qua dịch vụ bưu chính công ích. */
	POSTAL(3);

	private final int nationalCode;

	Channel(int nationalCode) {
		this.nationalCode = nationalCode;
	}

	public int nationalCode() {
		return nationalCode;
	}
}
