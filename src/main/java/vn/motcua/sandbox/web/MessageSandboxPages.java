package vn.motcua.sandbox.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import vn.motcua.platform.DemoMode;
import vn.motcua.sandbox.SandboxMailboxes;

/** The sandbox mailboxes as pages: a tester sees every e-mail, SMS and Zalo message a demo sent. */
@Controller
@DemoMode
class MessageSandboxPages {

	private final SandboxMailboxes mailboxes;

	MessageSandboxPages(SandboxMailboxes mailboxes) {
		this.mailboxes = mailboxes;
	}

	@GetMapping("/sandbox/{system:mail|sms|zalo}")
	String page(@PathVariable String system, @RequestParam(required = false) @Nullable String to, Model model) {
		model.addAttribute("system", system);
		model.addAttribute("to", to);
		model.addAttribute("down", mailboxes.down(MessageSandboxController.SYSTEMS.get(system)));
		model.addAttribute("messages", mailboxes.list(MessageSandboxController.SYSTEMS.get(system), to, 100));
		return "sandbox/messages";
	}

}
