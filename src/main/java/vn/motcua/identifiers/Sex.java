package vn.motcua.identifiers;

/** Giới tính as encoded in the personal identification number: even century digit male, odd female. */
public enum Sex {
	MALE, FEMALE
}
