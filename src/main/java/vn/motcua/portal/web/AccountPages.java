package vn.motcua.portal.web;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpSession;

import vn.motcua.identity.CitizenAccount;
import vn.motcua.identity.CitizenAccounts;
import vn.motcua.platform.PageRequestParams;
import vn.motcua.platform.Zones;
import vn.motcua.registry.RegistryLookups;
import vn.motcua.registry.RegistryResult;
import vn.motcua.registry.Resident;
import vn.motcua.registry.RegistryPurpose;

/**
 * The citizen's own pages: who they are to MotCua (from their e-ID and the population database, which is
 * what filing forms are prefilled with), and who has looked up their data in that database.
 */
@Controller
class AccountPages {

	static final String PREFILL_PURPOSE = "Công dân xem thông tin cá nhân để điền sẵn hồ sơ";

	private final CitizenAccounts accounts;
	private final RegistryLookups registry;

	AccountPages(CitizenAccounts accounts, RegistryLookups registry) {
		this.accounts = accounts;
		this.registry = registry;
	}

	/** What the registry said about the citizen, kept for the session so each visit is not another lookup. */
	record Profile(RegistryResult result, @Nullable Resident resident) implements java.io.Serializable {

		public Optional<Resident> residentIfKnown() {
			return Optional.ofNullable(resident);
		}
	}

	/** The page's view of the lookup: the same shape whether it was made now or earlier in the session. */
	public record RegistryView(RegistryResult result, Optional<Resident> resident) {
	}

	@GetMapping("/account")
	String account(Authentication citizen, HttpSession session, Model model) {
		CitizenAccount account = accounts.find(citizen.getName()).orElseThrow();
		model.addAttribute("account", account);
		Profile profile = session.getAttribute(PROFILE) instanceof Profile p && account.idNumber().equals(
				p.resident() == null ? account.idNumber() : p.resident().idNumber()) ? p : null;
		if (profile == null) {
			RegistryLookups.Lookup l = registry.lookUp(account.idNumber(),
					new RegistryPurpose(account.idNumber(), PREFILL_PURPOSE, null));
			profile = new Profile(l.result(), l.resident().orElse(null));
			if (l.result() != RegistryResult.UNAVAILABLE) {
				session.setAttribute(PROFILE, profile); // an unavailable registry is asked again next visit
			}
		}
		model.addAttribute("registry", new RegistryView(profile.result(), profile.residentIfKnown()));
		return "portal/account";
	}

	static final String PROFILE = "motcua.account.registry-profile";

	@GetMapping("/account/lookups")
	String lookups(Authentication citizen, @RequestParam(defaultValue = "0") int page, Model model) {
		PageRequestParams.check(page, 50);
		model.addAttribute("lookups", registry.log(citizen.getName(), page, 50)
			.stream()
			.map(l -> new LookupRow(l, OffsetDateTime.ofInstant(l.at(), Zones.VIETNAM)))
			.toList());
		model.addAttribute("total", registry.count(citizen.getName()));
		model.addAttribute("page", page);
		return "portal/account-lookups";
	}

	record LookupRow(RegistryLookups.LoggedLookup lookup, OffsetDateTime at) {
	}
}
