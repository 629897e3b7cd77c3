package vn.motcua.programme;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.motcua.platform.NavigationItem;

/** The tracker's places in the staff workspace: every staff member follows the tasks of their units. */
@Configuration(proxyBeanMethods = false)
class ProgrammePaths {

	@Bean
	NavigationItem programmeNavigation() {
		return new NavigationItem("nav.programme", "/staff/programme", Set.of(), 20, NavigationItem.Group.MONITOR);
	}

	@Bean
	NavigationItem leadershipNavigation() {
		return new NavigationItem("nav.leadership", "/staff/programme/leadership",
				Set.of("ADMIN", "PROVINCE_LEADER", "DEPARTMENT_LEADER"), 60, NavigationItem.Group.REPORT);
	}
}
