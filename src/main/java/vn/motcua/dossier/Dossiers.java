package vn.motcua.dossier;

import java.util.List;
import java.util.Optional;

/** The dossiers of the province, as the caller may see and change them. */
public interface Dossiers {

	/** Files a dossier: online by a citizen, at the counter or by post by a one-stop officer. */
	Dossier file(FilingRequest request, Caller caller);

	/** Takes one action of the process; see {@link DossierAction}. */
	Dossier act(String code, ActionRequest request, Caller caller);

	/** The dossier, if the caller may see it (otherwise it is "not found"). */
	Dossier get(String code, Caller caller);

	Page list(DossierQuery query, Caller caller);

	List<Dossier.Event> history(String code, Caller caller);

	/** Public tracking: the dossier when the ID number (or tax code) is its applicant's. */
	Optional<Dossier> track(String code, String idNumber);

	record Page(List<Dossier> items, long total) {
	}
}
