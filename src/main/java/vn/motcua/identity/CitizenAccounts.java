package vn.motcua.identity;

import java.util.Optional;

/** Reads citizen accounts; they are written only by the e-ID sign-in. */
public interface CitizenAccounts {

	Optional<CitizenAccount> find(String idNumber);
}
