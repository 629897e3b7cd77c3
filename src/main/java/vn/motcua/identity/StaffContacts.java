package vn.motcua.identity;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** Staff members' contact details, read by the modules that write to them. */
public interface StaffContacts {

	Optional<StaffContact> find(String username);

	/** The enabled accounts of a unit. */
	List<StaffContact> ofUnit(String unitCode);

	/** The enabled specialists and leaders who want the morning digest and can be reached. */
	List<StaffContact> wantingDigest();

	/** Sets the member's own contact details (checked, audited); {@code actor} is the member or an administrator. */
	StaffContact update(String username, @Nullable String email, @Nullable String phone, boolean digest, String actor);
}
