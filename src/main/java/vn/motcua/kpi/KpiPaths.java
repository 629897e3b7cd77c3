package vn.motcua.kpi;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.motcua.platform.NavigationItem;

@Configuration(proxyBeanMethods = false)
class KpiPaths {

	@Bean
	NavigationItem dashboardNavigation() {
		return new NavigationItem("nav.dashboard", "/staff/dashboard", Set.of("PROVINCE_LEADER", "DEPARTMENT_LEADER", "ADMIN"),
				50, NavigationItem.Group.REPORT);
	}
}
