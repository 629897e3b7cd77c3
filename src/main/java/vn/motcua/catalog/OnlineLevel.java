package vn.motcua.catalog;

/** Mức độ dịch vụ công trực tuyến. */
public enum OnlineLevel {
	/** Toàn trình — the whole procedure online, result included. */
	FULL,
	/** Một phần — part online, part at the counter. */
	PARTIAL,
	/** Not online. */
	NONE
}
