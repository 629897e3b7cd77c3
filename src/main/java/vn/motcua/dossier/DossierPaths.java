package vn.motcua.dossier;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.motcua.platform.PublicPaths;

@Configuration(proxyBeanMethods = false)
class DossierPaths {

	/** Public tracking needs no sign-in: the code and the applicant's ID number are the key. */
	@Bean
	PublicPaths dossierTracking() {
		return PublicPaths.get("/api/v1/track/**", "/track", "/track/**");
	}

	@Bean
	vn.motcua.platform.NavigationItem dossierNavigation() {
		return new vn.motcua.platform.NavigationItem("nav.dossiers", "/staff/dossiers", java.util.Set.of(), 100,
				vn.motcua.platform.NavigationItem.Group.PROCESS);
	}

	@Bean
	vn.motcua.platform.NavigationItem processNavigation() {
		return new vn.motcua.platform.NavigationItem("nav.processes", "/admin/processes", java.util.Set.of("ADMIN"), 815,
				vn.motcua.platform.NavigationItem.Group.CATALOG);
	}

	@Bean
	vn.motcua.platform.NavigationItem dossierImportNavigation() {
		return new vn.motcua.platform.NavigationItem("nav.dossier-import", "/admin/dossiers/import",
				java.util.Set.of("ADMIN"), 820, vn.motcua.platform.NavigationItem.Group.ADMIN);
	}

	/** Tiếp nhận: the counter intake, for the one-stop officers. */
	@Bean
	vn.motcua.platform.NavigationItem intakeNavigation() {
		return new vn.motcua.platform.NavigationItem("nav.intake", "/staff/dossiers/new",
				java.util.Set.of("ONE_STOP_OFFICER", "ADMIN"), 10, vn.motcua.platform.NavigationItem.Group.RECEIVE);
	}
}
