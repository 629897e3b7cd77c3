package vn.motcua.organization;

/** Where a unit sits in the two-level local government (from 1 July 2025) and what it was before. */
public enum AgencyLevel {
	/** UBND tỉnh — the provincial People's Committee. */
	PROVINCE,
	/** Sở, ban, ngành — a provincial department or branch. */
	DEPARTMENT,
	/** Trung tâm Phục vụ hành chính công — a public administration service centre. */
	CENTRE,
	/** Phòng, chi cục — a division inside a department. */
	DIVISION,
	/** UBND xã, phường, đặc khu — a commune-level People's Committee. */
	COMMUNE,
	/** UBND huyện, thị xã, thành phố thuộc tỉnh — the district level, abolished on 1 July 2025. */
	DISTRICT
}
