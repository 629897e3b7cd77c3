package vn.motcua.calendar;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.motcua.platform.NavigationItem;
import vn.motcua.platform.PublicPaths;

@Configuration(proxyBeanMethods = false)
class CalendarPaths {

	/** The calendar is public and read-only without sign-in. */
	@Bean
	PublicPaths calendarReads() {
		return PublicPaths.get("/api/v1/calendar/days-off", "/api/v1/calendar/due", "/api/v1/calendar/working-time");
	}

	@Bean
	NavigationItem calendarAdministration() {
		return new NavigationItem("nav.calendar", "/admin/calendar", Set.of("ADMIN"), 820, NavigationItem.Group.ADMIN);
	}
}
