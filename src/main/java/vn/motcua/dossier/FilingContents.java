package vn.motcua.dossier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.motcua.catalog.EForm;
import vn.motcua.catalog.ProcedureDetail;
import vn.motcua.document.PersonalDocuments;
import vn.motcua.document.StoredDocument;
import vn.motcua.identity.Caller;
import vn.motcua.identity.Role;
import vn.motcua.platform.InvalidFields;
import vn.motcua.platform.TextRules;

/**
 * What a filing hands in against its case's template (docs/api.md, "Procedure templates"): the e-form's answers
 * and the components (thành phần hồ sơ). Every required component must be there unless it is replaced by data; a
 * file comes from the filer's own store (so nobody attaches someone else's), paper only across the counter.
 */
@Component
class FilingContents {

	private final PersonalDocuments store;
	private final JdbcDossierRepository repository;

	FilingContents(PersonalDocuments store, JdbcDossierRepository repository) {
		this.store = store;
		this.repository = repository;
	}

	/** A component as it will be held. */
	record Held(String component, Dossier.ComponentKind kind, @Nullable UUID documentId, boolean reused) {
	}

	/** The answers kept (typed) and the components to hold; mistakes go to {@code errors}, all of them. */
	record Checked(Map<String, Object> formData, List<Held> components) {
	}

	Checked check(ProcedureDetail.Case c, Map<String, @Nullable Object> answers, List<FilingRequest.ComponentInput> given,
			Caller caller, InvalidFields.Collector errors) {
		EForm.Checked form = c.form().check(answers);
		form.problems().forEach(p -> errors.add("formData." + p.field(), p.messageKey()));
		return new Checked(form.values(), components(c, given, caller, errors));
	}

	private List<Held> components(ProcedureDetail.Case c, List<FilingRequest.ComponentInput> given, Caller caller,
			InvalidFields.Collector errors) {
		if (given.size() > TextRules.LIST) {
			errors.add("documents", "dossier.documents.too-many", TextRules.LIST);
			return List.of();
		}
		Map<String, ProcedureDetail.Document> template = new LinkedHashMap<>();
		c.documents().forEach(d -> template.put(d.code(), d));
		boolean counter = caller.has(Role.ONE_STOP_OFFICER) && !caller.citizen();
		List<Held> held = new ArrayList<>();
		java.util.Set<UUID> seen = new java.util.HashSet<>();
		for (FilingRequest.ComponentInput in : given) {
			String code = in.component() == null ? "" : in.component().strip();
			String field = "documents." + (code.isEmpty() ? "component" : code);
			if (code.isEmpty() || !template.isEmpty() && !template.containsKey(code) || code.length() > EForm.MAX_NAME) {
				errors.add(field, "dossier.document.unknown-component", String.join(", ", template.keySet()));
				continue;
			}
			if (in.paper() && in.documentId() == null) {
				if (!counter) {
					errors.add(field, "dossier.document.paper-at-counter");
				}
				else {
					held.add(new Held(code, Dossier.ComponentKind.PAPER, null, false));
				}
				continue;
			}
			Optional<StoredDocument> file = uuid(in.documentId()).flatMap(id -> store.owned(id, caller));
			if (file.isEmpty()) {
				errors.add(field, "dossier.document.not-yours");
			}
			else if (seen.add(file.get().id())) {
				// a file taken from the applicant's own store is reuse (Decision 766, 4.4); an officer's scan is not
				held.add(new Held(code, Dossier.ComponentKind.FILE, file.get().id(), caller.citizen()));
			}
		}
		for (ProcedureDetail.Document d : template.values()) {
			boolean given_ = held.stream().anyMatch(h -> h.component().equals(d.code()));
			if (!given_ && d.replacedByData()) {
				held.add(new Held(d.code(), Dossier.ComponentKind.DATA, null, false));
			}
			else if (!given_ && d.required() && !errors.has("documents." + d.code())) {
				errors.add("documents." + d.code(), "dossier.document.missing", d.name());
			}
		}
		return held;
	}

	private static Optional<UUID> uuid(@Nullable String text) {
		try {
			return text == null ? Optional.empty() : Optional.of(UUID.fromString(text.strip()));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	/** Holds the checked components of a dossier just written, and sets its digitized flag from them. */
	void hold(String code, List<Held> components, String actor, Instant at) {
		for (Held h : components) {
			repository.holdComponent(code, h.component(), h.kind(), h.documentId(), h.reused(), actor, at);
		}
		repository.refreshHoldings(code);
	}
}
