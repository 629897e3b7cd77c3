package vn.motcua.dossier;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.catalog.OnlineLevel;
import vn.motcua.catalog.ProcedureDetail;
import vn.motcua.catalog.ProcedureSettings;
import vn.motcua.catalog.Procedures;
import vn.motcua.dossier.FilingRequest.ApplicantInput;
import vn.motcua.identifiers.PersonalIdNumber;
import vn.motcua.identifiers.PhoneNumber;
import vn.motcua.identifiers.TaxCode;
import vn.motcua.identity.AssuranceLevel;
import vn.motcua.identity.Role;
import vn.motcua.organization.Agencies;
import vn.motcua.organization.Agency;
import vn.motcua.platform.InvalidFields;
import vn.motcua.platform.Texts;
import vn.motcua.registry.RegistryLookups;
import vn.motcua.registry.RegistryPurpose;
import vn.motcua.identity.Caller;

/**
 * Tiếp nhận hồ sơ on the three channels: a signed-in citizen files online (status SUBMITTED, received at the
 * provincial portal's unit); a one-stop officer files at the counter or by post and the dossier is received
 * at once at the officer's unit, with its appointment date. The deciding unit is the procedure's competent
 * authority wherever the dossier was received (Nghị định 118/2025/NĐ-CP). The registry check runs before the
 * transaction and never blocks; the code, row, history and audit are one transaction.
 */
@Service
class DossierFiling {

	private final Procedures procedures;
	private final ProcedureSettings settings;
	private final Agencies agencies;
	private final RegistryLookups registry;
	private final DossierCodes codes;
	private final Deadlines deadlines;
	private final DossierJournal journal;
	private final JdbcDossierRepository repository;
	private final FilingContents contents;
	private final TransactionTemplate tx;
	private final Clock clock;
	private final String onlineUnit;

	DossierFiling(Procedures procedures, ProcedureSettings settings, Agencies agencies, RegistryLookups registry,
			DossierCodes codes, Deadlines deadlines, DossierJournal journal, JdbcDossierRepository repository,
			FilingContents contents, TransactionTemplate tx, Clock clock,
			@Value("${motcua.dossier.online-receiving-unit:TTPVHCC}") String onlineUnit) {
		this.procedures = procedures;
		this.settings = settings;
		this.agencies = agencies;
		this.registry = registry;
		this.codes = codes;
		this.deadlines = deadlines;
		this.journal = journal;
		this.repository = repository;
		this.contents = contents;
		this.tx = tx;
		this.clock = clock;
		this.onlineUnit = onlineUnit;
	}

	/** A filing that passed every check, ready to be written. */
	record Checked(Channel channel, Applicant applicant, ProcedureDetail procedure, ProcedureDetail.Case procedureCase,
			FilingContents.Checked contents, @Nullable String note) {
	}

	/**
	 * Every check a filing must pass, all mistakes reported together, without writing anything: the page's
	 * summary before confirming runs it, and so does filing.
	 */
	Checked check(FilingRequest request, Caller caller) {
		if (!caller.citizen() && !caller.has(Role.ONE_STOP_OFFICER)) {
			throw new DossierProblems.ActionForbidden("Chỉ công dân (trực tuyến) và cán bộ một cửa được nộp hồ sơ.");
		}
		InvalidFields.Collector errors = new InvalidFields.Collector();
		Channel channel = channel(request.channel(), caller, errors);
		Applicant applicant = applicant(request.applicant(), errors);
		Optional<ProcedureDetail> procedure = Optional.ofNullable(request.procedureCode())
			.flatMap(code -> procedures.find(code.strip(), !caller.citizen()));
		if (procedure.isEmpty()) {
			errors.add("procedureCode", "dossier.procedure.unknown");
		}
		ProcedureDetail.Case procedureCase = procedure.flatMap(p -> procedureCase(p, request.caseCode())).orElse(null);
		if (procedure.isPresent() && procedureCase == null) {
			errors.add("caseCode", "dossier.case.unknown");
		}
		if (procedure.isPresent() && channel == Channel.ONLINE
				&& procedure.get().summary().onlineLevel() == OnlineLevel.NONE) {
			errors.add("channel", "dossier.channel.not-online");
		}
		if (request.note() != null && !vn.motcua.platform.TextRules.fits(request.note(), vn.motcua.platform.TextRules.FREE_TEXT)) {
			errors.add("note", "dossier.note.too-long");
		}
		FilingContents.Checked handedIn = procedureCase == null ? null
				: contents.check(procedureCase, request.formData(), request.documents(), caller, errors);
		errors.throwIfAny();
		ProcedureDetail p = procedure.orElseThrow();
		if (caller.citizen()) {
			AssuranceLevel.check(caller.assuranceLevel(), settings.minAssuranceLevel(p.summary().code()));
		}
		return new Checked(java.util.Objects.requireNonNull(channel), applicant, p,
				java.util.Objects.requireNonNull(procedureCase), java.util.Objects.requireNonNull(handedIn), request.note());
	}

	Dossier file(FilingRequest request, Caller caller) {
		Checked k = check(request, caller);
		Agency receiving = agencies.find(caller.citizen() ? onlineUnit : String.valueOf(caller.unitCode()))
			.orElseThrow(() -> new DossierProblems.ActionForbidden("Tài khoản chưa thuộc đơn vị tiếp nhận nào."));
		RegistryLookups.Verification check = registryCheck(k.applicant(), caller, k.procedure().summary().code());
		String registryCheck = check == null ? "NOT_CHECKED" : check.result().name();
		String code = tx.execute(s -> {
			String filed = insert(k, registryCheck, receiving, caller);
			if (check != null) {
				registry.linkToDossier(check.lookupId(), filed);
			}
			return filed;
		});
		return repository.reload(code, List.of()); // a new dossier has no supplements
	}

	private String insert(Checked k, String registryCheck, Agency receiving, Caller caller) {
		ProcedureDetail p = k.procedure();
		ProcedureDetail.Case c = k.procedureCase();
		Channel channel = k.channel();
		Applicant a = k.applicant();
		String note = k.note();
		FilingContents.Checked handedIn = k.contents();
		Instant now = clock.instant();
		String code = codes.next(receiving, now);
		boolean received = channel != Channel.ONLINE;
		DossierStatus status = received ? DossierStatus.RECEIVED : DossierStatus.SUBMITTED;
		Instant due = received ? deadlines.due(now, c) : null;
		long fee = c.feesVnd().getOrDefault(channel.name(), 0L);
		repository.insert(new JdbcDossierRepository.NewDossier(code, p.summary().code(), p.publication().version(),
				c.code(), p.summary().agencyCode(), receiving.code(), channel, status, a, caller.username(),
				caller.citizen() ? caller.assuranceLevel() : null, caller.citizen(), note, now, received ? now : null, due,
				fee, registryCheck, handedIn.formData()));
		contents.hold(code, handedIn.components(), caller.username(), now);
		Map<String, Object> details = new java.util.LinkedHashMap<>(Map.of("channel", channel.name(), "procedure",
				p.summary().code(), "receivingUnit", receiving.code(), "registryCheck", registryCheck, "components",
				handedIn.components().stream().map(h -> h.component() + ":" + h.kind()).toList()));
		if (due != null) {
			details.put("dueAt", vn.motcua.platform.ApiTime.format(due));
		}
		journal.record(code, p.summary().agencyCode(), now, caller.username(), received ? "RECEIVE" : "SUBMIT", null,
				status, note, details);
		return code;
	}

	/** Checked against the population database; a failure or outage is recorded, never a refusal. */
	private RegistryLookups.@Nullable Verification registryCheck(Applicant a, Caller caller, String procedureCode) {
		if (a.idNumber() == null || a.fullName() == null || a.dateOfBirth() == null) {
			return null;
		}
		return registry.verify(a.idNumber(), a.fullName(), a.dateOfBirth(),
				new RegistryPurpose(caller.username(), "Tiếp nhận hồ sơ thủ tục " + procedureCode, null));
	}

	private static @Nullable Channel channel(@Nullable String text, Caller caller, InvalidFields.Collector errors) {
		Channel channel;
		try {
			channel = text == null ? null : Channel.valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			channel = null;
		}
		if (channel == null) {
			errors.add("channel", "dossier.channel.unknown");
			return null;
		}
		if (caller.citizen() != (channel == Channel.ONLINE)) {
			errors.add("channel", caller.citizen() ? "dossier.channel.citizen" : "dossier.channel.officer");
		}
		return channel;
	}

	private static Optional<ProcedureDetail.Case> procedureCase(ProcedureDetail p, @Nullable String caseCode) {
		if (caseCode == null || caseCode.isBlank()) {
			return Optional.of(p.defaultCase());
		}
		return p.cases().stream().filter(c -> c.code().equals(caseCode.strip())).findFirst();
	}

	/** Checks the applicant as docs/api.md says: ID number against the birth date, tax code, phone, e-mail. */
	static Applicant applicant(@Nullable ApplicantInput in, InvalidFields.Collector errors) {
		if (in == null) {
			errors.add("applicant", "dossier.applicant.required");
			return new Applicant("CITIZEN", null, null, null, null, null, null, null, null);
		}
		String type = in.type() == null ? "CITIZEN" : in.type().strip().toUpperCase(Locale.ROOT);
		if (!type.equals("CITIZEN") && !type.equals("BUSINESS")) {
			errors.add("applicant.type", "dossier.applicant.type");
		}
		LocalDate born = null;
		if (Texts.strippedOrNull(in.dateOfBirth()) != null) {
			try {
				born = LocalDate.parse(in.dateOfBirth().strip());
				if (born.getYear() < 1900) {
					errors.add("applicant.dateOfBirth", "dossier.applicant.date-of-birth");
				}
			}
			catch (DateTimeParseException e) {
				errors.add("applicant.dateOfBirth", "dossier.applicant.date-of-birth");
			}
		}
		String idNumber = Texts.strippedOrNull(in.idNumber());
		String name = Texts.strippedOrNull(in.fullName());
		boolean citizen = type.equals("CITIZEN");
		if (citizen || idNumber != null) {
			PersonalIdNumber.check(idNumber, born, null).ifPresent(f -> errors.add("applicant.idNumber", f.messageKey()));
		}
		if (citizen && name == null) {
			errors.add("applicant.fullName", "dossier.applicant.full-name");
		}
		if (citizen && born == null && !errors.has("applicant.dateOfBirth")) {
			errors.add("applicant.dateOfBirth", "dossier.applicant.date-of-birth");
		}
		String taxCode = Texts.strippedOrNull(in.taxCode());
		if (!citizen) {
			TaxCode.check(taxCode).ifPresent(f -> errors.add("applicant.taxCode", f.messageKey()));
			if (Texts.strippedOrNull(in.businessName()) == null) {
				errors.add("applicant.businessName", "dossier.applicant.business-name");
			}
		}
		else if (taxCode != null) {
			TaxCode.check(taxCode).ifPresent(f -> errors.add("applicant.taxCode", f.messageKey()));
		}
		String phone = null;
		if (Texts.strippedOrNull(in.phone()) != null) {
			phone = PhoneNumber.normalize(in.phone()).orElse(null);
			if (phone == null) {
				errors.add("applicant.phone", "identifiers.phone");
			}
		}
		String email = Texts.strippedOrNull(in.email());
		if (email != null && !vn.motcua.identifiers.EmailAddress.isValid(email)) {
			errors.add("applicant.email", "identifiers.email");
		}
		if (name != null && name.length() > 200 || Texts.strippedOrNull(in.address()) != null && in.address().length() > 500) {
			errors.add("applicant", "dossier.applicant.too-long");
		}
		return new Applicant(type, idNumber, name, born, taxCode, Texts.strippedOrNull(in.businessName()), phone, email,
				Texts.strippedOrNull(in.address()));
	}
}
