package vn.motcua.organization;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.motcua.platform.NavigationItem;
import vn.motcua.platform.PublicPaths;

@Configuration(proxyBeanMethods = false)
class OrganizationPaths {

	@Bean
	PublicPaths agencyReads() {
		return PublicPaths.get("/api/v1/agencies");
	}

	@Bean
	NavigationItem agencyTree() {
		return new NavigationItem("nav.agencies", "/staff/agencies", Set.of(), 800, NavigationItem.Group.CATALOG);
	}
}
