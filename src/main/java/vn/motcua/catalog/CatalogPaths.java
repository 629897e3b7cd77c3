package vn.motcua.catalog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.motcua.platform.NavigationItem;
import vn.motcua.platform.PublicPaths;

@Configuration(proxyBeanMethods = false)
class CatalogPaths {

	/** The catalog is public (internal procedures are filtered per caller). */
	@Bean
	PublicPaths catalogReads() {
		return PublicPaths.get("/api/v1/procedures", "/api/v1/procedures/*", "/procedures", "/procedures/**",
				"/api/v1/simplification-plans");
	}

	@Bean
	NavigationItem simplificationProgramme() {
		return new NavigationItem("nav.simplification", "/staff/simplification",
				java.util.Set.of("ADMIN", "PROVINCE_LEADER", "DEPARTMENT_LEADER"), 700, NavigationItem.Group.REPORT);
	}

	@Bean
	NavigationItem catalogAdministrationPage() {
		return new NavigationItem("nav.catalog-admin", "/admin/catalog", java.util.Set.of("ADMIN"), 810, NavigationItem.Group.CATALOG);
	}
}
