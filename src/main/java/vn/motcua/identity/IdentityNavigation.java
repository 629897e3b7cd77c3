package vn.motcua.identity;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.motcua.platform.NavigationItem;

@Configuration(proxyBeanMethods = false)
class IdentityNavigation {

	@Bean
	NavigationItem accountsNavigation() {
		return new NavigationItem("nav.accounts", "/admin/accounts", Set.of("ADMIN"), 790, NavigationItem.Group.ADMIN);
	}

	@Bean
	NavigationItem securityNavigation() {
		return new NavigationItem("nav.security", "/staff/security", Set.of(), 990, NavigationItem.Group.ACCOUNT);
	}
}
