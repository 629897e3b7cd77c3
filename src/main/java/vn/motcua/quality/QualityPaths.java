package vn.motcua.quality;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.motcua.platform.NavigationItem;

/** The data-quality page in the staff workspace: leaders read the scores, the units' staff work the queue. */
@Configuration(proxyBeanMethods = false)
class QualityPaths {

	@Bean
	NavigationItem qualityNavigation() {
		return new NavigationItem("nav.quality", "/staff/quality", Set.of(), 30, NavigationItem.Group.MONITOR);
	}
}
