package vn.motcua.calendar;

import org.springframework.http.HttpStatus;

import vn.motcua.platform.DomainProblem;

/** A date the calendar does not cover (supported years: 1900–2199). */
public class OutsideSupportedYears extends DomainProblem {

	public OutsideSupportedYears(String detail) {
		super(HttpStatus.BAD_REQUEST, "outside-supported-years", "Ngoài phạm vi lịch hỗ trợ (1900–2199): " + detail);
	}
}
