package vn.motcua.dossier;

import java.util.EnumSet;
import java.util.Set;

/** Trạng thái hồ sơ with its national code (Cổng DVCQG {@code TrangThaiHoSo}). */
public enum DossierStatus {
	/** Mới đăng ký — filed online, waiting for reception. */
	SUBMITTED(1),
	/** Được tiếp nhận. */
	RECEIVED(2),
	/** Không được tiếp nhận. */
	REFUSED(3),
	/** Đang xử lý. */
	PROCESSING(4),
	/** Yêu cầu bổ sung giấy tờ — the clock stops. */
	SUPPLEMENT_REQUESTED(5),
	/** Yêu cầu thực hiện nghĩa vụ tài chính. */
	PAYMENT_REQUESTED(6),
	/** Công dân yêu cầu rút hồ sơ. */
	WITHDRAWN(7),
	/** Dừng xử lý. */
	STOPPED(8),
	/** Đã xử lý xong. */
	FINISHED(9),
	/** Đã trả kết quả. */
	RETURNED(10);

	/** Received and not yet decided: the deadline runs (or is paused). */
	public static final Set<DossierStatus> OPEN = EnumSet.of(RECEIVED, PROCESSING, SUPPLEMENT_REQUESTED,
			PAYMENT_REQUESTED);

	/** Open with the clock running: a supplement request stops it. */
	public static final Set<DossierStatus> CLOCK_RUNNING = EnumSet.of(RECEIVED, PROCESSING, PAYMENT_REQUESTED);

	/** Nothing more happens to it. */
	public static final Set<DossierStatus> ENDED = EnumSet.of(REFUSED, WITHDRAWN, STOPPED, RETURNED);

	/** Ended without a result: nothing is collected, and what was paid is refunded. */
	public static final Set<DossierStatus> ENDED_WITHOUT_RESULT = EnumSet.of(REFUSED, WITHDRAWN, STOPPED);

	/** The statuses as an SQL list of literals, such as {@code 'RECEIVED', 'PROCESSING'}, in declaration order. */
	public static String sql(Set<DossierStatus> statuses) {
		return java.util.Arrays.stream(values())
			.filter(statuses::contains)
			.map(s -> "'" + s.name() + "'")
			.collect(java.util.stream.Collectors.joining(", "));
	}

	private final int nationalCode;

	DossierStatus(int nationalCode) {
		this.nationalCode = nationalCode;
	}

	public int nationalCode() {
		return nationalCode;
	}

	public static DossierStatus ofNationalCode(int code) {
		for (DossierStatus s : values()) {
			if (s.nationalCode == code) {
				return s;
			}
		}
		throw new IllegalArgumentException("no national status " + code);
	}
}
