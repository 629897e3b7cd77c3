package vn.motcua.dossier;

import java.util.List;
import java.util.Optional;
import vn.motcua.identity.Caller;

/** The dossiers of the province, as the caller may see and change them. */
public interface Dossiers {

	/** Files a dossier: online by a citizen, at the counter or by post by a one-stop officer. */
	Dossier file(FilingRequest request, Caller caller);

	/** Checks a filing exactly as {@link #file} would, writing nothing: the summary a filer confirms. */
	void check(FilingRequest request, Caller caller);

	/** Takes one action of the process; see {@link DossierAction}. */
	Dossier act(String code, ActionRequest request, Caller caller);

	/** The dossier, if the caller may see it (otherwise it is "not found"). */
	Dossier get(String code, Caller caller);

	Page list(DossierQuery query, Caller caller);

	List<Dossier.Event> history(String code, Caller caller);

	/**
	 * The dossier as it stands, for a module acting on its events (notifications, national sync) inside or after
	 * the change's transaction; never to answer a caller, who goes through {@link #get}.
	 */
	Optional<Dossier> find(String code);

	/** Public tracking: the dossier when the ID number (or tax code) is its applicant's. */
	Optional<Dossier> track(String code, String idNumber);

	/** The actions the caller may take on the dossier now, in the order of the process. */
	List<DossierAction> allowedActions(Dossier dossier, Caller caller);

	/** Working time left before the due date, supplement waits given back; empty without a due date or once ended. */
	Optional<java.time.Duration> remaining(Dossier dossier);

	/** The steps of the dossier's internal process, in order; empty under the default process. */
	List<Dossier.Step> steps(String code, Caller caller);

	/** Working time left in the current step of an internal process; negative once past its due time. */
	Optional<java.time.Duration> stepRemaining(Dossier dossier);

	/** The procedure case the dossier was filed under, as published then: its components and e-form. */
	java.util.Optional<vn.motcua.catalog.ProcedureDetail.Case> procedureCase(Dossier dossier);

	/** Seconds in a working day, to show working time in days. */
	int workingDaySeconds();

	/** How many open dossiers each of these staff members holds (assigned to them); none left out. */
	java.util.Map<String, Long> openByAssignee(java.util.Collection<String> usernames);

	record Page(List<Dossier> items, long total) {
	}
}
