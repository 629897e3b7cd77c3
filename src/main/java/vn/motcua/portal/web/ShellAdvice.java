package vn.motcua.portal.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;
import vn.motcua.platform.NavigationItem;

/** What every page's shell needs: who is signed in, their navigation, and the language-switch links. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class ShellAdvice {

	private final List<NavigationItem> items;
	private final vn.motcua.identity.Callers callers;
	private final vn.motcua.organization.Agencies agencies;

	ShellAdvice(List<NavigationItem> items, vn.motcua.identity.Callers callers, vn.motcua.organization.Agencies agencies) {
		this.items = items.stream().sorted(Comparator.comparingInt(NavigationItem::order)).toList();
		this.callers = callers;
		this.agencies = agencies;
	}

	@ModelAttribute("shell")
	Shell shell(HttpServletRequest request) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		boolean signedIn = auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
		Set<String> roles = signedIn ? auth.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(a -> a.startsWith("ROLE_"))
			.map(a -> a.substring(5))
			.collect(Collectors.toSet()) : Set.of();
		boolean staff = roles.stream().anyMatch(r -> !"CITIZEN".equals(r));
		List<NavigationItem> navigation = !staff ? List.of()
				: items.stream().filter(i -> i.roles().isEmpty() || i.roles().stream().anyMatch(roles::contains)).toList();
		String path = request.getRequestURI();
		// citizens are known by their ID number; show the name their e-ID gave instead
		String displayName = !signedIn ? null
				: auth.getPrincipal() instanceof OidcUser citizen && citizen.getClaimAsString("HoVaTen") != null
						? citizen.getClaimAsString("HoVaTen") : auth.getName();
		java.util.function.Supplier<String> unit = () -> {
			String code = staff ? callers.of(auth).unitCode() : null;
			return code == null ? null : agencies.find(code).map(vn.motcua.organization.Agency::name).orElse(code);
		};
		return new Shell(signedIn, signedIn ? auth.getName() : null, displayName, roles, navigation, path,
				ServletUriComponentsBuilder.fromRequest(request), unit);
	}

	/**
	 * The links to switch language are built only when a page shows them: API controllers get this advice too,
	 * and building them for every API call was a measurable share of its cost.
	 */
	record Shell(boolean signedIn, String username, String displayName, Set<String> roles, List<NavigationItem> navigation, String path,
			UriComponentsBuilder request, java.util.function.Supplier<String> unitSupplier) {

		public boolean active(NavigationItem item) {
			return path.equals(item.href());
		}

		/** The navigation by task, in the workspace's order; empty groups left out. */
		public List<Map.Entry<NavigationItem.Group, List<NavigationItem>>> groups() {
			Map<NavigationItem.Group, List<NavigationItem>> by = new java.util.EnumMap<>(NavigationItem.Group.class);
			navigation.forEach(i -> by.computeIfAbsent(i.group(), g -> new java.util.ArrayList<>()).add(i));
			return List.copyOf(by.entrySet());
		}

		/** The staff member's unit, read when a page shows it. */
		public String unit() {
			return unitSupplier.get();
		}

		/** The roles that say what the staff member does, most responsible first. */
		public List<String> staffRoles() {
			return java.util.stream.Stream.of("PROVINCE_LEADER", "DEPARTMENT_LEADER", "SPECIALIST", "ONE_STOP_OFFICER", "ADMIN")
				.filter(roles::contains).toList();
		}

		public String vietnameseUrl() {
			return request.cloneBuilder().replaceQueryParam("lang", "vi").build().toUriString();
		}

		public String englishUrl() {
			return request.cloneBuilder().replaceQueryParam("lang", "en").build().toUriString();
		}
	}
}
