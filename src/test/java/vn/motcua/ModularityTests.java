package vn.motcua;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/** The module structure holds: no module reaches into another's internals, no cycles. */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(MotCuaApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		MODULES.verify();
	}

	@Test
	void everyModuleOfTheArchitectureThatHasContentIsDetected() {
		assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()))
			.contains("platform", "organization", "audit", "identity", "portal", "calendar", "catalog", "identifiers", "registry", "sandbox", "dossier", "document");
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}
}
