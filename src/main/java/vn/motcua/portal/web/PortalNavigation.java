package vn.motcua.portal.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.motcua.platform.NavigationItem;

@Configuration(proxyBeanMethods = false)
class PortalNavigation {

	@Bean
	NavigationItem workspace() {
		return new NavigationItem("nav.workspace", "/staff", Set.of(), 0, NavigationItem.Group.HOME);
	}

	@Bean
	NavigationItem apiDocs() {
		return new NavigationItem("nav.api-docs", "/swagger-ui.html", Set.of("ADMIN"), 900, NavigationItem.Group.ADMIN);
	}
}
