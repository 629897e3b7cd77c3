package vn.motcua.dossier;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.motcua.catalog.ProcedureDetail;
import vn.motcua.catalog.Procedures;

/**
 * The procedure case a dossier was filed under, as published in the version in force then (a dossier keeps
 * its version); the default case when the dossier names none or a case the version lacks.
 */
@Component
class FiledCases {

	private final Procedures procedures;

	FiledCases(Procedures procedures) {
		this.procedures = procedures;
	}

	ProcedureDetail.@Nullable Case of(Dossier d) {
		Optional<ProcedureDetail> p = d.procedureVersion() == null ? procedures.find(d.procedureCode(), true)
				: procedures.version(d.procedureCode(), d.procedureVersion());
		return p.flatMap(detail -> detail.cases()
			.stream()
			.filter(c -> c.code().equals(d.caseCode()))
			.findFirst()
			.or(() -> Optional.of(detail.defaultCase()))).orElse(null);
	}
}
