package vn.motcua.platform;

import java.time.ZoneId;

/** Time zones the law counts in. */
public final class Zones {

	/** Asia/Ho_Chi_Minh (UTC+7, no daylight saving): deadlines, dates shown to people, reporting periods. */
	public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private Zones() {
	}
}
