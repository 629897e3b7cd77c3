package vn.motcua.catalog;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Đối tượng thực hiện — whom a procedure serves; the share of business procedures online is reported on it. */
public enum Audience {
	CITIZEN, BUSINESS, BOTH;

	private static final Pattern BUSINESS_WORDS = Pattern
		.compile("doanh nghiệp|tổ chức|hợp tác xã|hộ kinh doanh|nhà đầu tư|công ty");
	private static final Pattern CITIZEN_WORDS = Pattern.compile("công dân|cá nhân");

	/** Read from the published applicant types (as V25 did for stored versions); citizens when they say nothing. */
	public static Audience of(List<String> applicantTypes) {
		boolean business = applicantTypes.stream().anyMatch(t -> BUSINESS_WORDS.matcher(t.toLowerCase(Locale.ROOT)).find());
		boolean citizen = applicantTypes.stream().anyMatch(t -> CITIZEN_WORDS.matcher(t.toLowerCase(Locale.ROOT)).find());
		return business ? citizen ? BOTH : BUSINESS : CITIZEN;
	}

	/** Businesses can use it. */
	public boolean servesBusinesses() {
		return this != CITIZEN;
	}
}
