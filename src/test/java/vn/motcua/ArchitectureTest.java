package vn.motcua;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The conventions that matter, enforced rather than remembered. */
class ArchitectureTest {

	static final JavaClasses PRODUCTION = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("vn.motcua");

	@Test
	void modulesFormNoCycles() {
		slices().matching("vn.motcua.(*)..").should().beFreeOfCycles().check(PRODUCTION);
	}

	@Test
	void httpControllersLiveOnlyInAModulesWebPackage() {
		classes().that()
			.areAnnotatedWith(Controller.class)
			.or()
			.areAnnotatedWith(RestController.class)
			.should()
			.resideInAPackage("vn.motcua.*.web..")
			.check(PRODUCTION);
	}

	/**
	 * One repository writes the dossier row: every change goes through {@code JdbcDossierRepository} (the legacy
	 * import's set-based batches are the one other writer). Read from the sources, since SQL is text to ArchUnit.
	 */
	@Test
	void onlyTheDossierRepositoryWritesTheDossierTable() throws java.io.IOException {
		java.util.regex.Pattern write = java.util.regex.Pattern.compile("(?i)(update\\s+dossier\\s+set|insert\\s+into\\s+dossier\\s*\\()");
		try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
			java.util.List<String> writers = files.filter(f -> f.toString().endsWith(".java"))
				.filter(f -> {
					try {
						return write.matcher(java.nio.file.Files.readString(f)).find();
					}
					catch (java.io.IOException e) {
						throw new java.io.UncheckedIOException(e);
					}
				})
				.map(f -> f.getFileName().toString())
				.sorted()
				.toList();
			org.assertj.core.api.Assertions.assertThat(writers).containsExactly("JdbcDossierRepository.java", "LegacyImport.java");
		}
	}

	/**
	 * The catalog's and the organization's tables are read by their own modules only; the others go through
	 * their APIs or the views they publish ({@code catalog_procedure}, {@code catalog_procedure_publication}).
	 */
	@Test
	void noOtherModuleReadsTheCatalogOrAgencyTables() throws java.io.IOException {
		java.util.regex.Pattern read = java.util.regex.Pattern
			.compile("(?i)\\b(from|join)\\s+(procedure|procedure_case|procedure_version|agency)\\b(?!_)");
		try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java/vn/motcua"))) {
			java.util.List<String> readers = files.filter(f -> f.toString().endsWith(".java"))
				.filter(f -> !f.startsWith("src/main/java/vn/motcua/catalog") && !f.startsWith("src/main/java/vn/motcua/organization"))
				.filter(f -> {
					try {
						return read.matcher(java.nio.file.Files.readString(f)).find();
					}
					catch (java.io.IOException e) {
						throw new java.io.UncheckedIOException(e);
					}
				})
				.map(java.nio.file.Path::toString)
				.sorted()
				.toList();
			org.assertj.core.api.Assertions.assertThat(readers).isEmpty();
		}
	}

	/** One name per role, so that a reader knows what a class is from its name (CONTRIBUTING.md). */
	@Test
	void pageControllersAreNamedPages() {
		classes().that()
			.areAnnotatedWith(Controller.class)
			.should()
			.haveSimpleNameEndingWith("Pages")
			.because("HTML controllers are *Pages, REST controllers *Controller")
			.check(PRODUCTION);
	}

	@Test
	void restControllersAreNamedController() {
		classes().that()
			.areAnnotatedWith(RestController.class)
			.should()
			.haveSimpleNameEndingWith("Controller")
			.because("HTML controllers are *Pages, REST controllers *Controller")
			.check(PRODUCTION);
	}

	@Test
	void jdbcRepositoriesAreNamedJdbc() {
		classes().that()
			.areAnnotatedWith(org.springframework.stereotype.Repository.class)
			.should()
			.haveSimpleNameStartingWith("Jdbc")
			.because("a class that stores a module's records with JdbcClient is Jdbc<what it stores>")
			.check(PRODUCTION);
	}

	/** problem+json answers come from an advice for @RestController; a @ResponseBody on a page controller would miss it. */
	@Test
	void apiEndpointsAreRestControllers() {
		noMethods().that()
			.areAnnotatedWith(org.springframework.web.bind.annotation.ResponseBody.class)
			.should()
			.beDeclaredInClassesThat()
			.areAnnotatedWith(Controller.class)
			.allowEmptyShould(true) // none today: the rule guards against the first one
			.check(PRODUCTION);
	}

	@Test
	void timeComesOnlyFromTheInjectedClock() {
		noClasses().should()
			.callMethod(Instant.class, "now")
			.orShould()
			.callMethod(LocalDate.class, "now")
			.orShould()
			.callMethod(LocalDateTime.class, "now")
			.orShould()
			.callMethod(ZonedDateTime.class, "now")
			.orShould()
			.callMethod(OffsetDateTime.class, "now")
			.orShould()
			.callMethod(System.class, "currentTimeMillis")
			.orShould()
			.callMethod(Clock.class, "systemUTC")
			.orShould()
			.callMethod(Clock.class, "systemDefaultZone")
			.because("deadlines are tested with a fixed clock; read time from the injected Clock")
			.check(PRODUCTION);
	}

	@Test
	void onlyThePlatformReadsTheSystemClock() {
		noClasses().that()
			.resideOutsideOfPackage("vn.motcua.platform.internal")
			.should()
			.callMethod(Clock.class, "system", java.time.ZoneId.class)
			.check(PRODUCTION);
	}

	@Test
	void storageIsPostgresqlThroughJdbcClientNotJpa() {
		noClasses().should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..")
			.check(PRODUCTION);
	}
}
