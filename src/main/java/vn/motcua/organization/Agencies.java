package vn.motcua.organization;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Look-ups in the agency tree. */
public interface Agencies {

	Optional<Agency> find(String code);

	/** Units valid on {@code day}, parents before children, then by code. */
	List<Agency> validOn(LocalDate day);

	/** Every unit ever recorded, including those merged away. */
	List<Agency> all();

	/** True when {@code ancestor} is {@code code} or one of its ancestors. */
	boolean isWithin(String code, String ancestor);

	/** Codes of {@code code} and all units below it. */
	List<String> subtree(String code);
}
