package vn.motcua.portal.web;

import java.time.OffsetDateTime;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.motcua.identity.CitizenAccount;
import vn.motcua.identity.CitizenAccounts;
import vn.motcua.platform.PageRequestParams;
import vn.motcua.platform.Zones;
import vn.motcua.registry.RegistryLookups;
import vn.motcua.registry.RegistryPurpose;

/**
 * The citizen's own pages: who they are to MotCua (from their e-ID and the population database, which is
 * what filing forms are prefilled with), and who has looked up their data in that database.
 */
@Controller
class AccountController {

	static final String PREFILL_PURPOSE = "Công dân xem thông tin cá nhân để điền sẵn hồ sơ";

	private final CitizenAccounts accounts;
	private final RegistryLookups registry;

	AccountController(CitizenAccounts accounts, RegistryLookups registry) {
		this.accounts = accounts;
		this.registry = registry;
	}

	@GetMapping("/account")
	String account(Authentication citizen, Model model) {
		CitizenAccount account = accounts.find(citizen.getName()).orElseThrow();
		model.addAttribute("account", account);
		model.addAttribute("registry",
				registry.lookUp(account.idNumber(), new RegistryPurpose(account.idNumber(), PREFILL_PURPOSE, null)));
		return "portal/account";
	}

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
