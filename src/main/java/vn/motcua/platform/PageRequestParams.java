package vn.motcua.platform;

/** The list convention of the API: {@code page} from 0, {@code size} 1–100. */
public final class PageRequestParams {

	private PageRequestParams() {
	}

	public static void check(int page, int size) {
		if (page < 0) {
			throw new InvalidParameter("page", "page phải ≥ 0");
		}
		if (size < 1 || size > 100) {
			throw new InvalidParameter("size", "size phải từ 1 đến 100");
		}
	}
}
